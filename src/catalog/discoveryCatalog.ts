/**
 * The default catalog: every source the account has, found by listing (Q Business ListApplications →
 * ListIndices → ListDataSources, Kendra ListIndices → ListDataSources, Q Connect
 * ListKnowledgeBases), kept for a time to live and shared by all requests. Concurrent readers share
 * one listing in flight. A service whose listing fails is reported (and not cached), the others are
 * still served. Danger: the listing runs with the gateway's identity, not the caller's.
 */
import { SERVICES, serviceOf, type Service } from '../model/services';
import type { ContainerRef, JobSourceRef, NodeRef } from '../model/sources';
import type { Upstream } from '../services/upstream';
import type { GatewayStore } from '../store/GatewayStore';
import { ListingCache } from './listingCache';
import {
  allKendraDataSources,
  allKendraIndices,
  allKnowledgeBases,
  allQBusinessApplications,
  allQBusinessDataSources,
  allQBusinessIndices,
} from './listings';
import type { CatalogListing, ContainerListing, SourceCatalog } from './SourceCatalog';

/** One service's discovered sources, and the parents (indexes, applications) that exist. */
interface ServiceListing {
  sources: JobSourceRef[];
  /** Index ids, application ids and `application/index` pairs. */
  parents: string[];
  /** The same parents as references, with what their list calls returned (name, status). */
  containers: ContainerRef[];
}

export interface DiscoveryOptions {
  /** How long a listing is reused (default 300 s). */
  ttlSeconds?: number;
  /** The services discovered (default all three). */
  services?: readonly Service[];
  now?: () => number;
  /** Shares the listings with replicas (see `ListingCache`). */
  store?: GatewayStore;
}

/** Every source the account has, found by listing (see the module header). */
export class DiscoveryCatalog implements SourceCatalog {
  private readonly listings: ListingCache;
  private readonly services: readonly Service[];

  constructor(
    private readonly upstream: Upstream,
    options: DiscoveryOptions = {},
  ) {
    this.listings = new ListingCache({
      ttlMs: (options.ttlSeconds ?? 300) * 1000,
      now: options.now,
      store: options.store,
    });
    this.services = options.services ?? SERVICES;
  }

  async list(): Promise<CatalogListing> {
    const parts = await Promise.all(
      this.services.map((service) =>
        this.listing(service).then(
          (listing) => ({ sources: listing.sources, failures: [] }),
          (error: Error) => ({ sources: [], failures: [{ service, error }] }),
        ),
      ),
    );
    return { sources: parts.flatMap((p) => p.sources), failures: parts.flatMap((p) => p.failures) };
  }

  async containers(): Promise<ContainerListing> {
    const parts = await Promise.all(
      this.services.map((service) =>
        this.listing(service).then(
          (listing) => ({ containers: listing.containers, failures: [] }),
          (error: Error) => ({ containers: [], failures: [{ service, error }] }),
        ),
      ),
    );
    return {
      containers: parts.flatMap((p) => p.containers),
      failures: parts.flatMap((p) => p.failures),
    };
  }

  async serves(ref: NodeRef): Promise<boolean> {
    const service = serviceOf(ref);
    if (!this.services.includes(service)) return false;
    // Rejects with the listing's failure: whether the id is served cannot be told.
    const { sources, parents } = await this.listing(service);
    switch (ref.kind) {
      case 'KendraIndex':
        return parents.includes(ref.indexId);
      case 'QBusinessApplication':
        return parents.includes(ref.applicationId);
      case 'QBusinessIndex':
        return parents.includes(`${ref.applicationId}/${ref.indexId}`);
      case 'KendraDataSource':
        return sources.some(
          (s) =>
            s.kind === ref.kind && s.indexId === ref.indexId && s.dataSourceId === ref.dataSourceId,
        );
      case 'QBusinessDataSource':
        return sources.some(
          (s) =>
            s.kind === ref.kind &&
            s.applicationId === ref.applicationId &&
            s.indexId === ref.indexId &&
            s.dataSourceId === ref.dataSourceId,
        );
      case 'QConnectKnowledgeBase':
        return sources.some(
          (s) => s.kind === ref.kind && s.knowledgeBaseId === ref.knowledgeBaseId,
        );
    }
  }

  /** Forgets every listing (next read lists again). */
  invalidate(): void {
    this.listings.clear();
  }

  /**
   * The service's listing, kept or listed now. The race check the cache makes for us: a reader
   * that finds a failed or expired listing must replace only that listing, never a fresh one
   * another reader started meanwhile (else two listings run and one result is lost); lru-cache's
   * `fetch()` replaces or drops an entry only while it still holds the fetch it started.
   */
  private listing(service: Service): Promise<ServiceListing> {
    return this.listings.get(service, () => this.discover(service));
  }

  private async discover(service: Service): Promise<ServiceListing> {
    const upstream = this.upstream;
    switch (service) {
      case 'KENDRA': {
        const indices = await allKendraIndices(upstream);
        // The index's listed name rides along, so a page naming each job's index costs no
        // DescribeIndex per index.
        const perIndex = await Promise.all(
          indices.map(async (index) =>
            (await allKendraDataSources(upstream, index.indexId)).map((source) => ({
              ...source,
              indexName: index.name,
            })),
          ),
        );
        const containers = indices.map((i): ContainerRef => ({
          kind: 'KendraIndex',
          indexId: i.indexId,
          details: { name: i.name, status: i.status },
        }));
        return { sources: perIndex.flat(), parents: indices.map((i) => i.indexId), containers };
      }
      case 'QBUSINESS': {
        const apps = await allQBusinessApplications(upstream);
        const indices = (
          await Promise.all(apps.map((app) => allQBusinessIndices(upstream, app.applicationId)))
        ).flat();
        const sources = await Promise.all(
          indices.map(async (index) =>
            (await allQBusinessDataSources(upstream, index.applicationId, index.indexId)).map(
              (source) => ({ ...source, indexName: index.name }),
            ),
          ),
        );
        const parents = [
          ...apps.map((a) => a.applicationId),
          ...indices.map((i) => `${i.applicationId}/${i.indexId}`),
        ];
        const containers: ContainerRef[] = [
          ...apps.map((a): ContainerRef => ({
            kind: 'QBusinessApplication',
            applicationId: a.applicationId,
            details: { name: a.name, status: a.status },
          })),
          ...indices.map((i): ContainerRef => ({
            kind: 'QBusinessIndex',
            applicationId: i.applicationId,
            indexId: i.indexId,
            details: { name: i.name, status: i.status },
          })),
        ];
        return { sources: sources.flat(), parents, containers };
      }
      case 'QCONNECT':
        return { sources: await allKnowledgeBases(upstream), parents: [], containers: [] };
    }
  }
}

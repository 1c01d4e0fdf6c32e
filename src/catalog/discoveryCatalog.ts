/**
 * The default catalog: every source the account has, found by listing (Q Business ListApplications →
 * ListIndices → ListDataSources, Kendra ListIndices → ListDataSources, Q Connect
 * ListKnowledgeBases), kept for a time to live and shared by all requests. Concurrent readers share
 * one listing in flight. A service whose listing fails is reported (and not cached), the others are
 * still served. Danger: the listing runs with the gateway's identity, not the caller's.
 */
import type { GraphQLError } from 'graphql';
import { SERVICES, serviceOf, type Service } from '../model/services';
import type {
  JobSourceRef,
  KendraDataSourceRef,
  NodeRef,
  QBusinessDataSourceRef,
  QConnectKnowledgeBaseRef,
} from '../model/sources';
import { listKendraDataSourcesPage, listKendraIndicesPage } from '../services/kendra/resources';
import {
  listQBusinessApplicationsPage,
  listQBusinessDataSourcesPage,
  listQBusinessIndicesPage,
} from '../services/qbusiness/resources';
import { listKnowledgeBasesPage } from '../services/qconnect/resources';
import type { Upstream } from '../services/upstream';
import { listAll } from './listAll';
import type { CatalogListing, SourceCatalog } from './SourceCatalog';

interface ServiceListing {
  at: number;
  sources?: JobSourceRef[];
  /** Parent ids (indexes, applications, application/index pairs) that exist. */
  parents?: Set<string>;
  error?: Error;
}

export interface DiscoveryOptions {
  /** How long a listing is reused (default 300 s). */
  ttlSeconds?: number;
  services?: readonly Service[];
  now?: () => number;
}

export class DiscoveryCatalog implements SourceCatalog {
  private readonly cache = new Map<Service, Promise<ServiceListing>>();
  private readonly ttlMs: number;
  private readonly services: readonly Service[];
  private readonly now: () => number;

  constructor(
    private readonly upstream: Upstream,
    options: DiscoveryOptions = {},
  ) {
    this.ttlMs = (options.ttlSeconds ?? 300) * 1000;
    this.services = options.services ?? SERVICES;
    this.now = options.now ?? Date.now;
  }

  async list(): Promise<CatalogListing> {
    const listings = await Promise.all(this.services.map((service) => this.listing(service).then((l) => ({ service, l }))));
    return {
      sources: listings.flatMap(({ l }) => l.sources ?? []),
      failures: listings.filter(({ l }) => l.error).map(({ service, l }) => ({ service, error: l.error! })),
    };
  }

  async serves(ref: NodeRef): Promise<boolean> {
    const service = serviceOf(ref);
    if (!this.services.includes(service)) return false;
    const listing = await this.listing(service);
    if (listing.error) throw listing.error;
    switch (ref.kind) {
      case 'KendraIndex':
        return listing.parents!.has(ref.indexId);
      case 'QBusinessApplication':
        return listing.parents!.has(ref.applicationId);
      case 'QBusinessIndex':
        return listing.parents!.has(`${ref.applicationId}/${ref.indexId}`);
      case 'KendraDataSource':
        return listing.sources!.some((s) => s.kind === ref.kind && s.indexId === ref.indexId && s.dataSourceId === ref.dataSourceId);
      case 'QBusinessDataSource':
        return listing.sources!.some(
          (s) =>
            s.kind === ref.kind &&
            s.applicationId === ref.applicationId &&
            s.indexId === ref.indexId &&
            s.dataSourceId === ref.dataSourceId,
        );
      case 'QConnectKnowledgeBase':
        return listing.sources!.some((s) => s.kind === ref.kind && s.knowledgeBaseId === ref.knowledgeBaseId);
    }
  }

  /** Forgets every listing (next read lists again). */
  invalidate(): void {
    this.cache.clear();
  }

  private listing(service: Service): Promise<ServiceListing> {
    const cached = this.cache.get(service);
    if (cached) {
      return cached.then((listing) => {
        if (listing.error || this.now() - listing.at > this.ttlMs) {
          if (this.cache.get(service) === cached) this.cache.delete(service);
          return this.listing(service);
        }
        return listing;
      });
    }
    const fresh = this.discover(service).then(
      (found): ServiceListing => ({ at: this.now(), ...found }),
      (error: GraphQLError): ServiceListing => ({ at: this.now(), error }),
    );
    this.cache.set(service, fresh);
    return fresh;
  }

  private async discover(service: Service): Promise<{ sources: JobSourceRef[]; parents: Set<string> }> {
    const upstream = this.upstream;
    switch (service) {
      case 'KENDRA': {
        const indices = await listAll((page) => listKendraIndicesPage(upstream, page), 100);
        const perIndex = await Promise.all(
          indices.map((index) => listAll((page) => listKendraDataSourcesPage(upstream, index.indexId, page), 100)),
        );
        return { sources: perIndex.flat() as KendraDataSourceRef[], parents: new Set(indices.map((i) => i.indexId)) };
      }
      case 'QBUSINESS': {
        const apps = await listAll((page) => listQBusinessApplicationsPage(upstream, page), 100);
        const indices = (
          await Promise.all(apps.map((app) => listAll((page) => listQBusinessIndicesPage(upstream, app.applicationId, page), 100)))
        ).flat();
        const sources = await Promise.all(
          indices.map((index) =>
            listAll((page) => listQBusinessDataSourcesPage(upstream, index.applicationId, index.indexId, page), 10),
          ),
        );
        const parents = new Set([
          ...apps.map((a) => a.applicationId),
          ...indices.map((i) => `${i.applicationId}/${i.indexId}`),
        ]);
        return { sources: sources.flat() as QBusinessDataSourceRef[], parents };
      }
      case 'QCONNECT': {
        const kbs = await listAll((page) => listKnowledgeBasesPage(upstream, page), 100);
        return { sources: kbs as QConnectKnowledgeBaseRef[], parents: new Set() };
      }
    }
  }
}

/**
 * The catalog of a configuration file (`--config gateway.yaml`): exactly the indexes, applications,
 * data sources and knowledge bases it names. An id the file lists is answered from memory; where the
 * file says "every X of this parent" (a list left out), that parent is listed upstream, kept for a
 * time to live shared by all requests, one listing in flight per parent (`ListingCache`). A failed listing is
 * reported (in `list().failures`, or thrown by `serves`) and never cached, so the next read asks
 * again. Danger: an explicitly listed id is served without asking the service whether it exists;
 * a typo there surfaces later as NOT_FOUND from the describe or job calls, not here.
 */
import type { Service } from '../model/services';
import type {
  ContainerRef,
  JobSourceRef,
  KendraDataSourceRef,
  NodeRef,
  QBusinessDataSourceRef,
  QConnectKnowledgeBaseRef,
} from '../model/sources';
import type { Upstream } from '../services/upstream';
import type { GatewayStore } from '../store/GatewayStore';
import { ListingCache } from './listingCache';
import {
  allKendraDataSources,
  allKnowledgeBases,
  allQBusinessDataSources,
  allQBusinessIndices,
} from './listings';
import type { CatalogListing, ContainerListing, SourceCatalog } from './SourceCatalog';

/**
 * A validated configuration (see `loadCatalogConfig` for the file format). A service left out is
 * not served; a list left out (`dataSources`, `indices`, `knowledgeBases`) means every one of the
 * parent, as the service lists it. Ids are the services' own; knowledge bases are bare UUIDs.
 */
export interface CatalogConfig {
  region?: string;
  kendra?: { indexes: { id: string; dataSources?: string[] }[] };
  qbusiness?: {
    applications: { id: string; indices?: { id: string; dataSources?: string[] }[] }[];
  };
  qconnect?: { knowledgeBases?: string[] };
  /** How long a listing of "every X" is reused (default 300 s). */
  discoveryTtlSeconds?: number;
}

export interface ConfigCatalogOptions {
  /** Overrides `discoveryTtlSeconds` of the config. */
  ttlSeconds?: number;
  now?: () => number;
  /** Shares the listings with replicas (see `ListingCache`). */
  store?: GatewayStore;
}

/** A configured set of children: `undefined` = every child, as listed upstream. */
type Children<T> = T | undefined;
type QBusinessIndices = Map<string, Children<Set<string>>>;

interface Part {
  sources: JobSourceRef[];
  failures: CatalogListing['failures'];
}

/** The sources a configuration file names (see the module header). */
export class ConfigCatalog implements SourceCatalog {
  private readonly kendra?: Map<string, Children<Set<string>>>;
  private readonly qbusiness?: Map<string, Children<QBusinessIndices>>;
  /** `null`: Q Connect not served. */
  private readonly knowledgeBases: Children<Set<string>> | null;
  private readonly listings: ListingCache;

  constructor(
    private readonly upstream: Upstream,
    config: CatalogConfig,
    options: ConfigCatalogOptions = {},
  ) {
    const ids = (list?: string[]) => (list ? new Set(list) : undefined);
    if (config.kendra)
      this.kendra = new Map(
        config.kendra.indexes.map((index) => [index.id, ids(index.dataSources)]),
      );
    if (config.qbusiness) {
      this.qbusiness = new Map(
        config.qbusiness.applications.map((app) => [
          app.id,
          app.indices && new Map(app.indices.map((index) => [index.id, ids(index.dataSources)])),
        ]),
      );
    }
    this.knowledgeBases = config.qconnect ? ids(config.qconnect.knowledgeBases) : null;
    this.listings = new ListingCache({
      ttlMs: (options.ttlSeconds ?? config.discoveryTtlSeconds ?? 300) * 1000,
      now: options.now,
      store: options.store,
    });
  }

  /**
   * Answers without an upstream call whenever the config decides (an id it lists, or one outside a
   * parent it lists); otherwise lists that parent (cached). Rejects with the listing's error when
   * the parent cannot be listed.
   */
  async serves(ref: NodeRef): Promise<boolean> {
    switch (ref.kind) {
      case 'KendraIndex':
        return this.kendra?.has(ref.indexId) ?? false;
      case 'KendraDataSource': {
        if (!this.kendra?.has(ref.indexId)) return false;
        const explicit = this.kendra.get(ref.indexId);
        if (explicit) return explicit.has(ref.dataSourceId);
        return (await this.kendraDataSources(ref.indexId)).some(
          (s) => s.dataSourceId === ref.dataSourceId,
        );
      }
      case 'QBusinessApplication':
        return this.qbusiness?.has(ref.applicationId) ?? false;
      case 'QBusinessIndex':
        return (await this.qbusinessIndex(ref.applicationId, ref.indexId)) !== undefined;
      case 'QBusinessDataSource': {
        const index = await this.qbusinessIndex(ref.applicationId, ref.indexId);
        if (!index) return false;
        if (index.dataSources) return index.dataSources.has(ref.dataSourceId);
        const listed = await this.qbusinessDataSources(ref.applicationId, ref.indexId);
        return listed.some((s) => s.dataSourceId === ref.dataSourceId);
      }
      case 'QConnectKnowledgeBase': {
        if (this.knowledgeBases === null) return false;
        if (this.knowledgeBases) return this.knowledgeBases.has(ref.knowledgeBaseId);
        return (await this.allKnowledgeBases()).some(
          (kb) => kb.knowledgeBaseId === ref.knowledgeBaseId,
        );
      }
    }
  }

  /** Every served source, in the config's order; listed ones carry `details`, configured ones do not. */
  async list(): Promise<CatalogListing> {
    const parts = await Promise.all([
      ...this.kendraParts(),
      ...this.qbusinessParts(),
      ...this.qconnectParts(),
    ]);
    return { sources: parts.flatMap((p) => p.sources), failures: parts.flatMap((p) => p.failures) };
  }

  /**
   * The configured indexes and applications (no call), and the indices of each application the
   * file lists without `indices` (listed upstream, cached like the sources).
   */
  async containers(): Promise<ContainerListing> {
    const containers: ContainerRef[] = [...(this.kendra?.keys() ?? [])].map((indexId) => ({
      kind: 'KendraIndex',
      indexId,
    }));
    const failures: ContainerListing['failures'] = [];
    for (const [applicationId, indices] of this.qbusiness ?? []) {
      containers.push({ kind: 'QBusinessApplication', applicationId });
      let indexIds: string[];
      try {
        indexIds = indices ? [...indices.keys()] : await this.qbusinessIndexIds(applicationId);
      } catch (error) {
        failures.push({ service: 'QBUSINESS', error: error as Error });
        continue;
      }
      for (const indexId of indexIds) {
        containers.push({ kind: 'QBusinessIndex', applicationId, indexId });
      }
    }
    return { containers, failures };
  }

  /** Forgets every listing (the next read lists again). */
  invalidate(): void {
    this.listings.clear();
  }

  private kendraParts(): Promise<Part>[] {
    const ref = (indexId: string, dataSourceId: string): KendraDataSourceRef => ({
      kind: 'KendraDataSource',
      indexId,
      dataSourceId,
    });
    return [...(this.kendra ?? [])].map(([indexId, dataSources]) =>
      dataSources
        ? explicit([...dataSources].map((dataSourceId) => ref(indexId, dataSourceId)))
        : reported('KENDRA', this.kendraDataSources(indexId)),
    );
  }

  private qbusinessParts(): Promise<Part>[] {
    const indexPart = (
      applicationId: string,
      indexId: string,
      dataSources: Children<Set<string>>,
    ): Promise<Part> =>
      dataSources
        ? explicit(
            [...dataSources].map((dataSourceId): QBusinessDataSourceRef => ({
              kind: 'QBusinessDataSource',
              applicationId,
              indexId,
              dataSourceId,
            })),
          )
        : reported('QBUSINESS', this.qbusinessDataSources(applicationId, indexId));
    return [...(this.qbusiness ?? [])].map(async ([applicationId, indices]): Promise<Part> => {
      let indexIds: string[];
      if (indices) indexIds = [...indices.keys()];
      else {
        try {
          indexIds = await this.qbusinessIndexIds(applicationId);
        } catch (error) {
          return { sources: [], failures: [{ service: 'QBUSINESS', error: error as Error }] };
        }
      }
      const parts = await Promise.all(
        indexIds.map((indexId) => indexPart(applicationId, indexId, indices?.get(indexId))),
      );
      return {
        sources: parts.flatMap((p) => p.sources),
        failures: parts.flatMap((p) => p.failures),
      };
    });
  }

  private qconnectParts(): Promise<Part>[] {
    if (this.knowledgeBases === null) return [];
    if (this.knowledgeBases) {
      const ref = (knowledgeBaseId: string): QConnectKnowledgeBaseRef => ({
        kind: 'QConnectKnowledgeBase',
        knowledgeBaseId,
      });
      return [explicit([...this.knowledgeBases].map(ref))];
    }
    return [reported('QCONNECT', this.allKnowledgeBases())];
  }

  /** The configured entry of a Q Business index (`{}` = every data source), or undefined if not served. */
  private async qbusinessIndex(
    applicationId: string,
    indexId: string,
  ): Promise<{ dataSources?: Set<string> } | undefined> {
    if (!this.qbusiness?.has(applicationId)) return undefined;
    const indices = this.qbusiness.get(applicationId);
    if (indices) return indices.has(indexId) ? { dataSources: indices.get(indexId) } : undefined;
    return (await this.qbusinessIndexIds(applicationId)).includes(indexId) ? {} : undefined;
  }

  private kendraDataSources(indexId: string): Promise<KendraDataSourceRef[]> {
    return this.listings.get(`kendra/${indexId}`, () =>
      allKendraDataSources(this.upstream, indexId),
    );
  }

  private qbusinessIndexIds(applicationId: string): Promise<string[]> {
    return this.listings.get(`qbusiness/${applicationId}`, async () =>
      (await allQBusinessIndices(this.upstream, applicationId)).map((i) => i.indexId),
    );
  }

  private qbusinessDataSources(
    applicationId: string,
    indexId: string,
  ): Promise<QBusinessDataSourceRef[]> {
    return this.listings.get(`qbusiness/${applicationId}/${indexId}`, () =>
      allQBusinessDataSources(this.upstream, applicationId, indexId),
    );
  }

  private allKnowledgeBases(): Promise<QConnectKnowledgeBaseRef[]> {
    return this.listings.get('qconnect', () => allKnowledgeBases(this.upstream));
  }
}

/** Sources the config names: no listing, so no failure and no `details`. */
function explicit(sources: JobSourceRef[]): Promise<Part> {
  return Promise.resolve({ sources, failures: [] });
}

function reported(service: Service, listing: Promise<JobSourceRef[]>): Promise<Part> {
  return listing.then(
    (sources) => ({ sources, failures: [] }),
    (error: Error) => ({ sources: [], failures: [{ service, error }] }),
  );
}

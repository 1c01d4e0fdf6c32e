/**
 * One DataLoader per upstream read, built anew for every GraphQL request (never share them across
 * requests: their caches would serve one user's pages to another and never expire). Within a
 * request, the same page or the same parent asked for twice — through aliases, fragments, or fifty
 * jobs pointing at one data source — is fetched once. The services have no batch read APIs, so a
 * batch is a set of single calls run together under `Upstream`'s per-service concurrency limit;
 * each key settles on its own, so one failing key never fails its neighbours.
 */
import DataLoader from 'dataloader';
import type { ImportJobModel, JobModel, SyncJobModel } from '../model/jobs';
import type {
  JobSourceRef,
  KendraDataSourceRef,
  QBusinessDataSourceRef,
  QConnectKnowledgeBaseRef,
  SourceDetails,
  SyncSourceRef,
} from '../model/sources';
import { listKendraSyncJobsPage } from '../services/kendra/listSyncJobsPage';
import {
  describeKendraDataSource,
  describeKendraIndex,
  type KendraIndexDetails,
} from '../services/kendra/resources';
import { listQBusinessSyncJobsPage } from '../services/qbusiness/listSyncJobsPage';
import {
  getQBusinessApplication,
  getQBusinessDataSource,
  getQBusinessIndex,
  type QBusinessApplicationDetails,
  type QBusinessIndexDetails,
} from '../services/qbusiness/resources';
import { listImportJobsPage } from '../services/qconnect/listImportJobsPage';
import { getImportJob, getKnowledgeBase } from '../services/qconnect/resources';
import type { PageRequest, ServicePage } from '../relay/pageSource';
import type { SyncJobQuery } from '../services/syncJobQuery';
import type { Upstream } from '../services/upstream';
import { canonicalKey } from './canonicalKey';
import { pageCacheSource, type PageCache } from './pageCache';

/** A sync job page: the source, the pushed-down filter, the page. */
export interface SyncJobsPageKey extends PageRequest {
  source: SyncSourceRef;
  query: SyncJobQuery;
}

/** An import job page: the knowledge base and the page. */
export interface ImportJobsPageKey extends PageRequest {
  source: QConnectKnowledgeBaseRef;
}

/** A loader whose batch is its keys fetched one by one, together. */
function loaderOf<K, V>(fetchOne: (key: K) => Promise<V>): DataLoader<K, V, string> {
  return new DataLoader<K, V, string>(
    async (keys) => {
      const settled = await Promise.allSettled(keys.map(fetchOne));
      return settled.map((result) =>
        result.status === 'fulfilled' ? result.value : toError(result.reason),
      );
    },
    { cacheKeyFn: canonicalKey },
  );
}

function toError(reason: unknown): Error {
  return reason instanceof Error ? reason : new Error(String(reason));
}

/** Strips the cached `details` a ref may carry, so it does not split loader keys. */
function bareSyncSource(ref: SyncSourceRef): SyncSourceRef {
  return ref.kind === 'KendraDataSource'
    ? { kind: ref.kind, indexId: ref.indexId, dataSourceId: ref.dataSourceId }
    : {
        kind: ref.kind,
        applicationId: ref.applicationId,
        indexId: ref.indexId,
        dataSourceId: ref.dataSourceId,
      };
}

/**
 * Job pages through the shared page cache when there is one, else straight upstream. Each page
 * read leaves, in `frontier`, how to read the page after it: what a look-ahead would read next.
 */
function readThrough<T extends JobModel>(
  cache: PageCache | undefined,
  frontier: Map<string, () => Promise<unknown>>,
  source: JobSourceRef,
  query: SyncJobQuery,
  token: string | undefined,
  fetchAt: (token: string | undefined) => Promise<ServicePage<T>>,
): Promise<ServicePage<T>> {
  const id = pageCacheSource(source);
  const read = (at: string | undefined) =>
    cache === undefined
      ? fetchAt(at)
      : cache.read({ source: id, query, token: at }, () => fetchAt(at));
  return read(token).then((page) => {
    const next = page.nextToken;
    if (next !== undefined) frontier.set(id, () => read(next));
    return page;
  });
}

export interface LoaderOptions {
  /** Job pages kept between requests (`pageCache.ts`); absent = every page is read upstream. */
  pageCache?: PageCache;
  /** Told when a source's history changed (`clearSyncJobs`), for caches beyond the pages. */
  onHistoryChanged?: () => void;
}

/** The loaders of one request, one per upstream read (see the module header). */
export function createLoaders(upstream: Upstream, options: LoaderOptions = {}) {
  const { pageCache, onHistoryChanged } = options;
  const frontier = new Map<string, () => Promise<unknown>>();
  // The key's page, or the one after it (look-ahead): only the key's token may be a cursor's.
  const pageAt = (key: PageRequest, token: string | undefined): PageRequest =>
    token === key.token ? key : { token, size: key.size };
  const syncJobsPage = loaderOf<SyncJobsPageKey, ServicePage<SyncJobModel>>((key) =>
    readThrough(pageCache, frontier, key.source, key.query, key.token, (token) =>
      key.source.kind === 'KendraDataSource'
        ? listKendraSyncJobsPage(upstream, key.source, key.query, pageAt(key, token))
        : listQBusinessSyncJobsPage(upstream, key.source, key.query, pageAt(key, token)),
    ),
  );
  const importJobsPage = loaderOf<ImportJobsPageKey, ServicePage<ImportJobModel>>((key) =>
    readThrough(pageCache, frontier, key.source, {}, key.token, (token) =>
      listImportJobsPage(upstream, key.source, pageAt(key, token)),
    ),
  );
  const sourceDetails = loaderOf<SyncSourceRef | QConnectKnowledgeBaseRef, SourceDetails>((ref) => {
    switch (ref.kind) {
      case 'KendraDataSource':
        return describeKendraDataSource(upstream, ref);
      case 'QBusinessDataSource':
        return getQBusinessDataSource(upstream, ref);
      case 'QConnectKnowledgeBase':
        return getKnowledgeBase(upstream, ref.knowledgeBaseId);
    }
  });

  return {
    /**
     * For each source (`pageCacheSource`) among `sources` this request read, a read of the page
     * after the last one it read (through the page cache): what the next request will need.
     */
    nextPages: (sources: Iterable<string>) =>
      [...new Set(sources)].flatMap((id) => {
        const read = frontier.get(id);
        return read === undefined ? [] : [read];
      }),
    /** Forgets cached sync job pages (after a mutation changed `source`'s history). */
    clearSyncJobs: (source: SyncSourceRef) => {
      syncJobsPage.clearAll();
      pageCache?.forget(source);
      onHistoryChanged?.();
    },
    /** One page of a data source's sync history. */
    loadSyncJobsPage: (key: SyncJobsPageKey) =>
      syncJobsPage.load({ ...key, source: bareSyncSource(key.source) }),
    /** One page of a knowledge base's import history. */
    loadImportJobsPage: (key: ImportJobsPageKey) =>
      importJobsPage.load({
        ...key,
        source: { kind: key.source.kind, knowledgeBaseId: key.source.knowledgeBaseId },
      }),
    /** Name, type, status... of a data source or knowledge base (a describe/get call). */
    loadSourceDetails: (
      ref: KendraDataSourceRef | QBusinessDataSourceRef | QConnectKnowledgeBaseRef,
    ) =>
      ref.details
        ? Promise.resolve(ref.details)
        : sourceDetails.load(
            ref.kind === 'QConnectKnowledgeBase'
              ? { kind: ref.kind, knowledgeBaseId: ref.knowledgeBaseId }
              : bareSyncSource(ref),
          ),
    kendraIndex: loaderOf<string, KendraIndexDetails>((indexId) =>
      describeKendraIndex(upstream, indexId),
    ),
    qbusinessApplication: loaderOf<string, QBusinessApplicationDetails>((id) =>
      getQBusinessApplication(upstream, id),
    ),
    qbusinessIndex: loaderOf<{ applicationId: string; indexId: string }, QBusinessIndexDetails>(
      (key) => getQBusinessIndex(upstream, key.applicationId, key.indexId),
    ),
    importJob: loaderOf<{ knowledgeBaseId: string; importJobId: string }, ImportJobModel>((key) =>
      getImportJob(upstream, key.knowledgeBaseId, key.importJobId),
    ),
  };
}

/** What `createLoaders` returns. */
export type Loaders = ReturnType<typeof createLoaders>;

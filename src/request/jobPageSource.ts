/**
 * Adapts one data source's or knowledge base's job history to the relay engine's `PageSource`:
 * pages come through the request's loaders (deduped), the filter is split into what the service
 * applies and what `accept` applies here, and the sort key is the feed's order (newest first, then
 * service, source, job id), which is also each service's own order within one source.
 * Danger: `key` binds cursors to this exact source and filter; anything that changes which jobs
 * are listed must be part of it.
 */
import type { JobModel } from '../model/jobs';
import { jobIdOf, jobStartedAt } from '../model/jobs';
import { serviceOf } from '../model/services';
import { sourceKey, type JobSourceRef } from '../model/sources';
import type { PageSource, SortKey } from '../relay/pageSource';
import { KENDRA_SYNC_JOBS_MAX_PAGE } from '../services/kendra/listSyncJobsPage';
import { QBUSINESS_SYNC_JOBS_MAX_PAGE } from '../services/qbusiness/listSyncJobsPage';
import { QCONNECT_MAX_PAGE } from '../services/qconnect/listImportJobsPage';
import { canonicalKey } from './canonicalKey';
import type { Loaders } from './createLoaders';
import type { SyncJobQuery } from '../services/syncJobQuery';
import { matchesJob, matchesNothing, syncPushdown, type JobPredicate } from './jobFilters';

export interface JobPageSourceOptions {
  /** Push the filter down to the service where it can take it (default true). */
  pushdown?: boolean;
}

/** The order of the feed and of every history: [start time, service, source, job id]. */
export function jobSortKey(job: JobModel): SortKey {
  const time = jobStartedAt(job)?.getTime() ?? Number.NEGATIVE_INFINITY;
  return [time, serviceOf(job.source), sourceKey(job.source), jobIdOf(job)];
}

/** The largest page the source's job list operation takes. */
export function maxPageSizeOf(source: JobSourceRef): number {
  switch (source.kind) {
    case 'KendraDataSource':
      return KENDRA_SYNC_JOBS_MAX_PAGE;
    case 'QBusinessDataSource':
      return QBUSINESS_SYNC_JOBS_MAX_PAGE;
    case 'QConnectKnowledgeBase':
      return QCONNECT_MAX_PAGE;
  }
}

/** The `PageSource` of one source's jobs under a filter. */
export function jobPageSource<T extends JobModel = JobModel>(
  loaders: Loaders,
  source: JobSourceRef,
  filter: JobPredicate,
  options: JobPageSourceOptions = {},
): PageSource<T> {
  const pushdown = options.pushdown ?? true;
  const key = canonicalKey({ service: serviceOf(source), source: sourceKey(source), filter });
  if (matchesNothing(filter, source.kind === 'QConnectKnowledgeBase' ? 'ImportJob' : 'SyncJob')) {
    // Same key (cursors still check), no upstream call.
    return {
      key,
      maxPageSize: maxPageSizeOf(source),
      fetchPage: async () => ({ items: [] }),
      sortKeyOf: jobSortKey,
    };
  }
  const query = source.kind !== 'QConnectKnowledgeBase' && pushdown ? syncPushdown(filter) : {};
  // Without a local part the engine may size calls to what it needs instead of the largest page.
  const local = needsLocalFilter(source, filter, query);
  return {
    key,
    maxPageSize: maxPageSizeOf(source),
    // Always the largest page, whatever the caller needs: a page then has one token and one
    // content, so it is cached and read once however many requests of any size walk over it.
    fetchPage: async (token, _size, origin) => {
      const size = maxPageSizeOf(source);
      // Only a cursor's token is marked, so the gateway's own pages keep one loader key each.
      const fromCursor = origin?.tokenFromCursor ? { tokenFromCursor: true } : {};
      const request = { token, size, ...fromCursor };
      const page =
        source.kind === 'QConnectKnowledgeBase'
          ? await loaders.loadImportJobsPage({ source, ...request })
          : await loaders.loadSyncJobsPage({ source, query, ...request });
      // Jobs point at the ref this source was built from: when discovery already knows the
      // source's name, a query for `job.source { name }` needs no describe call.
      const items = source.details ? withSource(page.items, source) : page.items;
      return { items: items as T[], nextToken: page.nextToken };
    },
    sortKeyOf: jobSortKey,
    accept: local ? (job) => matchesJob(job, filter) : undefined,
  };
}

/**
 * Does the filter keep anything the service did not already apply? A pushed-down status is an
 * exact enum match; a window is checked here too, since whether a service's bounds are inclusive
 * is not written in its model.
 */
function needsLocalFilter(
  source: JobSourceRef,
  filter: JobPredicate,
  pushed: SyncJobQuery,
): boolean {
  const window = filter.startedAfter !== undefined || filter.startedBefore !== undefined;
  const byStatus = filter.statuses !== undefined || filter.states !== undefined;
  if (source.kind === 'QConnectKnowledgeBase')
    return window || byStatus || filter.types !== undefined;
  return window || (byStatus && pushed.status === undefined);
}

/**
 * A cached page's items pointing at `source`, built once per page and source ref: the page cache
 * hands the same decoded page to every request, so the copies are shared rather than rebuilt
 * (and collected) on each. Danger: the jobs are shared; nothing may modify them.
 */
const sourcedItems = new WeakMap<
  readonly JobModel[],
  { source: JobSourceRef; items: JobModel[] }
>();

function withSource(items: readonly JobModel[], source: JobSourceRef): JobModel[] {
  const known = sourcedItems.get(items);
  if (known !== undefined && known.source === source) return known.items;
  const fresh = items.map((job) => ({ ...job, source }) as JobModel);
  sourcedItems.set(items, { source, items: fresh });
  return fresh;
}

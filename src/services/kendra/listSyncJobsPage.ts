/** One page of Kendra `ListDataSourceSyncJobs`. */
import { ListDataSourceSyncJobsCommand } from '@aws-sdk/client-kendra';
import type { SyncJobModel } from '../../model/jobs';
import type { KendraDataSourceRef } from '../../model/sources';
import type { PageRequest, ServicePage } from '../../relay/pageSource';
import type { SyncJobQuery } from '../syncJobQuery';
import type { Upstream } from '../upstream';
import { toSyncJob } from './toSyncJob';

/** Kendra's `MaxResults` range for this operation. */
export const KENDRA_SYNC_JOBS_MAX_PAGE = 10;

/** One page of a Kendra data source's sync history, with the filter parts Kendra can apply. */
export async function listKendraSyncJobsPage(
  upstream: Upstream,
  source: KendraDataSourceRef,
  query: SyncJobQuery,
  page: PageRequest,
): Promise<ServicePage<SyncJobModel>> {
  const timeRange =
    query.startedAfter || query.startedBefore
      ? { StartTime: query.startedAfter, EndTime: query.startedBefore }
      : undefined;
  const command = new ListDataSourceSyncJobsCommand({
    IndexId: source.indexId,
    Id: source.dataSourceId,
    NextToken: page.token,
    MaxResults: page.size,
    StatusFilter: query.status as never,
    StartTimeFilter: timeRange,
  });
  const output = await upstream.send('KENDRA', command, {
    resource: `data source ${source.dataSourceId} in index ${source.indexId}`,
    clientToken: page.tokenFromCursor,
  });
  return {
    items: (output.History ?? []).map((job) => toSyncJob(source, job)),
    nextToken: output.NextToken || undefined,
  };
}

/** One page of Q Business `ListDataSourceSyncJobs`. */
import { ListDataSourceSyncJobsCommand } from '@aws-sdk/client-qbusiness';
import type { SyncJobModel } from '../../model/jobs';
import type { QBusinessDataSourceRef } from '../../model/sources';
import type { PageRequest, ServicePage } from '../../relay/pageSource';
import type { SyncJobQuery } from '../syncJobQuery';
import type { Upstream } from '../upstream';
import { dataSourceResource } from './resources';
import { toSyncJob } from './toSyncJob';

/** Q Business's `maxResults` range for this operation. */
export const QBUSINESS_SYNC_JOBS_MAX_PAGE = 10;

/** One page of a Q Business data source's sync history, with the filter parts it can apply. */
export async function listQBusinessSyncJobsPage(
  upstream: Upstream,
  source: QBusinessDataSourceRef,
  query: SyncJobQuery,
  page: PageRequest,
): Promise<ServicePage<SyncJobModel>> {
  const command = new ListDataSourceSyncJobsCommand({
    applicationId: source.applicationId,
    indexId: source.indexId,
    dataSourceId: source.dataSourceId,
    nextToken: page.token,
    maxResults: page.size,
    statusFilter: query.status as never,
    startTime: query.startedAfter,
    endTime: query.startedBefore,
  });
  const output = await upstream.send('QBUSINESS', command, {
    resource: dataSourceResource(source),
    clientToken: page.tokenFromCursor,
  });
  return {
    items: (output.history ?? []).map((job) => toSyncJob(source, job)),
    nextToken: output.nextToken || undefined,
  };
}

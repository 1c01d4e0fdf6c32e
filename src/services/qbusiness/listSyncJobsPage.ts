/** One page of Q Business `ListDataSourceSyncJobs`. */
import { ListDataSourceSyncJobsCommand } from '@aws-sdk/client-qbusiness';
import type { SyncJobModel } from '../../model/jobs';
import type { QBusinessDataSourceRef } from '../../model/sources';
import type { PageRequest, ServicePage, SyncJobQuery } from '../syncJobQuery';
import type { Upstream } from '../upstream';
import { toSyncJob } from './toSyncJob';

/** Q Business's `maxResults` range for this operation. */
export const QBUSINESS_SYNC_JOBS_MAX_PAGE = 10;

export async function listQBusinessSyncJobsPage(
  upstream: Upstream,
  source: QBusinessDataSourceRef,
  query: SyncJobQuery,
  page: PageRequest,
): Promise<ServicePage<SyncJobModel>> {
  const output = await upstream.call(
    {
      service: 'QBUSINESS',
      operation: 'ListDataSourceSyncJobs',
      resource: `data source ${source.dataSourceId} in index ${source.indexId} of application ${source.applicationId}`,
      withToken: page.token !== undefined,
    },
    (abortSignal) =>
      upstream.clients.qbusiness.send(
        new ListDataSourceSyncJobsCommand({
          applicationId: source.applicationId,
          indexId: source.indexId,
          dataSourceId: source.dataSourceId,
          nextToken: page.token,
          maxResults: page.size,
          statusFilter: query.status as never,
          startTime: query.startedAfter,
          endTime: query.startedBefore,
        }),
        { abortSignal },
      ),
  );
  return {
    items: (output.history ?? []).map((job) => toSyncJob(source, job)),
    nextToken: output.nextToken || undefined,
  };
}

/** Q Business StartDataSourceSyncJob / StopDataSourceSyncJob. */
import { StartDataSourceSyncJobCommand, StopDataSourceSyncJobCommand } from '@aws-sdk/client-qbusiness';
import type { QBusinessDataSourceRef } from '../../model/sources';
import type { Upstream } from '../upstream';

function ids(ref: QBusinessDataSourceRef) {
  return { applicationId: ref.applicationId, indexId: ref.indexId, dataSourceId: ref.dataSourceId };
}

/** Starts a sync; resolves to the new job's executionId. */
export async function startQBusinessSync(upstream: Upstream, ref: QBusinessDataSourceRef): Promise<string> {
  const out = await upstream.call(
    { service: 'QBUSINESS', operation: 'StartDataSourceSyncJob', resource: `data source ${ref.dataSourceId}` },
    (abortSignal) => upstream.clients.qbusiness.send(new StartDataSourceSyncJobCommand(ids(ref)), { abortSignal }),
  );
  return out.executionId ?? '';
}

export async function stopQBusinessSync(upstream: Upstream, ref: QBusinessDataSourceRef): Promise<void> {
  await upstream.call(
    { service: 'QBUSINESS', operation: 'StopDataSourceSyncJob', resource: `data source ${ref.dataSourceId}` },
    (abortSignal) => upstream.clients.qbusiness.send(new StopDataSourceSyncJobCommand(ids(ref)), { abortSignal }),
  );
}

/** Q Business StartDataSourceSyncJob / StopDataSourceSyncJob. */
import {
  StartDataSourceSyncJobCommand,
  StopDataSourceSyncJobCommand,
} from '@aws-sdk/client-qbusiness';
import type { QBusinessDataSourceRef } from '../../model/sources';
import type { Upstream } from '../upstream';

function ids(ref: QBusinessDataSourceRef) {
  return { applicationId: ref.applicationId, indexId: ref.indexId, dataSourceId: ref.dataSourceId };
}

/** Starts a sync; resolves to the new job's executionId. */
export async function startQBusinessSync(
  upstream: Upstream,
  ref: QBusinessDataSourceRef,
): Promise<string> {
  const out = await upstream.send('QBUSINESS', new StartDataSourceSyncJobCommand(ids(ref)), {
    resource: `data source ${ref.dataSourceId}`,
  });
  return out.executionId ?? '';
}

/** Stops the data source's running sync. */
export async function stopQBusinessSync(
  upstream: Upstream,
  ref: QBusinessDataSourceRef,
): Promise<void> {
  await upstream.send('QBUSINESS', new StopDataSourceSyncJobCommand(ids(ref)), {
    resource: `data source ${ref.dataSourceId}`,
  });
}

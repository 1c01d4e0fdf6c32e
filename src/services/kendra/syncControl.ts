/** Kendra StartDataSourceSyncJob / StopDataSourceSyncJob. */
import {
  StartDataSourceSyncJobCommand,
  StopDataSourceSyncJobCommand,
} from '@aws-sdk/client-kendra';
import type { KendraDataSourceRef } from '../../model/sources';
import type { Upstream } from '../upstream';

/** Starts a sync; resolves to the new job's ExecutionId. */
export async function startKendraSync(
  upstream: Upstream,
  ref: KendraDataSourceRef,
): Promise<string> {
  const command = new StartDataSourceSyncJobCommand({ IndexId: ref.indexId, Id: ref.dataSourceId });
  const out = await upstream.send('KENDRA', command, {
    resource: `data source ${ref.dataSourceId}`,
  });
  return out.ExecutionId ?? '';
}

/** Stops the data source's running sync. */
export async function stopKendraSync(upstream: Upstream, ref: KendraDataSourceRef): Promise<void> {
  const command = new StopDataSourceSyncJobCommand({ IndexId: ref.indexId, Id: ref.dataSourceId });
  await upstream.send('KENDRA', command, { resource: `data source ${ref.dataSourceId}` });
}

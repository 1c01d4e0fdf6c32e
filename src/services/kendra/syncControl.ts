/** Kendra StartDataSourceSyncJob / StopDataSourceSyncJob. */
import { StartDataSourceSyncJobCommand, StopDataSourceSyncJobCommand } from '@aws-sdk/client-kendra';
import type { KendraDataSourceRef } from '../../model/sources';
import type { Upstream } from '../upstream';

/** Starts a sync; resolves to the new job's ExecutionId. */
export async function startKendraSync(upstream: Upstream, ref: KendraDataSourceRef): Promise<string> {
  const out = await upstream.call(
    { service: 'KENDRA', operation: 'StartDataSourceSyncJob', resource: `data source ${ref.dataSourceId}` },
    (abortSignal) =>
      upstream.clients.kendra.send(new StartDataSourceSyncJobCommand({ IndexId: ref.indexId, Id: ref.dataSourceId }), {
        abortSignal,
      }),
  );
  return out.ExecutionId ?? '';
}

export async function stopKendraSync(upstream: Upstream, ref: KendraDataSourceRef): Promise<void> {
  await upstream.call(
    { service: 'KENDRA', operation: 'StopDataSourceSyncJob', resource: `data source ${ref.dataSourceId}` },
    (abortSignal) =>
      upstream.clients.kendra.send(new StopDataSourceSyncJobCommand({ IndexId: ref.indexId, Id: ref.dataSourceId }), {
        abortSignal,
      }),
  );
}

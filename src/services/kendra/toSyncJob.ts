/** Kendra's `DataSourceSyncJob` (PascalCase) → the gateway's `SyncJobModel`. */
import type { DataSourceSyncJob } from '@aws-sdk/client-kendra';
import type { SyncJobModel } from '../../model/jobs';
import type { KendraDataSourceRef } from '../../model/sources';
import { metricValue } from '../metricValue';

/** A Kendra sync job as the gateway's model. */
export function toSyncJob(source: KendraDataSourceRef, job: DataSourceSyncJob): SyncJobModel {
  const error =
    job.ErrorCode || job.ErrorMessage
      ? { code: job.ErrorCode, message: job.ErrorMessage }
      : undefined;
  const metrics = job.Metrics
    ? {
        documentsAdded: metricValue(job.Metrics.DocumentsAdded),
        documentsModified: metricValue(job.Metrics.DocumentsModified),
        documentsDeleted: metricValue(job.Metrics.DocumentsDeleted),
        documentsFailed: metricValue(job.Metrics.DocumentsFailed),
        documentsScanned: metricValue(job.Metrics.DocumentsScanned),
      }
    : undefined;
  return {
    kind: 'SyncJob',
    source: {
      kind: 'KendraDataSource',
      indexId: source.indexId,
      dataSourceId: source.dataSourceId,
    },
    executionId: job.ExecutionId ?? '',
    statusRaw: job.Status ?? '',
    startedAt: job.StartTime,
    endedAt: job.EndTime,
    error,
    dataSourceErrorCode: job.DataSourceErrorCode,
    metrics,
  };
}

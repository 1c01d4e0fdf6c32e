/** Q Business's `DataSourceSyncJob` (camelCase, nested `error`) → the gateway's `SyncJobModel`. */
import type { DataSourceSyncJob } from '@aws-sdk/client-qbusiness';
import type { SyncJobModel } from '../../model/jobs';
import type { QBusinessDataSourceRef } from '../../model/sources';
import { metricValue } from '../metricValue';

/** A Q Business sync job as the gateway's model. */
export function toSyncJob(source: QBusinessDataSourceRef, job: DataSourceSyncJob): SyncJobModel {
  const error =
    job.error && (job.error.errorCode || job.error.errorMessage)
      ? { code: job.error.errorCode, message: job.error.errorMessage }
      : undefined;
  const metrics = job.metrics
    ? {
        documentsAdded: metricValue(job.metrics.documentsAdded),
        documentsModified: metricValue(job.metrics.documentsModified),
        documentsDeleted: metricValue(job.metrics.documentsDeleted),
        documentsFailed: metricValue(job.metrics.documentsFailed),
        documentsScanned: metricValue(job.metrics.documentsScanned),
      }
    : undefined;
  return {
    kind: 'SyncJob',
    source: {
      kind: 'QBusinessDataSource',
      applicationId: source.applicationId,
      indexId: source.indexId,
      dataSourceId: source.dataSourceId,
    },
    executionId: job.executionId ?? '',
    statusRaw: job.status ?? '',
    startedAt: job.startTime,
    endedAt: job.endTime,
    error,
    dataSourceErrorCode: job.dataSourceErrorCode,
    metrics,
  };
}

/**
 * Amazon Q Business wire shapes (camelCase, epoch-seconds timestamps) rendered from the store's
 * records: `Application`, `GetApplicationResponse`, `Index`, `GetIndexResponse`, `DataSource`,
 * `GetDataSourceResponse`, `DataSourceSyncJob`.
 *
 * Danger: a member in the wrong case is silently dropped by the SDK; names here are the model's.
 */
import type { DataSource, QBusinessApplication, QBusinessIndex, SyncJob } from '../store/records';
import { statusFor } from '../faults/unknownValues';
import { epochSeconds } from '../protocols/wire';

const ARN_PREFIX = 'arn:aws:qbusiness:us-east-1:123456789012:application';

/** `Application` of ListApplications. */
export function application(app: QBusinessApplication, changed: boolean): object {
  return {
    displayName: app.name,
    applicationId: app.id,
    createdAt: epochSeconds(app.createdMs),
    updatedAt: epochSeconds(app.updatedMs),
    status: statusFor(app.status, changed),
    identityType: app.identityType,
  };
}

/** The GetApplication output. */
export function getApplication(app: QBusinessApplication, changed: boolean): object {
  return {
    displayName: app.name,
    applicationId: app.id,
    applicationArn: `${ARN_PREFIX}/${app.id}`,
    identityType: app.identityType,
    roleArn: 'arn:aws:iam::123456789012:role/QBusinessApplicationRole',
    status: statusFor(app.status, changed),
    description: app.description,
    createdAt: epochSeconds(app.createdMs),
    updatedAt: epochSeconds(app.updatedMs),
  };
}

/** `Index` of ListIndices. */
export function index(entry: QBusinessIndex, changed: boolean): object {
  return {
    displayName: entry.name,
    indexId: entry.id,
    createdAt: epochSeconds(entry.createdMs),
    updatedAt: epochSeconds(entry.updatedMs),
    status: statusFor(entry.status, changed),
  };
}

/** `GetIndexResponse`; statistics are derived from the documents the index's jobs added. */
export function getIndex(applicationId: string, entry: QBusinessIndex, changed: boolean): object {
  const documents = entry.dataSources
    .flatMap((source) => source.jobs)
    .reduce(
      (n, job) =>
        n + Number(job.metrics?.documentsAdded ?? 0) - Number(job.metrics?.documentsDeleted ?? 0),
      0,
    );
  const indexed = Math.max(0, documents);
  return {
    applicationId,
    indexId: entry.id,
    displayName: entry.name,
    indexArn: `${ARN_PREFIX}/${applicationId}/index/${entry.id}`,
    status: statusFor(entry.status, changed),
    type: 'ENTERPRISE',
    description: entry.description,
    createdAt: epochSeconds(entry.createdMs),
    updatedAt: epochSeconds(entry.updatedMs),
    capacityConfiguration: { units: 1 },
    indexStatistics: {
      textDocumentStatistics: {
        indexedTextBytes: indexed * 4096,
        indexedTextDocumentCount: indexed,
      },
    },
  };
}

/** `DataSource` of ListDataSources. */
export function dataSource(source: DataSource, changed: boolean): object {
  return {
    displayName: source.name,
    dataSourceId: source.id,
    type: source.type,
    createdAt: epochSeconds(source.createdMs),
    updatedAt: epochSeconds(source.updatedMs),
    status: statusFor(source.status, changed),
  };
}

/** The GetDataSource output. */
export function getDataSource(
  applicationId: string,
  indexId: string,
  source: DataSource,
  changed: boolean,
): object {
  return {
    applicationId,
    indexId,
    dataSourceId: source.id,
    dataSourceArn: `${ARN_PREFIX}/${applicationId}/index/${indexId}/data-source/${source.id}`,
    displayName: source.name,
    type: source.type,
    createdAt: epochSeconds(source.createdMs),
    updatedAt: epochSeconds(source.updatedMs),
    description: source.description,
    status: statusFor(source.status, changed),
    syncSchedule: source.schedule,
    roleArn: source.roleArn ?? 'arn:aws:iam::123456789012:role/QBusinessDataSourceRole',
  };
}

/** `DataSourceSyncJob` of ListDataSourceSyncJobs (camelCase, nested `error`). */
export function syncJob(job: SyncJob, changed: boolean): object {
  const hasError = job.errorCode !== undefined || job.errorMessage !== undefined;
  return {
    executionId: job.executionId,
    startTime: epochSeconds(job.startMs),
    endTime: epochSeconds(job.endMs),
    status: statusFor(job.status, changed),
    error: hasError ? { errorMessage: job.errorMessage, errorCode: job.errorCode } : undefined,
    dataSourceErrorCode: job.dataSourceErrorCode,
    metrics: job.metrics && { ...job.metrics },
  };
}

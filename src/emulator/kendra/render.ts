/**
 * Kendra's wire shapes (PascalCase, epoch-seconds timestamps) rendered from the store's records:
 * `IndexConfigurationSummary`, `DescribeIndexResponse`, `DataSourceSummary`,
 * `DescribeDataSourceResponse`, `DataSourceSyncJob`.
 *
 * Danger: a member in the wrong case is silently dropped by the SDK; names here are the model's.
 */
import type { DataSource, KendraIndex, SyncJob } from '../store/records';
import { statusFor } from '../faults/unknownValues';
import { epochSeconds } from '../protocols/wire';

/** `IndexConfigurationSummary` of ListIndices. */
export function indexSummary(index: KendraIndex, changed: boolean): object {
  return {
    Name: index.name,
    Id: index.id,
    Edition: index.edition,
    CreatedAt: epochSeconds(index.createdMs),
    UpdatedAt: epochSeconds(index.updatedMs),
    Status: statusFor(index.status, changed),
  };
}

/** `DescribeIndexResponse`; statistics are derived from the documents the index's jobs added. */
export function describeIndex(index: KendraIndex, changed: boolean): object {
  const documents = index.dataSources
    .flatMap((source) => source.jobs)
    .reduce(
      (n, job) =>
        n + Number(job.metrics?.documentsAdded ?? 0) - Number(job.metrics?.documentsDeleted ?? 0),
      0,
    );
  const indexed = Math.max(0, documents);
  return {
    Name: index.name,
    Id: index.id,
    Edition: index.edition,
    RoleArn: index.roleArn ?? 'arn:aws:iam::123456789012:role/KendraIndexRole',
    Status: statusFor(index.status, changed),
    Description: index.description,
    CreatedAt: epochSeconds(index.createdMs),
    UpdatedAt: epochSeconds(index.updatedMs),
    DocumentMetadataConfigurations: [],
    IndexStatistics: {
      FaqStatistics: { IndexedQuestionAnswersCount: 0 },
      TextDocumentStatistics: {
        IndexedTextDocumentsCount: indexed,
        IndexedTextBytes: indexed * 4096,
      },
    },
    CapacityUnits:
      index.edition === 'DEVELOPER_EDITION'
        ? undefined
        : { StorageCapacityUnits: 0, QueryCapacityUnits: 0 },
    UserContextPolicy: 'ATTRIBUTE_FILTER',
  };
}

/** `DataSourceSummary` of ListDataSources. */
export function dataSourceSummary(source: DataSource, changed: boolean): object {
  return {
    Name: source.name,
    Id: source.id,
    Type: source.type,
    CreatedAt: epochSeconds(source.createdMs),
    UpdatedAt: epochSeconds(source.updatedMs),
    Status: statusFor(source.status, changed),
    LanguageCode: source.languageCode ?? 'en',
  };
}

/** The DescribeDataSource output. */
export function describeDataSource(indexId: string, source: DataSource, changed: boolean): object {
  return {
    Id: source.id,
    IndexId: indexId,
    Name: source.name,
    Type: source.type,
    CreatedAt: epochSeconds(source.createdMs),
    UpdatedAt: epochSeconds(source.updatedMs),
    Description: source.description,
    Status: statusFor(source.status, changed),
    Schedule: source.schedule,
    RoleArn: source.roleArn ?? 'arn:aws:iam::123456789012:role/KendraDataSourceRole',
    LanguageCode: source.languageCode ?? 'en',
  };
}

/** `DataSourceSyncJob` of ListDataSourceSyncJobs (PascalCase, epoch-second times). */
export function syncJob(job: SyncJob, changed: boolean): object {
  const m = job.metrics;
  return {
    ExecutionId: job.executionId,
    StartTime: epochSeconds(job.startMs),
    EndTime: epochSeconds(job.endMs),
    Status: statusFor(job.status, changed),
    ErrorMessage: job.errorMessage,
    ErrorCode: job.errorCode,
    DataSourceErrorCode: job.dataSourceErrorCode,
    Metrics: m && {
      DocumentsAdded: m.documentsAdded,
      DocumentsModified: m.documentsModified,
      DocumentsDeleted: m.documentsDeleted,
      DocumentsFailed: m.documentsFailed,
      DocumentsScanned: m.documentsScanned,
    },
  };
}

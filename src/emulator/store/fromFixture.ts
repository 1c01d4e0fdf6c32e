/**
 * Turns a validated fixture into the store's records: wire names become the neutral ones,
 * timestamps become epoch milliseconds, and absent statuses and dates get their defaults.
 *
 * Danger: the records must not share objects with the fixture (a caller may keep and change its
 * document), so nested members are copied, never referenced.
 */
import type {
  Fixture,
  KendraSyncJobFixture,
  QBusinessSyncJobFixture,
  QConnectImportJobFixture,
} from '../fixture/fixture';
import { knowledgeBaseArn } from '../fixture/knowledgeBaseArn';
import type { EmulatorState, ImportJob, SyncJob } from './records';

const ms = (iso: string | undefined): number | undefined =>
  iso === undefined ? undefined : Date.parse(iso);

/**
 * Builds the records of a validated fixture. Resources without `createdAt` get the load time,
 * without `updatedAt` their creation time; statuses default to ACTIVE, Kendra editions to
 * ENTERPRISE_EDITION, Q Business identity types to AWS_IAM_IDC.
 */
export function stateFromFixture(fixture: Fixture, loadedMs: number): EmulatorState {
  const created = (iso: string | undefined): number => ms(iso) ?? loadedMs;
  return {
    kendraIndices: (fixture.kendra?.indices ?? []).map((index) => ({
      id: index.Id,
      name: index.Name,
      edition: index.Edition ?? 'ENTERPRISE_EDITION',
      status: index.Status ?? 'ACTIVE',
      description: index.Description,
      roleArn: index.RoleArn,
      createdMs: created(index.CreatedAt),
      updatedMs: ms(index.UpdatedAt) ?? created(index.CreatedAt),
      dataSources: index.dataSources.map((source) => ({
        id: source.Id,
        name: source.Name,
        type: source.Type,
        status: source.Status ?? 'ACTIVE',
        description: source.Description,
        languageCode: source.LanguageCode,
        roleArn: source.RoleArn,
        schedule: source.Schedule,
        createdMs: created(source.CreatedAt),
        updatedMs: ms(source.UpdatedAt) ?? created(source.CreatedAt),
        jobs: source.syncJobs.map(syncJobFromKendra),
      })),
    })),
    qbusinessApplications: (fixture.qbusiness?.applications ?? []).map((app) => ({
      id: app.applicationId,
      name: app.displayName,
      status: app.status ?? 'ACTIVE',
      identityType: app.identityType ?? 'AWS_IAM_IDC',
      description: app.description,
      createdMs: created(app.createdAt),
      updatedMs: ms(app.updatedAt) ?? created(app.createdAt),
      indices: app.indices.map((index) => ({
        id: index.indexId,
        name: index.displayName,
        status: index.status ?? 'ACTIVE',
        description: index.description,
        createdMs: created(index.createdAt),
        updatedMs: ms(index.updatedAt) ?? created(index.createdAt),
        dataSources: index.dataSources.map((source) => ({
          id: source.dataSourceId,
          name: source.displayName,
          type: source.type,
          status: source.status ?? 'ACTIVE',
          description: source.description,
          roleArn: source.roleArn,
          schedule: source.syncSchedule,
          createdMs: created(source.createdAt),
          updatedMs: ms(source.updatedAt) ?? created(source.createdAt),
          jobs: source.syncJobs.map(syncJobFromQBusiness),
        })),
      })),
    })),
    knowledgeBases: (fixture.qconnect?.knowledgeBases ?? []).map((base) => ({
      id: base.knowledgeBaseId,
      arn: knowledgeBaseArn(base.knowledgeBaseId),
      name: base.name,
      type: base.knowledgeBaseType,
      status: base.status ?? 'ACTIVE',
      description: base.description,
      importJobs: base.importJobs.map(importJobFromFixture),
    })),
  };
}

/** A validated Kendra job as a record (metric names lower-cased to the neutral form). */
export function syncJobFromKendra(job: KendraSyncJobFixture): SyncJob {
  const m = job.Metrics;
  return {
    executionId: job.ExecutionId,
    startMs: ms(job.StartTime),
    endMs: ms(job.EndTime),
    status: job.Status,
    errorCode: job.ErrorCode,
    errorMessage: job.ErrorMessage,
    dataSourceErrorCode: job.DataSourceErrorCode,
    metrics: m && {
      documentsAdded: m.DocumentsAdded,
      documentsModified: m.DocumentsModified,
      documentsDeleted: m.DocumentsDeleted,
      documentsFailed: m.DocumentsFailed,
      documentsScanned: m.DocumentsScanned,
    },
  };
}

/** A validated Q Business job as a record. */
export function syncJobFromQBusiness(job: QBusinessSyncJobFixture): SyncJob {
  return {
    executionId: job.executionId,
    startMs: ms(job.startTime),
    endMs: ms(job.endTime),
    status: job.status,
    errorCode: job.error?.errorCode,
    errorMessage: job.error?.errorMessage,
    dataSourceErrorCode: job.dataSourceErrorCode,
    metrics: job.metrics && { ...job.metrics },
  };
}

/** A validated Q Connect import job as a record. */
export function importJobFromFixture(job: QConnectImportJobFixture): ImportJob {
  return {
    importJobId: job.importJobId,
    importJobType: job.importJobType,
    status: job.status,
    uploadId: job.uploadId,
    createdMs: Date.parse(job.createdTime),
    lastModifiedMs: Date.parse(job.lastModifiedTime),
    metadata: job.metadata && { ...job.metadata },
    failedRecordReport: job.failedRecordReport,
    externalSourceConfiguration:
      job.externalSourceConfiguration && structuredClone(job.externalSourceConfiguration),
  };
}

/**
 * Checks an untrusted fixture document (a `--fixture` file, `PUT /_emulator/state`, the jobs of
 * `POST /_emulator/jobs`) against the models' constraints and returns a clean copy.
 *
 * Danger: the store trusts what this returns. Anything let through here (an unknown status, a
 * metric that is a number, a duplicate id) would reach the wire and break the SDK or the gateway's
 * pagination far from its cause, so every field is checked and every refusal names its path.
 */
import { IdScope, ObjectReader, compact, iso } from './fixtureReader';
import type {
  Fixture,
  KendraDataSourceFixture,
  KendraIndexFixture,
  KendraSyncJobFixture,
  QBusinessApplicationFixture,
  QBusinessDataSourceFixture,
  QBusinessIndexFixture,
  QBusinessSyncJobFixture,
} from './fixture';
import * as shapes from './modelShapes';
import { validateKnowledgeBase } from './qconnect/validateKnowledgeBase';

export { FixtureError } from './fixtureReader';
export { knowledgeBaseArn } from './qconnect/knowledgeBaseArn';
export { validateImportJob } from './qconnect/validateKnowledgeBase';

/**
 * Validates a whole fixture. Throws `FixtureError` whose message starts with the field path, e.g.
 * `qbusiness.applications[0].indices[1].dataSources[0].syncJobs[3].status: "DONE" is not a
 * DataSourceSyncJobStatus (expected one of FAILED, ...)`. Unknown members are refused too.
 */
export function validateFixture(doc: unknown): Fixture {
  const root = new ObjectReader(doc, '');
  const fixture: Fixture = {};
  const kendra = root.object('kendra');
  if (kendra) {
    const ids = new IdScope('index Id');
    fixture.kendra = { indices: kendra.array('indices', true).map(({ value, path }) => kendraIndex(value, path, ids)) };
    kendra.done();
  }
  const qbusiness = root.object('qbusiness');
  if (qbusiness) {
    const ids = new IdScope('applicationId');
    fixture.qbusiness = {
      applications: qbusiness.array('applications', true).map(({ value, path }) => qbusinessApplication(value, path, ids)),
    };
    qbusiness.done();
  }
  const qconnect = root.object('qconnect');
  if (qconnect) {
    const ids = new IdScope('knowledgeBaseId');
    fixture.qconnect = {
      knowledgeBases: qconnect.array('knowledgeBases', true).map(({ value, path }) => validateKnowledgeBase(value, path, ids)),
    };
    qconnect.done();
  }
  root.done();
  return fixture;
}

function kendraIndex(value: unknown, path: string, ids: IdScope): KendraIndexFixture {
  const r = new ObjectReader(value, path);
  const id = r.string('Id', shapes.KENDRA_INDEX_ID, true);
  ids.claim(id, `${path}.Id`);
  const sources = new IdScope('data source Id');
  const index = compact<KendraIndexFixture>({
    Id: id,
    Name: r.string('Name', shapes.KENDRA_INDEX_NAME, true),
    Edition: r.enumValue('Edition', shapes.KENDRA_INDEX_EDITION),
    Status: r.enumValue('Status', shapes.KENDRA_INDEX_STATUS),
    Description: r.string('Description', shapes.KENDRA_DESCRIPTION),
    RoleArn: r.string('RoleArn', shapes.RESOURCE_ARN),
    CreatedAt: iso(r.timestamp('CreatedAt')),
    UpdatedAt: iso(r.timestamp('UpdatedAt')),
    dataSources: r.array('dataSources', true).map((ds) => kendraDataSource(ds.value, ds.path, sources)),
  });
  r.done();
  return index;
}

function kendraDataSource(value: unknown, path: string, ids: IdScope): KendraDataSourceFixture {
  const r = new ObjectReader(value, path);
  const id = r.string('Id', shapes.KENDRA_DATA_SOURCE_ID, true);
  ids.claim(id, `${path}.Id`);
  const jobs = new IdScope('ExecutionId');
  const source = compact<KendraDataSourceFixture>({
    Id: id,
    Name: r.string('Name', shapes.KENDRA_DATA_SOURCE_NAME, true),
    Type: r.enumValue('Type', shapes.KENDRA_DATA_SOURCE_TYPE, true),
    Status: r.enumValue('Status', shapes.KENDRA_DATA_SOURCE_STATUS),
    Description: r.string('Description', shapes.KENDRA_DESCRIPTION),
    LanguageCode: r.string('LanguageCode', shapes.KENDRA_LANGUAGE_CODE),
    RoleArn: r.string('RoleArn', shapes.RESOURCE_ARN),
    Schedule: r.string('Schedule', shapes.KENDRA_SCAN_SCHEDULE),
    CreatedAt: iso(r.timestamp('CreatedAt')),
    UpdatedAt: iso(r.timestamp('UpdatedAt')),
    syncJobs: r.array('syncJobs', true).map((job) => validateKendraSyncJob(job.value, job.path, jobs)),
  });
  r.done();
  return source;
}

/**
 * One Kendra `DataSourceSyncJob` in the fixture's shape. `StartTime` may be absent (the model makes
 * every member optional); such a job sorts after all others.
 */
export function validateKendraSyncJob(value: unknown, path: string, ids: IdScope): KendraSyncJobFixture {
  const r = new ObjectReader(value, path);
  const executionId = r.string('ExecutionId', shapes.KENDRA_EXECUTION_ID, true);
  ids.claim(executionId, `${path}.ExecutionId`);
  const metrics = r.object('Metrics');
  const job = compact({
    ExecutionId: executionId,
    StartTime: iso(r.timestamp('StartTime')),
    EndTime: iso(r.timestamp('EndTime')),
    Status: r.enumValue('Status', shapes.KENDRA_SYNC_JOB_STATUS, true),
    ErrorCode: r.enumValue('ErrorCode', shapes.KENDRA_ERROR_CODE),
    ErrorMessage: r.string('ErrorMessage', shapes.KENDRA_ERROR_MESSAGE),
    DataSourceErrorCode: r.string('DataSourceErrorCode', shapes.KENDRA_EXECUTION_ID),
    Metrics: metrics && readMetrics(metrics, ['DocumentsAdded', 'DocumentsModified', 'DocumentsDeleted', 'DocumentsFailed', 'DocumentsScanned']),
  });
  r.done();
  return job as KendraSyncJobFixture;
}

function readMetrics<K extends string>(r: ObjectReader, keys: readonly K[]): Partial<Record<K, string>> {
  const metrics: Partial<Record<K, string>> = {};
  for (const key of keys) {
    const count = r.string(key, shapes.METRIC_VALUE);
    if (count !== undefined) metrics[key] = count;
  }
  r.done();
  return metrics;
}

function qbusinessApplication(value: unknown, path: string, ids: IdScope): QBusinessApplicationFixture {
  const r = new ObjectReader(value, path);
  const id = r.string('applicationId', shapes.QBUSINESS_APPLICATION_ID, true);
  ids.claim(id, `${path}.applicationId`);
  const indices = new IdScope('indexId');
  const application = compact<QBusinessApplicationFixture>({
    applicationId: id,
    displayName: r.string('displayName', shapes.QBUSINESS_APPLICATION_NAME, true),
    status: r.enumValue('status', shapes.QBUSINESS_APPLICATION_STATUS),
    identityType: r.enumValue('identityType', shapes.QBUSINESS_IDENTITY_TYPE),
    description: r.string('description', shapes.QBUSINESS_DESCRIPTION),
    createdAt: iso(r.timestamp('createdAt')),
    updatedAt: iso(r.timestamp('updatedAt')),
    indices: r.array('indices', true).map((index) => qbusinessIndex(index.value, index.path, indices)),
  });
  r.done();
  return application;
}

function qbusinessIndex(value: unknown, path: string, ids: IdScope): QBusinessIndexFixture {
  const r = new ObjectReader(value, path);
  const id = r.string('indexId', shapes.QBUSINESS_INDEX_ID, true);
  ids.claim(id, `${path}.indexId`);
  const sources = new IdScope('dataSourceId');
  const index = compact<QBusinessIndexFixture>({
    indexId: id,
    displayName: r.string('displayName', shapes.QBUSINESS_INDEX_NAME, true),
    status: r.enumValue('status', shapes.QBUSINESS_INDEX_STATUS),
    description: r.string('description', shapes.QBUSINESS_DESCRIPTION),
    createdAt: iso(r.timestamp('createdAt')),
    updatedAt: iso(r.timestamp('updatedAt')),
    dataSources: r.array('dataSources', true).map((ds) => qbusinessDataSource(ds.value, ds.path, sources)),
  });
  r.done();
  return index;
}

function qbusinessDataSource(value: unknown, path: string, ids: IdScope): QBusinessDataSourceFixture {
  const r = new ObjectReader(value, path);
  const id = r.string('dataSourceId', shapes.QBUSINESS_DATA_SOURCE_ID, true);
  ids.claim(id, `${path}.dataSourceId`);
  const jobs = new IdScope('executionId');
  const source = compact<QBusinessDataSourceFixture>({
    dataSourceId: id,
    displayName: r.string('displayName', shapes.QBUSINESS_DATA_SOURCE_NAME, true),
    type: r.string('type', shapes.QBUSINESS_DATA_SOURCE_TYPE, true),
    status: r.enumValue('status', shapes.QBUSINESS_DATA_SOURCE_STATUS),
    description: r.string('description', shapes.QBUSINESS_DESCRIPTION),
    roleArn: r.string('roleArn', shapes.RESOURCE_ARN),
    syncSchedule: r.string('syncSchedule', shapes.QBUSINESS_SYNC_SCHEDULE),
    createdAt: iso(r.timestamp('createdAt')),
    updatedAt: iso(r.timestamp('updatedAt')),
    syncJobs: r.array('syncJobs', true).map((job) => validateQBusinessSyncJob(job.value, job.path, jobs)),
  });
  r.done();
  return source;
}

/** One Q Business `DataSourceSyncJob` in the fixture's shape; `startTime` may be absent (sorts last). */
export function validateQBusinessSyncJob(value: unknown, path: string, ids: IdScope): QBusinessSyncJobFixture {
  const r = new ObjectReader(value, path);
  const executionId = r.string('executionId', shapes.QBUSINESS_EXECUTION_ID, true);
  ids.claim(executionId, `${path}.executionId`);
  const error = r.object('error');
  const metrics = r.object('metrics');
  const job = compact({
    executionId,
    startTime: iso(r.timestamp('startTime')),
    endTime: iso(r.timestamp('endTime')),
    status: r.enumValue('status', shapes.QBUSINESS_SYNC_JOB_STATUS, true),
    error: error && readErrorDetail(error),
    dataSourceErrorCode: r.string('dataSourceErrorCode', shapes.KENDRA_EXECUTION_ID),
    metrics: metrics && readMetrics(metrics, ['documentsAdded', 'documentsModified', 'documentsDeleted', 'documentsFailed', 'documentsScanned']),
  });
  r.done();
  return job as QBusinessSyncJobFixture;
}

function readErrorDetail(r: ObjectReader): { errorCode?: string; errorMessage?: string } {
  const detail = compact({
    errorCode: r.enumValue('errorCode', shapes.QBUSINESS_ERROR_CODE),
    errorMessage: r.string('errorMessage', shapes.QBUSINESS_ERROR_MESSAGE),
  });
  r.done();
  return detail;
}

/**
 * The emulator's fixture: one JSON document holding every resource and job history of the three
 * services, each job written in its own service's response shape (timestamps as ISO-8601 strings).
 *
 * This is the format of `--fixture file.json`, of `PUT /_emulator/state` and of the demo generator's
 * output. Danger: these types say what a *valid* fixture looks like; a document read from disk or
 * from the control API is untrusted until `validateFixture` has accepted it.
 */

/** Kendra `DataSourceSyncJobMetrics`: counts are digit strings on the wire (`MetricValue`). */
export interface KendraMetricsFixture {
  DocumentsAdded?: string;
  DocumentsModified?: string;
  DocumentsDeleted?: string;
  DocumentsFailed?: string;
  DocumentsScanned?: string;
}

/** Kendra `DataSourceSyncJob`. */
export interface KendraSyncJobFixture {
  ExecutionId: string;
  /**
   * Required here so that generators always write one; `validateFixture` also accepts a job
   * without it (the model makes every member optional), and such a job sorts after all others.
   */
  StartTime: string;
  EndTime?: string;
  /** `DataSourceSyncJobStatus`: FAILED | SUCCEEDED | SYNCING | INCOMPLETE | STOPPING | ABORTED | SYNCING_INDEXING */
  Status: string;
  /** `ErrorCode` enum value: InternalError | InvalidRequest */
  ErrorCode?: string;
  ErrorMessage?: string;
  DataSourceErrorCode?: string;
  Metrics?: KendraMetricsFixture;
}

export interface KendraDataSourceFixture {
  /** `DataSourceId`: 1..100 chars, `^[a-zA-Z0-9][a-zA-Z0-9_-]*$` */
  Id: string;
  Name: string;
  /** `DataSourceType`, e.g. S3, SHAREPOINT, WEBCRAWLER, TEMPLATE */
  Type: string;
  /** `DataSourceStatus`, default ACTIVE */
  Status?: string;
  Description?: string;
  LanguageCode?: string;
  RoleArn?: string;
  Schedule?: string;
  CreatedAt?: string;
  UpdatedAt?: string;
  syncJobs: KendraSyncJobFixture[];
}

export interface KendraIndexFixture {
  /** `IndexId`: exactly 36 chars, `^[a-zA-Z0-9][a-zA-Z0-9-]*$` */
  Id: string;
  Name: string;
  /** `IndexEdition`, default ENTERPRISE_EDITION */
  Edition?: string;
  /** `IndexStatus`, default ACTIVE */
  Status?: string;
  Description?: string;
  RoleArn?: string;
  CreatedAt?: string;
  UpdatedAt?: string;
  dataSources: KendraDataSourceFixture[];
}

/** Q Business `DataSourceSyncJobMetrics`. */
export interface QBusinessMetricsFixture {
  documentsAdded?: string;
  documentsModified?: string;
  documentsDeleted?: string;
  documentsFailed?: string;
  documentsScanned?: string;
}

/** Q Business `DataSourceSyncJob`. */
export interface QBusinessSyncJobFixture {
  /** `ExecutionId`: exactly 36 chars, `^[a-zA-Z0-9][a-zA-Z0-9-]{35}$` */
  executionId: string;
  /** As Kendra's `StartTime`: the validator accepts its absence, and such a job sorts last. */
  startTime: string;
  endTime?: string;
  status: string;
  /** `ErrorDetail`; `errorCode` is InternalError | InvalidRequest | ResourceInactive | ResourceNotFound */
  error?: { errorCode?: string; errorMessage?: string };
  dataSourceErrorCode?: string;
  metrics?: QBusinessMetricsFixture;
}

export interface QBusinessDataSourceFixture {
  /** 36 chars, `^[a-zA-Z0-9][a-zA-Z0-9-]{35}$` (every Q Business id) */
  dataSourceId: string;
  displayName: string;
  /** free string, e.g. S3, WEBCRAWLER, SHAREPOINT */
  type: string;
  /** `DataSourceStatus`, default ACTIVE */
  status?: string;
  description?: string;
  roleArn?: string;
  syncSchedule?: string;
  createdAt?: string;
  updatedAt?: string;
  syncJobs: QBusinessSyncJobFixture[];
}

export interface QBusinessIndexFixture {
  indexId: string;
  displayName: string;
  /** `IndexStatus`, default ACTIVE */
  status?: string;
  description?: string;
  createdAt?: string;
  updatedAt?: string;
  dataSources: QBusinessDataSourceFixture[];
}

export interface QBusinessApplicationFixture {
  applicationId: string;
  displayName: string;
  /** `ApplicationStatus`, default ACTIVE */
  status?: string;
  /** `IdentityType`, default AWS_IAM_IDC */
  identityType?: string;
  description?: string;
  createdAt?: string;
  updatedAt?: string;
  indices: QBusinessIndexFixture[];
}

/** Q Connect `ImportJobSummary` (the ARN and knowledge base id are filled in from the parent). */
export interface QConnectImportJobFixture {
  /** `Uuid`: lower-case hex UUID */
  importJobId: string;
  /** `ImportJobType`: QUICK_RESPONSES */
  importJobType: string;
  /** `ImportJobStatus`: START_IN_PROGRESS | FAILED | COMPLETE | DELETE_IN_PROGRESS | DELETE_FAILED | DELETED */
  status: string;
  uploadId: string;
  createdTime: string;
  lastModifiedTime: string;
  metadata?: Record<string, string>;
  failedRecordReport?: string;
  /**
   * `ExternalSourceConfiguration`. `configuration` is the `Configuration` union written as on the
   * wire: an object with exactly one member (`connectConfiguration`, or a member name the current
   * model does not know, which the emulator passes through as it is).
   */
  externalSourceConfiguration?: { source: string; configuration: Record<string, unknown> };
}

export interface QConnectKnowledgeBaseFixture {
  /** `Uuid`: lower-case hex UUID */
  knowledgeBaseId: string;
  name: string;
  /** `KnowledgeBaseType`: EXTERNAL | CUSTOM | QUICK_RESPONSES | MESSAGE_TEMPLATES | MANAGED */
  knowledgeBaseType: string;
  /** `KnowledgeBaseStatus`, default ACTIVE */
  status?: string;
  description?: string;
  importJobs: QConnectImportJobFixture[];
}

export interface Fixture {
  kendra?: { indices: KendraIndexFixture[] };
  qbusiness?: { applications: QBusinessApplicationFixture[] };
  qconnect?: { knowledgeBases: QConnectKnowledgeBaseFixture[] };
}

/** The three services, named as in the fixture, `/_emulator/stats` and fault rules. */
export type ServiceName = 'kendra' | 'qbusiness' | 'qconnect';
export const SERVICE_NAMES: readonly ServiceName[] = ['kendra', 'qbusiness', 'qconnect'];

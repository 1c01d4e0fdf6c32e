/**
 * The emulator's in-memory records, one neutral shape per concept (a sync job is the same record
 * for Kendra and Q Business; each protocol handler renders its own wire names). `fromFixture.ts`
 * builds them from a validated fixture; `liveJob.ts` computes how a started job moves.
 *
 * Danger: records are shared by every request; handlers must render copies and never hand a record
 * (or its nested objects) to code that might mutate it.
 */

/** Document counts of a sync job, as digit strings (the models' `MetricValue`). */
export interface SyncJobMetrics {
  documentsAdded?: string;
  documentsModified?: string;
  documentsDeleted?: string;
  documentsFailed?: string;
  documentsScanned?: string;
}

/** A sync job of either service. `live` is set only for jobs started through the API. */
export interface SyncJob {
  executionId: string;
  startMs?: number;
  endMs?: number;
  status: string;
  errorCode?: string;
  errorMessage?: string;
  dataSourceErrorCode?: string;
  metrics?: SyncJobMetrics;
  live?: LiveRun;
}

/** A data source of either service, with its history (fixture and API-started jobs). */
export interface DataSource {
  id: string;
  name: string;
  type: string;
  status: string;
  description?: string;
  languageCode?: string;
  roleArn?: string;
  schedule?: string;
  createdMs: number;
  updatedMs: number;
  jobs: SyncJob[];
}

/** A Kendra index and its data sources. */
export interface KendraIndex {
  id: string;
  name: string;
  edition: string;
  status: string;
  description?: string;
  roleArn?: string;
  createdMs: number;
  updatedMs: number;
  dataSources: DataSource[];
}

/** A Q Business index and its data sources. */
export interface QBusinessIndex {
  id: string;
  name: string;
  status: string;
  description?: string;
  createdMs: number;
  updatedMs: number;
  dataSources: DataSource[];
}

/** A Q Business application and its indices. */
export interface QBusinessApplication {
  id: string;
  name: string;
  status: string;
  identityType: string;
  description?: string;
  createdMs: number;
  updatedMs: number;
  indices: QBusinessIndex[];
}

/** A Q Connect import job; its knowledge base id and ARN come from its parent. */
export interface ImportJob {
  importJobId: string;
  importJobType: string;
  status: string;
  uploadId: string;
  createdMs: number;
  lastModifiedMs: number;
  metadata?: Record<string, string>;
  failedRecordReport?: string;
  externalSourceConfiguration?: { source: string; configuration: Record<string, unknown> };
}

/** A Q Connect knowledge base, its derived ARN and its import jobs. */
export interface KnowledgeBase {
  id: string;
  arn: string;
  name: string;
  type: string;
  status: string;
  description?: string;
  importJobs: ImportJob[];
}

/** Everything the emulator serves: the three services' resources, in fixture order. */
export interface EmulatorState {
  kendraIndices: KendraIndex[];
  qbusinessApplications: QBusinessApplication[];
  knowledgeBases: KnowledgeBase[];
}

/** How an API-started job runs; fixture jobs have none and never move. */
export interface LiveRun {
  startedMs: number;
  durationMs: number;
  outcome: 'SUCCEEDED' | 'FAILED';
  /** How many documents the whole run scans. */
  documents: number;
  /** When StopDataSourceSyncJob reached the job, if it did while the job was syncing. */
  stopMs?: number;
}

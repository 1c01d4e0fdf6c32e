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

export interface QBusinessIndex {
  id: string;
  name: string;
  status: string;
  description?: string;
  createdMs: number;
  updatedMs: number;
  dataSources: DataSource[];
}

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

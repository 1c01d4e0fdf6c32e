/**
 * The one job model the schema serves. Adapters in `src/services/<service>/` build these from the
 * SDK's shapes; resolvers read them. Raw service values (`statusRaw`) are kept next to their
 * normalized form, so a value this gateway does not know is shown as UNKNOWN without being lost.
 */
import type { QConnectKnowledgeBaseRef, SyncSourceRef } from './sources';

/** A job's state, the same for every service (the README's table). */
export type JobState =
  | 'RUNNING'
  | 'STOPPING'
  | 'SUCCEEDED'
  | 'FAILED'
  | 'INCOMPLETE'
  | 'ABORTED'
  | 'DELETING'
  | 'DELETED'
  | 'UNKNOWN';

/** Every `JobState`, in the order summaries list them. */
export const JOB_STATES: readonly JobState[] = [
  'RUNNING',
  'STOPPING',
  'SUCCEEDED',
  'FAILED',
  'INCOMPLETE',
  'ABORTED',
  'DELETING',
  'DELETED',
  'UNKNOWN',
];

/** Document counts of a sync job (each absent when the service sent none). */
export interface SyncJobMetricsModel {
  documentsAdded?: number;
  documentsModified?: number;
  documentsDeleted?: number;
  documentsFailed?: number;
  documentsScanned?: number;
}

/** One run of a Kendra or Q Business data source sync. */
export interface SyncJobModel {
  kind: 'SyncJob';
  source: SyncSourceRef;
  executionId: string;
  statusRaw: string;
  startedAt?: Date;
  endedAt?: Date;
  error?: { code?: string; message?: string };
  dataSourceErrorCode?: string;
  metrics?: SyncJobMetricsModel;
}

/** One Q Connect import job. */
export interface ImportJobModel {
  kind: 'ImportJob';
  source: QConnectKnowledgeBaseRef;
  importJobId: string;
  knowledgeBaseArn: string;
  uploadId: string;
  importJobTypeRaw: string;
  statusRaw: string;
  createdTime: Date;
  lastModifiedTime: Date;
  metadata: Record<string, string>;
  externalSourceConfiguration?: { source: string; configuration: unknown };
}

/** Either kind of job. */
export type JobModel = SyncJobModel | ImportJobModel;

/** The job's own id: a sync job's execution id, an import job's id. */
export function jobIdOf(job: JobModel): string {
  return job.kind === 'SyncJob' ? job.executionId : job.importJobId;
}

/** When the job started: a sync job's start time, an import job's creation time. */
export function jobStartedAt(job: JobModel): Date | undefined {
  return job.kind === 'SyncJob' ? job.startedAt : job.createdTime;
}

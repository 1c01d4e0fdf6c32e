/**
 * The one job model the schema serves. Adapters in `src/services/<service>/` build these from the
 * SDK's shapes; resolvers read them. Raw service values (`statusRaw`) are kept next to their
 * normalized form, so a value this gateway does not know is shown as UNKNOWN without being lost.
 */
import type { QConnectKnowledgeBaseRef, SyncSourceRef } from './sources';

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

export interface SyncJobMetricsModel {
  documentsAdded?: number;
  documentsModified?: number;
  documentsDeleted?: number;
  documentsFailed?: number;
  documentsScanned?: number;
}

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

export type JobModel = SyncJobModel | ImportJobModel;

export function jobIdOf(job: JobModel): string {
  return job.kind === 'SyncJob' ? job.executionId : job.importJobId;
}

export function jobStartedAt(job: JobModel): Date | undefined {
  return job.kind === 'SyncJob' ? job.startedAt : job.createdTime;
}

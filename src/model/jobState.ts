/**
 * Normalizes each service's job status to the one `JobState` (the table in the README).
 * Danger: services add statuses; anything not in the table is UNKNOWN, never an error.
 */
import type { ImportJobModel, JobModel, JobState } from './jobs';

/** Sync job status → state (Kendra and Q Business share the enum). */
export const SYNC_STATES: Readonly<Record<string, JobState>> = {
  SYNCING: 'RUNNING',
  SYNCING_INDEXING: 'RUNNING',
  STOPPING: 'STOPPING',
  SUCCEEDED: 'SUCCEEDED',
  FAILED: 'FAILED',
  INCOMPLETE: 'INCOMPLETE',
  ABORTED: 'ABORTED',
};

/** Import job status → state. */
export const IMPORT_STATES: Readonly<Record<string, JobState>> = {
  START_IN_PROGRESS: 'RUNNING',
  COMPLETE: 'SUCCEEDED',
  FAILED: 'FAILED',
  DELETE_FAILED: 'FAILED',
  DELETE_IN_PROGRESS: 'DELETING',
  DELETED: 'DELETED',
};

/** The sync job statuses this gateway knows (Kendra's and Q Business's enum). */
export const SYNC_JOB_STATUSES = Object.keys(SYNC_STATES);
/** The import job statuses this gateway knows. */
export const IMPORT_JOB_STATUSES = Object.keys(IMPORT_STATES);

/** The normalized state of a job; UNKNOWN for a status this gateway does not know. */
export function jobStateOf(job: JobModel): JobState {
  const table = job.kind === 'SyncJob' ? SYNC_STATES : IMPORT_STATES;
  return Object.prototype.hasOwnProperty.call(table, job.statusRaw)
    ? table[job.statusRaw]
    : 'UNKNOWN';
}

/** The job's status in its service's enum, or UNKNOWN when the value is not in it. */
export function knownStatus(job: JobModel): string {
  const known = job.kind === 'SyncJob' ? SYNC_JOB_STATUSES : IMPORT_JOB_STATUSES;
  return known.includes(job.statusRaw) ? job.statusRaw : 'UNKNOWN';
}

/** The import job's type in Q Connect's enum, or UNKNOWN when the value is not in it. */
export function knownImportJobType(job: ImportJobModel): 'QUICK_RESPONSES' | 'UNKNOWN' {
  return job.importJobTypeRaw === 'QUICK_RESPONSES' ? 'QUICK_RESPONSES' : 'UNKNOWN';
}

/** Finished states: the denominator of a failure rate. */
export const FINISHED_STATES: readonly JobState[] = [
  'SUCCEEDED',
  'FAILED',
  'INCOMPLETE',
  'ABORTED',
];

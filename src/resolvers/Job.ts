/** Fields every job has (`Job` interface), shared by `SyncJob` and `ImportJob`. */
import { toGlobalId } from '../model/globalId';
import { jobIdOf, jobStartedAt, type JobModel } from '../model/jobs';
import { jobStateOf } from '../model/jobState';
import { serviceOf } from '../model/services';

const FINISHED_IMPORT_STATUSES = new Set(['COMPLETE', 'FAILED', 'DELETED', 'DELETE_FAILED']);

/** Resolvers of the `Job` interface's fields, spread into `SyncJob` and `ImportJob`. */
export const jobFields = {
  id: (job: JobModel) => toGlobalId(job),
  service: (job: JobModel) => serviceOf(job.source),
  jobId: (job: JobModel) => jobIdOf(job),
  state: (job: JobModel) => jobStateOf(job),
  startedAt: (job: JobModel) => jobStartedAt(job) ?? null,
  /** Sync jobs: their end time. Import jobs have none: a finished one ended at its last modification. */
  endedAt: (job: JobModel) =>
    job.kind === 'SyncJob'
      ? (job.endedAt ?? null)
      : FINISHED_IMPORT_STATUSES.has(job.statusRaw)
        ? job.lastModifiedTime
        : null,
  source: (job: JobModel) => job.source,
};

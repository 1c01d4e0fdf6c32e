/**
 * Job filters, split into what the service can apply (pushed down: fewer pages to read) and what the
 * gateway applies itself. Both halves describe the same set, so a filter gives the same jobs
 * whether or not it could be pushed down. Kendra and Q Business take one status and a start-time
 * window; Q Connect takes nothing.
 */
import type { JobModel, JobState } from '../model/jobs';
import {
  IMPORT_STATES,
  jobStateOf,
  knownImportJobType,
  knownStatus,
  SYNC_JOB_STATUSES,
  SYNC_STATES,
} from '../model/jobState';
import { jobStartedAt } from '../model/jobs';
import type { SyncJobQuery } from '../services/syncJobQuery';

/** The gateway-side description of a job filter (all parts optional, all inclusive). */
export interface JobPredicate {
  /** Service statuses (`SyncJobStatus` / `ImportJobStatus` values, `UNKNOWN` for unknown ones). */
  statuses?: readonly string[];
  states?: readonly JobState[];
  /** Import job types (`QUICK_RESPONSES`, `UNKNOWN`). */
  types?: readonly string[];
  startedAfter?: Date;
  startedBefore?: Date;
}

/** Does the job pass the filter? (The whole filter, pushed-down parts included.) */
export function matchesJob(job: JobModel, filter: JobPredicate): boolean {
  if (filter.statuses && !filter.statuses.includes(knownStatus(job))) return false;
  if (filter.states && !filter.states.includes(jobStateOf(job))) return false;
  if (filter.types && job.kind === 'ImportJob') {
    if (!filter.types.includes(knownImportJobType(job))) return false;
  }
  const started = jobStartedAt(job)?.getTime();
  if (filter.startedAfter && (started === undefined || started < filter.startedAfter.getTime()))
    return false;
  if (filter.startedBefore && (started === undefined || started > filter.startedBefore.getTime()))
    return false;
  return true;
}

/**
 * What a Kendra or Q Business list call can take of the filter: the window always, the status
 * only when the filter allows exactly one known service status.
 */
export function syncPushdown(filter: JobPredicate): SyncJobQuery {
  let candidates = SYNC_JOB_STATUSES as readonly string[];
  let unknownAllowed = true;
  if (filter.statuses) {
    candidates = candidates.filter((s) => filter.statuses!.includes(s));
    unknownAllowed = filter.statuses.includes('UNKNOWN');
  }
  if (filter.states) {
    candidates = candidates.filter((s) => filter.states!.includes(SYNC_STATES[s]));
    unknownAllowed = unknownAllowed && filter.states.includes('UNKNOWN');
  }
  const narrowed = (filter.statuses || filter.states) && !unknownAllowed && candidates.length === 1;
  return {
    status: narrowed ? candidates[0] : undefined,
    startedAfter: filter.startedAfter,
    startedBefore: filter.startedBefore,
  };
}

/**
 * True when no job of a source of this kind can pass the filter (an empty list, or only states
 * the service's jobs never have, e.g. DELETED for a sync source): such a source is not asked.
 */
export function matchesNothing(filter: JobPredicate, kind: 'SyncJob' | 'ImportJob'): boolean {
  if (filter.statuses?.length === 0 || filter.states?.length === 0 || filter.types?.length === 0)
    return true;
  if (filter.startedAfter && filter.startedBefore && filter.startedAfter > filter.startedBefore)
    return true;
  if (filter.states && !filter.states.includes('UNKNOWN')) {
    const reachable = Object.values(kind === 'SyncJob' ? SYNC_STATES : IMPORT_STATES);
    return !reachable.some((state) => filter.states!.includes(state));
  }
  return false;
}

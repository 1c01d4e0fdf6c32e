/**
 * What counts as a change of a job for subscribers, decided on the newest page of a source: a job
 * that was not there before (and is newer than what the last page covered), or whose state, raw
 * status, end or metrics differ. The first page a poller reads only records what exists. Also the
 * text form of changes as they travel between replicas. Pure: no I/O.
 *
 * Danger: a page only shows the newest jobs; a job that falls off it is forgotten, and a job that
 * slides onto it because newer ones were deleted must not count as new (hence `floorMs`).
 */
import { jobIdOf, jobStartedAt, type JobModel } from '../model/jobs';
import { jobStateOf } from '../model/jobState';
import type { JobSourceRef } from '../model/sources';

/** What a source's newest page looked like at the last poll. */
export interface SourceSnapshot {
  /** Job id → fingerprint. */
  jobs: Record<string, string>;
  /** Start of the oldest job of a full page (older unseen jobs are not new); null: page not full. */
  floorMs: number | null;
}

/** A change message on a source's channel. */
export type SourceMessage = { kind: 'jobs'; jobs: JobModel[] } | { kind: 'gone' };

const DATE_FIELDS = new Set(['startedAt', 'endedAt', 'createdTime', 'lastModifiedTime']);

function fingerprint(job: JobModel): string {
  const endedAt = job.kind === 'SyncJob' ? job.endedAt?.getTime() : job.lastModifiedTime.getTime();
  const metrics = job.kind === 'SyncJob' ? job.metrics : undefined;
  return JSON.stringify([jobStateOf(job), job.statusRaw, endedAt ?? null, metrics ?? null]);
}

/**
 * The jobs of `page` (newest first, `pageFull` when the service had more) that changed since
 * `previous`, and the snapshot to keep. Without a previous snapshot nothing has changed.
 */
export function diffJobs(
  previous: SourceSnapshot | undefined,
  page: readonly JobModel[],
  pageFull: boolean,
): { changed: JobModel[]; next: SourceSnapshot } {
  const jobs: Record<string, string> = {};
  for (const job of page) jobs[jobIdOf(job)] = fingerprint(job);
  const oldest = page.length > 0 ? jobStartedAt(page[page.length - 1])?.getTime() : undefined;
  const next: SourceSnapshot = { jobs, floorMs: pageFull && oldest !== undefined ? oldest : null };
  if (!previous) return { changed: [], next };
  const changed = page.filter((job) => {
    const before = previous.jobs[jobIdOf(job)];
    if (before !== undefined) return before !== jobs[jobIdOf(job)];
    const started = jobStartedAt(job)?.getTime();
    return previous.floorMs === null || (started !== undefined && started >= previous.floorMs);
  });
  // Oldest first: a subscriber sees changes in the order the jobs began.
  return { changed: changed.reverse(), next };
}

/** Whether any job of the page may still change (the poller then polls faster). */
export function anyJobRunning(page: readonly JobModel[]): boolean {
  return page.some((job) => ['RUNNING', 'STOPPING', 'DELETING'].includes(jobStateOf(job)));
}

/** The text of a message; sources travel as bare ids (their cached details stay home). */
export function encodeMessage(message: SourceMessage): string {
  if (message.kind === 'gone') return JSON.stringify(message);
  return JSON.stringify({
    kind: 'jobs',
    jobs: message.jobs.map((job) => ({ ...job, source: undefined })),
  });
}

/** A message back from its text; its jobs point at `source`. Undefined for a foreign text. */
export function decodeMessage(text: string, source: JobSourceRef): SourceMessage | undefined {
  let parsed: { kind?: string; jobs?: unknown[] };
  try {
    parsed = JSON.parse(text, (key, value) =>
      DATE_FIELDS.has(key) && typeof value === 'string' ? new Date(value) : value,
    );
  } catch {
    return undefined;
  }
  if (parsed.kind === 'gone') return { kind: 'gone' };
  if (parsed.kind !== 'jobs' || !Array.isArray(parsed.jobs)) return undefined;
  return {
    kind: 'jobs',
    jobs: parsed.jobs.map((job) => ({ ...(job as JobModel), source }) as JobModel),
  };
}

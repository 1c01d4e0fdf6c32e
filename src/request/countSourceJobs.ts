/**
 * Counts one source's jobs by state over a start-time window, for `jobSummary`. Pages are read
 * newest first at the largest size, through the request's loaders (so through the page cache),
 * with the window NOT pushed down: the pages from the top of a history are then the same whatever
 * the window, and the run of finished jobs a previous summary read (`finishedRuns.ts`) can be
 * joined instead of read again. A repeated dashboard thus reads only the pages newer than that run.
 *
 * How the join stays exact: the fresh pages are read from the top until one reaches the run's
 * newest job; everything older then comes from the run (finished jobs never change), and pages
 * after the run's end are read only when the window reaches past it. Items are de-duplicated by
 * sort key, so pages that shifted (offset tokens) only repeat jobs, never skip them.
 *
 * Danger: a service that inserts jobs older than jobs it already listed would be missed by the
 * run; histories here only grow at the top.
 */
import type { JobModel, JobState } from '../model/jobs';
import { JOB_STATES, jobIdOf, jobStartedAt } from '../model/jobs';
import { jobStateOf } from '../model/jobState';
import type { JobSourceRef } from '../model/sources';
import type { GatewayContext } from './context';
import type { FinishedRun, RunEntry } from './finishedRuns';
import { isFinished, pageCacheSource } from './pageCache';
import { jobPageSource } from './jobPageSource';
import type { JobPredicate } from './jobFilters';

export interface CountWindow {
  states?: readonly JobState[];
  startedAfter: Date;
  startedBefore: Date;
}

/** Newest first: time descending (no time = oldest), then job id ascending. */
function compareEntries(a: RunEntry, b: RunEntry): number {
  const ta = a[0] ?? Number.NEGATIVE_INFINITY;
  const tb = b[0] ?? Number.NEGATIVE_INFINITY;
  if (ta !== tb) return ta > tb ? -1 : 1;
  return a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0;
}

function entryOf(job: JobModel): RunEntry {
  return [jobStartedAt(job)?.getTime() ?? null, JOB_STATES.indexOf(jobStateOf(job)), jobIdOf(job)];
}

/**
 * A page's entries, computed once per page: the page cache hands every request the same decoded
 * page, and a repeated dashboard reads the same newest pages many times a second.
 */
const pageEntries = new WeakMap<readonly JobModel[], [RunEntry, boolean][]>();

function entriesOf(items: readonly JobModel[]): [RunEntry, boolean][] {
  let entries = pageEntries.get(items);
  if (entries === undefined) {
    entries = items.map((job) => [entryOf(job), isFinished(job)]);
    pageEntries.set(items, entries);
  }
  return entries;
}

/** A history read so far, newest first, without repeats; `finishedFrom`: start of its finished tail. */
class HistoryRead {
  readonly entries: RunEntry[] = [];
  finishedFrom = 0;

  add(entry: RunEntry, finished: boolean): void {
    const last = this.entries[this.entries.length - 1];
    if (last !== undefined && compareEntries(entry, last) <= 0) return; // a repeat of a shifted page
    this.entries.push(entry);
    if (!finished) this.finishedFrom = this.entries.length;
  }

  /** The oldest entry read is older than the window: nothing further back can count. */
  pastWindow(startedAfter: number): boolean {
    const oldest = this.entries[this.entries.length - 1];
    return oldest !== undefined && (oldest[0] === null || oldest[0] < startedAfter);
  }
}

/**
 * The source's counts by state in `window`. Reads the pages newer than the stored run, joins it,
 * and stores the longer run for the next summary. Upstream errors are thrown unchanged.
 */
export async function countSourceJobs(
  context: GatewayContext,
  ref: JobSourceRef,
  window: CountWindow,
): Promise<Map<JobState, number>> {
  try {
    return await countWithRun(context, ref, window, true);
  } catch (error) {
    // The run's continuation token may have expired upstream: read the window afresh instead.
    if (error instanceof AfterRunError) return countWithRun(context, ref, window, false);
    throw error;
  }
}

/** A page after a stored run could not be read (its token is older than this request). */
class AfterRunError extends Error {}

async function countWithRun(
  context: GatewayContext,
  ref: JobSourceRef,
  window: CountWindow,
  useRun: boolean,
): Promise<Map<JobState, number>> {
  const predicate: JobPredicate = { states: window.states };
  const source = jobPageSource(context.loaders, ref, predicate, {
    pushdown: context.options.pushdown,
  });
  const runs = context.finishedRuns;
  const runKey = pageCacheSource(ref);
  const query = { filter: predicate, pushdown: context.options.pushdown };
  const stored = runs === undefined || !useRun ? undefined : await runs.get(runKey, query);
  const after = window.startedAfter.getTime();

  const read = new HistoryRead();
  let pending = stored !== undefined && stored.jobs.length > 0 ? stored : undefined;
  let joined = false;
  /** The stored run's entries past the window, not copied into `read` (all finished). */
  let unread: RunEntry[] = [];
  const seenTokens = new Set<string>();
  let token: string | undefined;
  let next: string | null;
  for (;;) {
    const page = await source.fetchPage(token, source.maxPageSize).catch((error: unknown) => {
      throw joined ? new AfterRunError(String(error)) : error;
    });
    for (const [entry, finished] of entriesOf(page.items)) read.add(entry, finished);
    next = page.nextToken ?? null;
    const last = read.entries[read.entries.length - 1];
    if (pending !== undefined && last !== undefined && compareEntries(last, pending.jobs[0]) >= 0) {
      // The fresh pages reached the run: the rest of it needs no call. Only the part up to the
      // window's start is copied (a run can be many times the window); the rest is kept aside.
      const jobs = pending.jobs;
      let i = 0;
      while (i < jobs.length) {
        read.add(jobs[i++], true);
        if (read.pastWindow(after)) break;
      }
      unread = i < jobs.length ? jobs.slice(i) : [];
      next = pending.next;
      pending = undefined;
      joined = true;
    }
    // A token seen twice would loop forever (as the SDK paginators' stopOnSameToken).
    if (next === null || read.pastWindow(after) || seenTokens.has(next)) break;
    seenTokens.add(next);
    token = next;
  }

  // The run this read makes, described before it is built: a repeated dashboard makes the same
  // run as the stored one, and copying thousands of entries per source per request for nothing
  // was most of its time.
  const length = read.entries.length - read.finishedFrom + unread.length;
  const first = read.entries[read.finishedFrom] ?? unread[0];
  const longer = joined || stored === undefined || length >= stored.jobs.length;
  const changed =
    stored === undefined ||
    stored.jobs.length !== length ||
    stored.next !== next ||
    compareEntries(stored.jobs[0], first) !== 0;
  if (runs !== undefined && length > 0 && longer && changed) {
    const run: FinishedRun = { jobs: read.entries.slice(read.finishedFrom).concat(unread), next };
    void runs.set(runKey, query, run);
  }
  return tally(read.entries, window);
}

function tally(entries: RunEntry[], window: CountWindow): Map<JobState, number> {
  const after = window.startedAfter.getTime();
  const before = window.startedBefore.getTime();
  const counts = new Map<JobState, number>();
  for (const [time, stateIndex] of entries) {
    if (time === null || time < after || time > before) continue;
    const state = JOB_STATES[stateIndex] ?? 'UNKNOWN';
    if (window.states !== undefined && !window.states.includes(state)) continue;
    counts.set(state, (counts.get(state) ?? 0) + 1);
  }
  return counts;
}

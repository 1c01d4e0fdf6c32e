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
import type { RunEntry } from './finishedRuns';
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
  /**
   * When the window ends inside the joined run: the run's entries counted where they are,
   * `[from, to)`, not copied into `read` (a repeated dashboard joins a run many times the window).
   */
  let inRun: { jobs: RunEntry[]; from: number; to: number } | undefined;
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
      // The fresh pages reached the run: the rest of it needs no call.
      const jobs = pending.jobs;
      let from = 0;
      while (from < jobs.length && compareEntries(jobs[from], last) <= 0) from++; // repeats
      const to = firstPastWindow(jobs, from, after);
      next = pending.next;
      pending = undefined;
      joined = true;
      if (to < jobs.length) {
        inRun = { jobs, from, to: to + 1 };
        break;
      }
      // The window reaches past the run: all of it counts, and the pages after it are read.
      for (let i = from; i < jobs.length; i++) read.add(jobs[i], true);
    }
    // A token seen twice would loop forever (as the SDK paginators' stopOnSameToken).
    if (next === null || read.pastWindow(after) || seenTokens.has(next)) break;
    seenTokens.add(next);
    token = next;
  }

  // The run this read makes, described before it is built: a repeated dashboard makes the same
  // run as the stored one, and building it on every request would copy thousands of entries.
  const runTail = inRun ? inRun.jobs.length - inRun.from : 0;
  const length = read.entries.length - read.finishedFrom + runTail;
  const first = read.entries[read.finishedFrom] ?? inRun?.jobs[inRun.from];
  const longer = joined || stored === undefined || length >= stored.jobs.length;
  const changed =
    stored === undefined ||
    first === undefined ||
    stored.jobs.length !== length ||
    stored.next !== next ||
    compareEntries(stored.jobs[0], first) !== 0;
  if (runs !== undefined && length > 0 && longer && changed) {
    const fresh = read.entries.slice(read.finishedFrom);
    const jobs = inRun ? fresh.concat(inRun.jobs.slice(inRun.from)) : fresh;
    void runs.set(runKey, query, { jobs, next });
  }
  const counts = new Array<number>(JOB_STATES.length).fill(0);
  tally(counts, read.entries, 0, read.entries.length, window);
  if (inRun) tally(counts, inRun.jobs, inRun.from, inRun.to, window);
  return countsByState(counts, window);
}

/**
 * The index of the first entry at or after `from` that starts before the window (or has no start),
 * or `jobs.length` when there is none. Entries are newest first, so this is a binary search.
 */
function firstPastWindow(jobs: readonly RunEntry[], from: number, startedAfter: number): number {
  let low = from;
  let high = jobs.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const time = jobs[middle][0];
    if (time === null || time < startedAfter) high = middle;
    else low = middle + 1;
  }
  return low;
}

const UNKNOWN_INDEX = JOB_STATES.indexOf('UNKNOWN');

/** Adds the entries `[from, to)` that lie in the window to `counts` (by state index). */
function tally(
  counts: number[],
  entries: readonly RunEntry[],
  from: number,
  to: number,
  window: CountWindow,
): void {
  const after = window.startedAfter.getTime();
  const before = window.startedBefore.getTime();
  for (let i = from; i < to; i++) {
    const [time, stateIndex] = entries[i];
    if (time === null || time < after || time > before) continue;
    // A run stored by another version may name a state this one does not list.
    counts[JOB_STATES[stateIndex] === undefined ? UNKNOWN_INDEX : stateIndex] += 1;
  }
}

function countsByState(counts: readonly number[], window: CountWindow): Map<JobState, number> {
  const byState = new Map<JobState, number>();
  counts.forEach((count, stateIndex) => {
    const state = JOB_STATES[stateIndex] ?? 'UNKNOWN';
    if (count === 0 || (window.states !== undefined && !window.states.includes(state))) return;
    byState.set(state, (byState.get(state) ?? 0) + count);
  });
  return byState;
}

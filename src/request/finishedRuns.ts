/**
 * What `jobSummary` remembers of a source between requests: the longest run of its history, newest
 * first, whose jobs had all finished when read, as `[start ms, state, job id]` triples, and the
 * page token that continues after it. Finished jobs never change, so a later summary reads only
 * the pages newer than the run (and, if its window reaches further back, the pages after it).
 *
 * Danger: a run is only right if it is contiguous: every job of the source between its first and
 * last entry is in it. Build one only from whole pages read in a row (`countSourceJobs.ts`).
 */
import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { GatewayStore } from '../store/GatewayStore';
import { canonicalKey } from './canonicalKey';

/** One finished job: start time (null = none), index into `JOB_STATES`, job id. */
export type RunEntry = [startMs: number | null, state: number, jobId: string];

export interface FinishedRun {
  /** Newest first, in the history's order. */
  jobs: RunEntry[];
  /** Token of the page after the run's last job; null when the history ends there. */
  next: string | null;
}

/** Default lifetime of a run: as long as a finished page (its `next` token is replayed). */
export const DEFAULT_RUN_TTL_MS = 600_000;

export class FinishedRuns {
  /**
   * Runs this process decoded lately: any older run is still right (only shorter), so a copy a few
   * seconds old saves decoding the store's JSON on every dashboard request.
   */
  private readonly decoded: LRUCache<string, FinishedRun>;

  constructor(
    private readonly store: GatewayStore,
    /** The configuration and credentials digest the page cache uses too. */
    private readonly scope: () => Promise<string>,
    private readonly ttlMs = DEFAULT_RUN_TTL_MS,
    now: () => number = Date.now,
  ) {
    this.decoded = new LRUCache({ max: 1_000, ttl: 5_000, ttlAutopurge: false, perf: { now } });
  }

  /** The run of `source` under `query`, or `undefined` (a store failure is a miss). */
  async get(source: string, query: unknown): Promise<FinishedRun | undefined> {
    const key = await this.keyOf(source, query);
    const known = this.decoded.get(key);
    if (known !== undefined) return known;
    try {
      const run = await this.store.get<FinishedRun>('page', key);
      if (run !== undefined) this.decoded.set(key, run);
      return run;
    } catch {
      return undefined;
    }
  }

  /** Keeps `run` (a store failure is dropped: the next summary reads more pages, nothing worse). */
  async set(source: string, query: unknown, run: FinishedRun): Promise<void> {
    const key = await this.keyOf(source, query);
    this.decoded.set(key, run);
    try {
      await this.store.set('page', key, run, this.ttlMs);
    } catch {
      // a cache that cannot be written is only a slower next request
    }
  }

  private async keyOf(source: string, query: unknown): Promise<string> {
    const text = canonicalKey(['finished-run', await this.scope(), source, query]);
    return createHash('sha256').update(text).digest('base64url');
  }
}

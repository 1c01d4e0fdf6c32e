/**
 * One source's poller behind the subscriptions: every interval (faster while one of its jobs is
 * running) it reads the source's newest page, through a fresh set of loaders over the shared
 * `Upstream` (the same concurrency limits, time-outs, metrics and caches as queries), compares it
 * with the last snapshot and publishes what changed on the source's channel. Only the holder of
 * the source's lease polls; the other replicas' pollers just keep trying for the lease, so a
 * source is polled once per interval however many replicas and subscribers watch it.
 *
 * Danger: a poll that fails must never end anything: it is reported (`onPollFailure`) and the
 * next round tries again. Only a source that no longer exists (NOT_FOUND) ends the poller.
 */
import type { GraphQLError } from 'graphql';
import { ErrorCode } from '../errors/ErrorCode';
import { serviceOf } from '../model/services';
import { sourceKey, type JobSourceRef } from '../model/sources';
import type { LiveBus } from '../store/LiveBus';
import type { Upstream } from '../services/upstream';
import { sleepOn, type Clock } from './clock';
import { createLoaders } from './createLoaders';
import { anyJobRunning, diffJobs, encodeMessage, type SourceSnapshot } from './jobChanges';
import { jobPageSource } from './jobPageSource';
import type { PageCache } from './pageCache';

export interface PollerSettings {
  upstream: Upstream;
  /** The pages queries keep (a poll reads and refreshes the same first page); absent = none. */
  pageCache?: PageCache;
  bus: LiveBus;
  clock: Clock;
  /** This replica's name in leases. */
  owner: string;
  /** Pause between two polls of a source (ms). */
  intervalMs: number;
  /** Pause while a job of the source is running (ms). */
  runningIntervalMs: number;
  /** Told of every poll: `ok`, `skipped` (another replica holds the lease) or the error. */
  onPoll?: (event: { service: string; outcome: string; error?: unknown }) => void;
}

interface SavedSnapshot {
  /** When it was taken, on the gateway's clock. */
  atMs: number;
  snapshot: SourceSnapshot;
}

/** The lease and channel name of a source. */
export function sourceChannel(source: JobSourceRef): string {
  return `${serviceOf(source)}:${sourceKey(source)}`;
}

export class SourcePoller {
  private readonly abort = new AbortController();
  private readonly name: string;
  private readonly done: Promise<void>;

  constructor(
    private readonly source: JobSourceRef,
    private readonly settings: PollerSettings,
  ) {
    this.name = sourceChannel(source);
    this.done = this.run();
  }

  /** Stops polling and gives the lease up. */
  async stop(): Promise<void> {
    this.abort.abort();
    await this.done;
    await this.settings.bus.releaseLease(this.name, this.settings.owner).catch(() => undefined);
  }

  private async run(): Promise<void> {
    const { clock, intervalMs, runningIntervalMs } = this.settings;
    // The first round of a new holder only records what exists: jobs that were there before the
    // subscription are not news.
    let snapshot: SourceSnapshot | undefined;
    while (!this.abort.signal.aborted) {
      const round = await this.round(snapshot);
      if (round === 'gone') return;
      snapshot = round.snapshot;
      await sleepOn(clock, round.running ? runningIntervalMs : intervalMs, this.abort.signal);
    }
  }

  private async round(
    snapshot: SourceSnapshot | undefined,
  ): Promise<{ snapshot: SourceSnapshot | undefined; running: boolean } | 'gone'> {
    const { bus, owner, intervalMs, onPoll } = this.settings;
    const service = serviceOf(this.source);
    const leaseMs = intervalMs * 3;
    let held: boolean;
    try {
      held = await bus.holdLease(this.name, owner, leaseMs);
    } catch (error) {
      onPoll?.({ service, outcome: 'STORE_UNAVAILABLE', error });
      return { snapshot: undefined, running: false };
    }
    if (!held) {
      onPoll?.({ service, outcome: 'skipped' });
      // Another replica polls; should it stop, this one starts afresh from its own first page.
      return { snapshot: undefined, running: false };
    }
    try {
      const previous = snapshot ?? (await this.loadSnapshot());
      const pages = jobPageSource(
        createLoaders(this.settings.upstream, { pageCache: this.settings.pageCache }),
        this.source,
        {},
      );
      const page = await pages.fetchPage(undefined, pages.maxPageSize);
      if (this.abort.signal.aborted) return { snapshot, running: false };
      const { changed, next } = diffJobs(previous, page.items, page.nextToken !== undefined);
      // Published before the snapshot moves on: a change that could not be sent is found again.
      if (changed.length > 0)
        await bus.publish(this.name, encodeMessage({ kind: 'jobs', jobs: changed }));
      const saved: SavedSnapshot = { atMs: this.settings.clock.now(), snapshot: next };
      await bus.save(this.name, JSON.stringify(saved), leaseMs).catch(() => undefined);
      onPoll?.({ service, outcome: 'ok' });
      return { snapshot: next, running: anyJobRunning(page.items) };
    } catch (error) {
      const code = (error as GraphQLError).extensions?.code;
      onPoll?.({
        service,
        outcome: typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR',
        error,
      });
      if (code === ErrorCode.NOT_FOUND) {
        await bus.publish(this.name, encodeMessage({ kind: 'gone' })).catch(() => undefined);
        return 'gone';
      }
      return { snapshot, running: false };
    }
  }

  /**
   * The snapshot the previous holder left (another replica's), if it is fresh: one older than a
   * lease describes a time nobody watched, and changes from then are not news.
   */
  private async loadSnapshot(): Promise<SourceSnapshot | undefined> {
    const text = await this.settings.bus.load(this.name).catch(() => undefined);
    if (text === undefined) return undefined;
    const saved = JSON.parse(text) as SavedSnapshot;
    const fresh = this.settings.clock.now() - saved.atMs <= this.settings.intervalMs * 3;
    return fresh ? saved.snapshot : undefined;
  }
}

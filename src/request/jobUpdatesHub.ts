/**
 * The registry behind `Subscription.jobUpdates`: one `SourcePoller` per watched source in this
 * process, shared by every subscriber of that source, started by the first watcher and stopped
 * with the last. Changes arrive on the source's channel of the `LiveBus` (published by whichever
 * replica polls it) and are handed to this process's watchers.
 *
 * Danger: watchers come and go while pollers start and stop asynchronously; an entry is created
 * synchronously on the first watch and removed only once its last watcher left, so two quick
 * watches never start two pollers, and `close()` ends every watcher (subscriptions send
 * `complete`) before the pollers stop.
 */
import type { JobModel } from '../model/jobs';
import { serviceOf } from '../model/services';
import type { JobSourceRef } from '../model/sources';
import { outsideCallScope } from '../services/callBudget';
import type { LiveBus } from '../store/LiveBus';
import { decodeMessage } from './jobChanges';
import { SourcePoller, sourceChannel, type PollerSettings } from './sourcePoller';

/** What a watcher of one source is told. */
export interface SourceWatcher {
  /** Jobs of the source that appeared or changed, oldest first. */
  onJobs(jobs: JobModel[]): void;
  /** The source no longer exists, or the gateway shuts down: nothing more will come. */
  onEnd(reason: 'gone' | 'shutdown'): void;
}

interface Entry {
  watchers: Set<SourceWatcher>;
  ready: Promise<{ poller: SourcePoller; unsubscribe: () => Promise<void> }>;
}

export class JobUpdatesHub {
  private readonly entries = new Map<string, Entry>();
  private closed = false;
  private idleWaiters: (() => void)[] = [];

  constructor(
    private readonly bus: LiveBus,
    private readonly settings: Omit<PollerSettings, 'bus'>,
  ) {}

  /** Sources polled by this process now. */
  get pollerCount(): number {
    return this.entries.size;
  }

  /**
   * Resolves once this process polls no source (at once when it polls none): a watcher that
   * leaves over a WebSocket is dropped when the server hears of it, not when the client closes.
   */
  whenIdle(): Promise<void> {
    if (this.entries.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Watches a source until the returned function is called. */
  watch(source: JobSourceRef, watcher: SourceWatcher): () => Promise<void> {
    if (this.closed) {
      watcher.onEnd('shutdown');
      return async () => undefined;
    }
    const name = sourceChannel(source);
    let entry = this.entries.get(name);
    if (!entry) {
      const watchers = new Set<SourceWatcher>();
      entry = { watchers, ready: this.start(source, watchers) };
      this.entries.set(name, entry);
    }
    entry.watchers.add(watcher);
    const current = entry;
    return async () => {
      if (!current.watchers.delete(watcher) || current.watchers.size > 0) return;
      if (this.entries.get(name) === current) this.entries.delete(name);
      this.tellIfIdle();
      await this.stopEntry(current);
    };
  }

  /** Ends every watcher, then stops every poller. */
  async close(): Promise<void> {
    this.closed = true;
    const entries = [...this.entries.values()];
    this.entries.clear();
    this.tellIfIdle();
    for (const entry of entries) {
      for (const watcher of [...entry.watchers]) watcher.onEnd('shutdown');
      entry.watchers.clear();
    }
    await Promise.all(entries.map((entry) => this.stopEntry(entry)));
  }

  private tellIfIdle(): void {
    if (this.entries.size > 0) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  private async start(source: JobSourceRef, watchers: Set<SourceWatcher>) {
    const name = sourceChannel(source);
    const unsubscribe = await this.bus
      .subscribe(name, (text) => {
        const message = decodeMessage(text, source);
        if (!message) return;
        for (const watcher of [...watchers]) {
          if (message.kind === 'gone') watcher.onEnd('gone');
          else watcher.onJobs(message.jobs);
        }
      })
      .catch((error: unknown) => {
        // Without the channel this process hears nothing; its poller still runs and reports.
        this.settings.onPoll?.({ service: serviceOf(source), outcome: 'STORE_UNAVAILABLE', error });
        return async () => undefined;
      });
    // Subscribed first: nothing the first poll publishes can be missed.
    // The poller serves every subscriber, so no request's call budget pays for it.
    const poller = outsideCallScope(
      () => new SourcePoller(source, { ...this.settings, bus: this.bus }),
    );
    return { poller, unsubscribe };
  }

  private async stopEntry(entry: Entry): Promise<void> {
    const { poller, unsubscribe } = await entry.ready;
    await poller.stop();
    await unsubscribe().catch(() => undefined);
  }
}

/**
 * `--look-ahead`: after a page that has more after it, the next upstream page of each source on it
 * is read in the background into the page cache, so the client's next click finds it there.
 * Bounded: at most `concurrency` reads at once and `maxQueued` waiting (more are dropped, since
 * a look-ahead only saves time); cancellable: `close()` drops what has not started.
 *
 * Danger: every read is a real upstream call the client may never need; off by default so that
 * call counts stay exact. Failures are swallowed: a read that fails is simply not cached.
 */
import { outsideCallScope } from '../services/callBudget';

export interface LookAheadOptions {
  /** Background reads at once (default 4). */
  concurrency?: number;
  /** Reads waiting at most; more are dropped (default 256). */
  maxQueued?: number;
}

export class LookAhead {
  private readonly concurrency: number;
  private readonly maxQueued: number;
  private readonly queue: (() => Promise<unknown>)[] = [];
  private active = 0;
  private closed = false;
  private idle: { promise: Promise<void>; resolve: () => void } | undefined;

  constructor(options: LookAheadOptions = {}) {
    this.concurrency = Math.max(1, options.concurrency ?? 4);
    this.maxQueued = options.maxQueued ?? 256;
  }

  /** Starts `reads` in the background, as far as the bounds allow. Never throws. */
  schedule(reads: readonly (() => Promise<unknown>)[]): void {
    for (const read of reads) {
      if (this.closed || this.queue.length >= this.maxQueued) break;
      this.queue.push(read);
    }
    this.pump();
  }

  /** Resolves once nothing is running or waiting (tests, shutdown). */
  settled(): Promise<void> {
    if (this.active === 0 && this.queue.length === 0) return Promise.resolve();
    if (this.idle === undefined) {
      let resolve!: () => void;
      const promise = new Promise<void>((r) => (resolve = r));
      this.idle = { promise, resolve };
    }
    return this.idle.promise;
  }

  /** Drops the reads that have not started and refuses new ones. */
  close(): void {
    this.closed = true;
    this.queue.length = 0;
    this.pump();
  }

  private pump(): void {
    while (this.active < this.concurrency && this.queue.length > 0) {
      const read = this.queue.shift()!;
      this.active++;
      // Charged to no request: the request that scheduled it has already been answered.
      void outsideCallScope(read)
        .catch(() => undefined)
        .finally(() => {
          this.active--;
          this.pump();
        });
    }
    if (this.active === 0 && this.queue.length === 0 && this.idle !== undefined) {
      this.idle.resolve();
      this.idle = undefined;
    }
  }
}

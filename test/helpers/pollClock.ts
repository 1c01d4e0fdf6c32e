/**
 * The gateway's clock in subscription tests: a `ManualClock`'s time (shared with the emulator, so
 * jobs and polls move together), counting the sleeps the pollers begin. A poller sleeps after
 * every round, so "n more sleeps began" means "n more poll rounds finished": tests wait for that
 * instead of for time.
 */
import type { ManualClock } from '../../src/emulator';
import type { Clock } from '../../src/request/clock';

export class PollClock implements Clock {
  private begun = 0;
  private waiters: { count: number; resolve: () => void }[] = [];

  constructor(readonly manual: ManualClock) {}

  now(): number {
    return this.manual.now();
  }

  sleep(ms: number, signal: AbortSignal): Promise<void> {
    this.begun += 1;
    const due = this.waiters.filter((waiter) => waiter.count <= this.begun);
    this.waiters = this.waiters.filter((waiter) => waiter.count > this.begun);
    for (const waiter of due) waiter.resolve();
    return this.manual.sleep(ms, signal);
  }

  /** Sleeps begun so far (= poll rounds finished). */
  get rounds(): number {
    return this.begun;
  }

  /** Resolves once `count` sleeps in all have begun. */
  roundsDone(count: number): Promise<void> {
    if (this.begun >= count) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ count, resolve }));
  }

  /** Moves time by `ms` and resolves once `rounds` more poll rounds have finished. */
  async advance(ms: number, rounds: number): Promise<void> {
    const target = this.begun + rounds;
    this.manual.advance(ms);
    await this.roundsDone(target);
  }
}

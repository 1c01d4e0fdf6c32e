/**
 * The emulator's sense of time: live jobs (`jobDurationSeconds`), page-token expiry
 * (`tokenTtlSeconds`), throttling budgets and latency faults all read one clock, given to
 * `startEmulator({ clock })`. Tests pass a `ManualClock` and move it instead of sleeping.
 *
 * Danger: a single `Date.now()` or `setTimeout` left outside this clock makes that part of the
 * emulator run on wall time while the rest follows the test's clock, and the test stops meaning
 * anything. Real time is kept only for the request log's duration, which measures the host.
 */

/** Epoch milliseconds now; `sleep` (optional) waits on this clock, else real timers are used. */
export interface Clock {
  now(): number;
  /**
   * Resolves once `ms` have passed on this clock. When `signal` aborts, the wait is dropped: the
   * promise never settles (the emulator aborts on `close()`, after which nobody awaits it).
   */
  sleep?(ms: number, signal: AbortSignal): Promise<void>;
}

/** Wall time: `Date.now()` and `setTimeout`. The default of `startEmulator`. */
export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve) => {
      if (signal.aborted) return;
      const timer = setTimeout(() => {
        signal.removeEventListener('abort', cancel);
        resolve();
      }, ms);
      const cancel = (): void => clearTimeout(timer);
      signal.addEventListener('abort', cancel, { once: true });
    }),
};

/** Waits on a clock, with real timers when the clock has no `sleep` of its own. */
export function sleepOn(clock: Clock, ms: number, signal: AbortSignal): Promise<void> {
  return clock.sleep ? clock.sleep(ms, signal) : systemClock.sleep!(ms, signal);
}

interface Sleeper {
  wakeAtMs: number;
  /** Ends the wait (and stops listening for the abort). */
  wake(): void;
}

/**
 * A clock that moves only when told to (`advance`, `set`), for tests. Sleeps on it (latency
 * faults) wake when the clock passes their deadline; `sleepers()` shows what is waiting, and
 * `nextSleep()` resolves when the next sleep starts, so a test can wait for a request to reach its
 * latency without a timer.
 */
export class ManualClock implements Clock {
  private nowMs: number;
  private waiting: Sleeper[] = [];
  private onSleep: Array<() => void> = [];

  /** `startMs`: the initial time, epoch milliseconds (default: a fixed 2025-06-01T13:00:00Z). */
  constructor(startMs = Date.parse('2025-06-01T13:00:00.000Z')) {
    this.nowMs = startMs;
  }

  now(): number {
    return this.nowMs;
  }

  /** Moves the clock forward by `ms` (>= 0) and wakes every sleep whose deadline has passed. */
  advance(ms: number): void {
    if (!(ms >= 0)) throw new RangeError(`advance expects ms >= 0, got ${ms}`);
    this.set(this.nowMs + ms);
  }

  /** Moves the clock to `ms` (never backwards) and wakes the sleeps that are due. */
  set(ms: number): void {
    if (ms < this.nowMs)
      throw new RangeError(`a ManualClock never goes back (now ${this.nowMs}, asked ${ms})`);
    this.nowMs = ms;
    const due = this.waiting.filter((sleeper) => sleeper.wakeAtMs <= ms);
    this.waiting = this.waiting.filter((sleeper) => sleeper.wakeAtMs > ms);
    for (const sleeper of due) sleeper.wake();
  }

  sleep(ms: number, signal: AbortSignal): Promise<void> {
    return new Promise<void>((resolve) => {
      if (signal.aborted) return;
      if (ms <= 0) {
        resolve();
        return;
      }
      const drop = (): void => {
        this.waiting = this.waiting.filter((other) => other !== sleeper);
      };
      const sleeper: Sleeper = {
        wakeAtMs: this.nowMs + ms,
        wake: () => {
          signal.removeEventListener('abort', drop);
          resolve();
        },
      };
      this.waiting.push(sleeper);
      signal.addEventListener('abort', drop, { once: true });
      const notify = this.onSleep;
      this.onSleep = [];
      for (const wake of notify) wake();
    });
  }

  /** How long each pending sleep still has to wait, in milliseconds, in the order they began. */
  sleepers(): number[] {
    return this.waiting.map((sleeper) => sleeper.wakeAtMs - this.nowMs);
  }

  /** Resolves when the next sleep begins (a sleep already waiting does not count). */
  nextSleep(): Promise<void> {
    return new Promise((resolve) => this.onSleep.push(resolve));
  }
}

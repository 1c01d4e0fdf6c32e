/**
 * The gateway's sense of time for work that waits (the pollers behind subscriptions): `now()` and
 * a `sleep` that a test's clock can run instead of real timers, so tests move time rather than
 * wait for it. Danger: a `setTimeout` outside this clock runs on wall time while the rest follows
 * the test's clock.
 */

export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
  /**
   * Resolves once `ms` have passed on this clock; when `signal` aborts, the promise never settles
   * (nobody awaits it any more). Without it, real timers are used.
   */
  sleep?(ms: number, signal: AbortSignal): Promise<void>;
}

/** Wall time. */
export const systemClock: Clock = { now: () => Date.now() };

/**
 * Waits `ms` on `clock` (real timers when it has no `sleep`), or until `signal` aborts, whichever
 * comes first: a loop that sleeps can always be stopped and awaited.
 */
export function sleepOn(clock: Clock, ms: number, signal: AbortSignal): Promise<void> {
  return new Promise<void>((resolve) => {
    if (signal.aborted) return resolve();
    // Each sleep gets its own signal, so a clock that never removes its listeners does not pile
    // them onto the caller's long-lived one.
    const own = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const done = () => {
      signal.removeEventListener('abort', done);
      clearTimeout(timer);
      own.abort();
      resolve();
    };
    signal.addEventListener('abort', done, { once: true });
    if (clock.sleep) void clock.sleep(ms, own.signal).then(done);
    else timer = setTimeout(done, ms);
  });
}

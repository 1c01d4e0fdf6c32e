/**
 * A consecutive-failure circuit breaker on the gateway's clock: after `failures` outages in a row
 * it fails calls at once for `halfOpenMs`, then lets one probe call through; the probe's success
 * (or any answer that is not an outage) closes it, another outage opens it again. Calls made while
 * the probe runs wait for its outcome. It reads time only through `now`, so tests move the clock.
 *
 * Danger: only errors `isOutage` accepts count; a caller's mistake or a throttle must never open
 * it, or one bad request would cut a healthy service off for everyone.
 */

export interface CircuitBreakerOptions {
  /** Consecutive outages that open the breaker. */
  failures: number;
  /** How long it stays open before one probe call may close it. */
  halfOpenMs: number;
  /** Which errors are outages (the others pass through without counting). */
  isOutage: (error: unknown) => boolean;
  now: () => number;
}

/** A call's time-out ended it while it waited (for a probe, a rate token or an in-flight slot). */
export class CallCancelledError extends Error {
  override readonly name = 'CallCancelledError';
}

/** The breaker is open: calls fail at once; `retryAfterSeconds` says when a probe may go. */
export class CircuitOpenError extends Error {
  override readonly name = 'CircuitOpenError';
  constructor(readonly retryAfterSeconds: number) {
    super(`circuit open; retry after ${retryAfterSeconds} s`);
  }
}

export type CircuitState = 'closed' | 'open' | 'halfOpen';

/** One per service (see the module header). */
export class CircuitBreaker {
  private outages = 0;
  private openedAt = 0;
  private probe: Promise<unknown> | undefined;
  private current: CircuitState = 'closed';

  constructor(private readonly options: CircuitBreakerOptions) {}

  /** `open` until a probe may go (then still `open` until one does), `halfOpen` while it runs. */
  get state(): CircuitState {
    return this.current;
  }

  /**
   * Throws `CircuitOpenError` while the breaker is open and its time has not passed. Calls it
   * before waiting for anything else, so a call to a service that is down fails at once.
   */
  refuseWhileOpen(): void {
    const left = this.msUntilProbe();
    if (left > 0) throw new CircuitOpenError(Math.max(1, Math.ceil(left / 1000)));
  }

  /**
   * Runs `call` (or refuses it, see `refuseWhileOpen`), counting its outcome. While a probe
   * runs, waits for it and decides again; a call whose `signal` aborted meanwhile does not run.
   */
  async execute<T>(call: () => Promise<T>, signal: AbortSignal): Promise<T> {
    for (;;) {
      this.refuseWhileOpen();
      if (this.current === 'halfOpen') {
        await this.probe!.catch(() => undefined);
        if (signal.aborted) throw new CallCancelledError();
        continue;
      }
      if (this.current === 'open') {
        const probe = this.run(call, true);
        this.probe = probe;
        this.current = 'halfOpen';
        return probe;
      }
      return this.run(call, false);
    }
  }

  /**
   * A probe's outcome decides the state; a call that began before the breaker opened only counts
   * (its late success does not close a breaker that other calls opened).
   */
  private async run<T>(call: () => Promise<T>, probing: boolean): Promise<T> {
    try {
      const result = await call();
      this.outages = 0;
      if (probing) this.close();
      return result;
    } catch (error) {
      if (!this.options.isOutage(error)) {
        // Not the service being down: a probe that got an answer shows it is back.
        if (probing) this.close();
        throw error;
      }
      this.outages += 1;
      if (probing || (this.current === 'closed' && this.outages >= this.options.failures))
        this.open();
      throw error;
    }
  }

  private msUntilProbe(): number {
    if (this.current !== 'open') return 0;
    return this.openedAt + this.options.halfOpenMs - this.options.now();
  }

  private open(): void {
    this.current = 'open';
    this.openedAt = this.options.now();
    this.probe = undefined;
  }

  private close(): void {
    this.current = 'closed';
    this.outages = 0;
    this.probe = undefined;
  }
}

/**
 * A token bucket whose rate adapts to throttling: it refills at `rate` calls per second up to
 * `burst`; a throttled call halves the rate (never below a tenth of the configured one), and the
 * rate grows back linearly, to the configured rate in ten seconds without throttling. Time comes
 * from an injected clock, so tests move it instead of waiting. Danger: `reserve()` takes a token
 * even when the caller then gives up waiting; the bucket errs on the side of fewer calls.
 */

/** How much of the configured rate a throttled bucket keeps at least. */
const MIN_RATE_FRACTION = 0.1;
/** Per second without throttling, the rate grows by this fraction of the configured rate. */
const RECOVERY_PER_SECOND = 0.1;

export class AdaptiveTokenBucket {
  private tokens: number;
  private updatedAt: number;
  /** The rate right after the last throttle, and when that was. */
  private throttled?: { rate: number; at: number };

  constructor(
    /** The configured rate in calls per second (Infinity: no limit). */
    readonly configuredRate: number,
    readonly burst: number,
    private readonly now: () => number,
  ) {
    this.tokens = burst;
    this.updatedAt = now();
  }

  /** The rate in force now, in calls per second. */
  get rate(): number {
    if (!this.throttled) return this.configuredRate;
    const seconds = Math.max(0, this.now() - this.throttled.at) / 1000;
    const rate = this.throttled.rate + this.configuredRate * RECOVERY_PER_SECOND * seconds;
    if (rate >= this.configuredRate) {
      this.throttled = undefined;
      return this.configuredRate;
    }
    return rate;
  }

  /** Takes a token; returns how many milliseconds to wait before using it (0: now). */
  reserve(): number {
    if (this.configuredRate === Infinity) return 0;
    const rate = this.rate;
    const now = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.updatedAt) / 1000) * rate);
    this.updatedAt = now;
    this.tokens -= 1;
    return this.tokens >= 0 ? 0 : Math.ceil((-this.tokens / rate) * 1000);
  }

  /** The service throttled a call: halve the rate. */
  onThrottled(): void {
    if (this.configuredRate === Infinity) return;
    const floor = this.configuredRate * MIN_RATE_FRACTION;
    this.throttled = { rate: Math.max(floor, this.rate / 2), at: this.now() };
  }
}

/**
 * How the gateway calls one service: a time-out over the whole life of a call (waiting for a rate
 * token and an in-flight slot included), a circuit breaker (`circuitBreaker.ts`) that fails calls
 * at once while the service is down and lets one probe through to close again, a token bucket per
 * operation that backs off when the service throttles, and a generous in-flight cap. One per
 * service, shared by every request, so one service that is down never slows another.
 * Danger: the breaker and the buckets read `options.now`, but the time-out and the wait for a
 * token run on real timers: a test that moves `now` moves when the breaker probes and how many
 * tokens there are, never how long a call may take.
 */
import { ErrorCode } from '../errors/ErrorCode';
import { classifyUpstreamError } from '../errors/toGatewayError';
import { AdaptiveTokenBucket } from './adaptiveTokenBucket';
import { CallCancelledError, CircuitBreaker } from './circuitBreaker';
import type { RateLimit } from './upstreamQuotas';

export interface ServicePolicyOptions {
  /** The whole life of one call, in milliseconds. */
  timeoutMs: number;
  /** Calls in flight at once; more wait (within the time-out). */
  inFlight: number;
  /** Consecutive failures (5xx, time-outs, refused connections) that open the breaker. */
  breakerFailures: number;
  /** How long the breaker stays open before one probe call may close it. */
  breakerHalfOpenMs: number;
  /** The rate limit of an operation. */
  rateOf: (operation: string) => RateLimit;
  now: () => number;
}

/** A call that ran out of its time-out (waiting or running). */
export class CallTimeoutError extends Error {
  override readonly name = 'TimeoutError';
}

/** What `/metrics` shows of one service's policy. */
export interface ServicePolicySnapshot {
  inFlight: number;
  inFlightLimit: number;
  circuitOpen: boolean;
  rates: { operation: string; rate: number; configuredRate: number }[];
}

/** Failures that say the service is unwell (not the caller's mistake, not a throttle). */
function isOutage(error: unknown): boolean {
  const code = classifyUpstreamError(error);
  return code === ErrorCode.UPSTREAM_UNAVAILABLE || code === ErrorCode.UPSTREAM_TIMEOUT;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new CallCancelledError());
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new CallCancelledError());
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * The in-flight cap: `limit` slots, and callers waiting for one in arrival order. A freed slot
 * goes straight to the next waiter; a waiter whose signal aborts leaves the queue.
 */
class InFlightSlots {
  private free: number;
  private readonly waiting: (() => void)[] = [];

  constructor(limit: number) {
    this.free = limit;
  }

  acquire(signal: AbortSignal): Promise<void> {
    if (this.free > 0) {
      this.free -= 1;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const grant = () => {
        signal.removeEventListener('abort', leave);
        resolve();
      };
      const leave = () => {
        this.waiting.splice(this.waiting.indexOf(grant), 1);
        reject(new CallCancelledError());
      };
      this.waiting.push(grant);
      signal.addEventListener('abort', leave, { once: true });
    });
  }

  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.free += 1;
  }
}

export class ServicePolicy {
  private readonly breaker: CircuitBreaker;
  private readonly slots: InFlightSlots;
  private readonly buckets = new Map<string, AdaptiveTokenBucket>();
  private running = 0;

  constructor(private readonly options: ServicePolicyOptions) {
    this.breaker = new CircuitBreaker({
      failures: options.breakerFailures,
      halfOpenMs: options.breakerHalfOpenMs,
      isOutage,
      now: options.now,
    });
    this.slots = new InFlightSlots(options.inFlight);
  }

  /**
   * Runs `call` under the policy. Rejects with `CircuitOpenError` while the breaker is open,
   * `CallTimeoutError` when the time-out ran out (however far the call got), or the call's own
   * error.
   */
  async run<T>(operation: string, call: (signal: AbortSignal) => Promise<T>): Promise<T> {
    this.breaker.refuseWhileOpen();
    const bucket = this.bucketOf(operation);
    // The time-out ends the call at its deadline whatever it is doing: its signal reaches the
    // waits and the SDK call, and the caller gets the time-out error at once.
    const controller = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        controller.abort();
        reject(new CallTimeoutError(`no answer within ${this.options.timeoutMs} ms`));
      }, this.options.timeoutMs);
    });
    try {
      return await Promise.race([this.attempt(bucket, call, controller.signal), expired]);
    } catch (error) {
      if (error instanceof CallCancelledError)
        throw new CallTimeoutError(`no answer within ${this.options.timeoutMs} ms`);
      if (classifyUpstreamError(error) === ErrorCode.UPSTREAM_THROTTLED) bucket.onThrottled();
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Waiting for a token or a slot is the gateway's own queue, not the service's fault: it counts
   * against the time-out but not towards the breaker, which sees only the call.
   */
  private async attempt<T>(
    bucket: AdaptiveTokenBucket,
    call: (signal: AbortSignal) => Promise<T>,
    signal: AbortSignal,
  ): Promise<T> {
    const wait = bucket.reserve();
    if (wait > 0) await sleep(wait, signal);
    await this.slots.acquire(signal);
    try {
      return await this.breaker.execute(async () => {
        this.running += 1;
        try {
          return await call(signal);
        } finally {
          this.running -= 1;
        }
      }, signal);
    } finally {
      this.slots.release();
    }
  }

  snapshot(): ServicePolicySnapshot {
    return {
      inFlight: this.running,
      inFlightLimit: this.options.inFlight,
      circuitOpen: this.breaker.state !== 'closed',
      rates: [...this.buckets].map(([operation, bucket]) => ({
        operation,
        rate: bucket.rate,
        configuredRate: bucket.configuredRate,
      })),
    };
  }

  private bucketOf(operation: string): AdaptiveTokenBucket {
    let bucket = this.buckets.get(operation);
    if (!bucket) {
      const limit = this.options.rateOf(operation);
      bucket = new AdaptiveTokenBucket(limit.rate, limit.burst, this.options.now);
      this.buckets.set(operation, bucket);
    }
    return bucket;
  }
}

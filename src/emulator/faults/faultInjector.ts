/**
 * Fault injection: applies the rules of `faultRules.ts`, which add latency, deny access, throttle
 * by a requests-per-second budget, refuse requests as invalid, fail a share of requests with a
 * 5xx, or make responses carry values the SDKs do not know. Rules match by service, operation and
 * resource id (each optional), and `afterRequests` lets a rule's first N matching requests through
 * (so "the second page" can fail). Several may match, and all apply: their latencies add up, then
 * denyAccess (AccessDeniedException 403) wins over throttling (ThrottlingException 429), which wins
 * over validationError (ValidationException 400), which wins over errorRate
 * (InternalServerException 500).
 *
 * `unknownValues` only marks the request; the handlers change their output (see
 * `unknownValues.ts`).
 *
 * Danger: each throttling rule owns a token bucket (capacity max(1, throttleRps), refilled
 * continuously); replacing the rules resets every bucket, which is what a test wants after
 * `PUT /_emulator/faults`, but a rule re-sent unchanged also starts full again.
 */
import type { Clock } from '../clock';
import type { ServiceName } from '../fixture/fixture';
import { ServiceError } from '../protocols/serviceError';
import type { FaultRule } from './faultRules';

/** What a request is, as far as faults are concerned. */
export interface FaultTarget {
  service: ServiceName;
  operation: string;
  resourceIds: readonly string[];
}

/** What the matching rules do to one request. */
export interface FaultDecision {
  delayMs: number;
  error?: ServiceError;
  unknownValues: boolean;
}

/** The IAM action prefix of each service, for AccessDenied and throttling messages. */
const IAM_PREFIX: Record<ServiceName, string> = {
  kendra: 'kendra',
  qbusiness: 'qbusiness',
  qconnect: 'wisdom',
};

interface Bucket {
  tokens: number;
  refilledMs: number;
}

/** Applies the current rules to requests. */
export class FaultInjector {
  private current: FaultRule[] = [];
  private buckets: Bucket[] = [];
  /** Requests each rule has matched since the rules were set (for `afterRequests`). */
  private matched: number[] = [];

  constructor(
    rules: FaultRule[],
    /** Budgets refill on this clock. */
    private readonly clock: Clock,
    /** Latency added to every service request (`--latency`); not a rule, so `PUT` keeps it. */
    readonly baseLatencyMs = 0,
    private readonly random: () => number = Math.random,
  ) {
    this.set(rules);
  }

  /**
   * Replaces every rule (an empty list clears them); rules must have passed `validateFaultRules`.
   */
  set(rules: FaultRule[]): void {
    this.current = rules.map((rule) => ({ ...rule }));
    this.buckets = rules.map((rule) => ({
      tokens: Math.max(1, rule.throttleRps ?? 0),
      refilledMs: this.clock.now(),
    }));
    this.matched = rules.map(() => 0);
  }

  /** A copy of the current rules. */
  rules(): FaultRule[] {
    return this.current.map((rule) => ({ ...rule }));
  }

  /** What the matching rules do to one request; takes a token from each matching budget. */
  decide(target: FaultTarget): FaultDecision {
    const decision: FaultDecision = { delayMs: this.baseLatencyMs, unknownValues: false };
    let denied: FaultRule | undefined;
    let throttled: FaultRule | undefined;
    let invalid: FaultRule | undefined;
    let failed: FaultRule | undefined;
    this.current.forEach((rule, i) => {
      if (!matches(rule, target)) return;
      if (++this.matched[i] <= (rule.afterRequests ?? 0)) return;
      decision.delayMs +=
        (rule.latencyMs ?? 0) + (rule.jitterMs ? this.random() * rule.jitterMs : 0);
      if (rule.unknownValues) decision.unknownValues = true;
      if (rule.denyAccess) denied ??= rule;
      if (rule.throttleRps !== undefined && !this.take(this.buckets[i], rule.throttleRps))
        throttled ??= rule;
      if (rule.validationError) invalid ??= rule;
      if (rule.errorRate && this.random() < rule.errorRate) failed ??= rule;
    });
    const action = `${IAM_PREFIX[target.service]}:${target.operation}`;
    if (denied) {
      decision.error = new ServiceError(
        'AccessDeniedException',
        `User: arn:aws:iam::123456789012:user/emulator is not authorized to perform: ${action} ` +
          `(emulated fault: denyAccess)`,
      );
    } else if (throttled) {
      decision.error = new ServiceError(
        'ThrottlingException',
        `Rate exceeded for ${action} (emulated fault: throttleRps ${throttled.throttleRps})`,
      );
    } else if (invalid) {
      decision.error = new ServiceError(
        'ValidationException',
        'The request is invalid (emulated fault: validationError)',
      );
    } else if (failed) {
      decision.error = new ServiceError(
        'InternalServerException',
        `We encountered an internal error. Please try again. (emulated fault: errorRate ` +
          `${failed.errorRate})`,
      );
    }
    return decision;
  }

  private take(bucket: Bucket, rps: number): boolean {
    const now = this.clock.now();
    bucket.tokens = Math.min(
      Math.max(1, rps),
      bucket.tokens + ((now - bucket.refilledMs) / 1000) * rps,
    );
    bucket.refilledMs = now;
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }
}

function matches(rule: FaultRule, target: FaultTarget): boolean {
  return (
    (rule.service === undefined || rule.service === target.service) &&
    (rule.operation === undefined || rule.operation === target.operation) &&
    (rule.resourceId === undefined || target.resourceIds.includes(rule.resourceId))
  );
}

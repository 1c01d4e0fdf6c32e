/**
 * Fault injection: rules that add latency, deny access, throttle by a requests-per-second budget,
 * fail a share of requests with a 5xx, or make responses carry values the SDKs do not know. Rules
 * match by service, operation and resource id (each optional); several may match, and all apply:
 * their latencies add up, then denyAccess (AccessDeniedException 403) wins over throttling
 * (ThrottlingException 429) which wins over errorRate (InternalServerException 500).
 *
 * `unknownValues` only marks the request; the handlers change their output (see `unknownValues.ts`).
 *
 * Danger: each throttling rule owns a token bucket (capacity max(1, throttleRps), refilled
 * continuously); replacing the rules resets every bucket, which is what a test wants after
 * `PUT /_emulator/faults`, but a rule re-sent unchanged also starts full again.
 */
import { ControlError } from './controlError';
import { SERVICE_NAMES, type ServiceName } from './fixture';
import { OPERATIONS } from './modelShapes';
import { ServiceError } from './serviceError';

/** One fault rule, as in `PUT /_emulator/faults` `{ "rules": [ ... ] }`. */
export interface FaultRule {
  service?: ServiceName;
  operation?: string;
  /** Any application, index, data source or knowledge base id the request names (path or body). */
  resourceId?: string;
  latencyMs?: number;
  jitterMs?: number;
  throttleRps?: number;
  /** 0..1: the share of matching requests answered with InternalServerException. */
  errorRate?: number;
  unknownValues?: boolean;
  denyAccess?: boolean;
}

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

const NUMBER_FIELDS = ['latencyMs', 'jitterMs', 'throttleRps', 'errorRate'] as const;
const BOOLEAN_FIELDS = ['unknownValues', 'denyAccess'] as const;
const KNOWN_FIELDS = new Set<string>(['service', 'operation', 'resourceId', ...NUMBER_FIELDS, ...BOOLEAN_FIELDS]);
const IAM_PREFIX: Record<ServiceName, string> = { kendra: 'kendra', qbusiness: 'qbusiness', qconnect: 'wisdom' };

/**
 * Checks a list of rules; throws `ControlError` 400 naming the field (`rules[1].errorRate`) on an
 * unknown key, a wrong type, a value out of range or an operation the service does not have.
 */
export function validateFaultRules(rules: unknown, path = 'rules'): FaultRule[] {
  if (!Array.isArray(rules)) throw new ControlError(400, `${path}: expected an array of fault rules`, path);
  return rules.map((rule, i) => validateRule(rule, `${path}[${i}]`));
}

function validateRule(rule: unknown, path: string): FaultRule {
  if (typeof rule !== 'object' || rule === null || Array.isArray(rule)) {
    throw new ControlError(400, `${path}: expected an object`, path);
  }
  const fields = rule as Record<string, unknown>;
  for (const key of Object.keys(fields)) {
    if (!KNOWN_FIELDS.has(key)) {
      throw new ControlError(400, `${path}.${key}: unknown field (expected one of ${[...KNOWN_FIELDS].join(', ')})`, `${path}.${key}`);
    }
  }
  const fail = (key: string, expected: string): never => {
    throw new ControlError(400, `${path}.${key}: ${JSON.stringify(fields[key])} is not ${expected}`, `${path}.${key}`);
  };
  const { service, operation, resourceId } = fields;
  if (service !== undefined && !SERVICE_NAMES.includes(service as ServiceName)) fail('service', `a service (${SERVICE_NAMES.join(', ')})`);
  if (operation !== undefined) {
    const known: readonly string[] = service ? OPERATIONS[service as ServiceName] : Object.values(OPERATIONS).flat();
    if (typeof operation !== 'string' || !known.includes(operation)) fail('operation', `an operation of ${service ?? 'any service'} (${[...new Set(known)].join(', ')})`);
  }
  if (resourceId !== undefined && (typeof resourceId !== 'string' || resourceId === '')) fail('resourceId', 'a non-empty string');
  for (const key of NUMBER_FIELDS) {
    const value = fields[key];
    if (value === undefined) continue;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) fail(key, 'a number >= 0');
    if (key === 'errorRate' && (value as number) > 1) fail(key, 'a rate between 0 and 1');
    if (key === 'throttleRps' && value === 0) fail(key, 'a budget > 0 requests per second');
  }
  for (const key of BOOLEAN_FIELDS) {
    if (fields[key] !== undefined && typeof fields[key] !== 'boolean') fail(key, 'a boolean');
  }
  return { ...(fields as FaultRule) };
}

interface Bucket {
  tokens: number;
  refilledMs: number;
}

/** Applies the current rules to requests. */
export class FaultInjector {
  private current: FaultRule[] = [];
  private buckets: Bucket[] = [];

  constructor(
    rules: FaultRule[],
    /** Latency added to every service request (`--latency`); not a rule, so `PUT` does not clear it. */
    readonly baseLatencyMs = 0,
    private readonly random: () => number = Math.random,
    private readonly now: () => number = Date.now,
  ) {
    this.set(rules);
  }

  /** Replaces every rule (an empty list clears them); rules must have passed `validateFaultRules`. */
  set(rules: FaultRule[]): void {
    this.current = rules.map((rule) => ({ ...rule }));
    this.buckets = rules.map((rule) => ({ tokens: Math.max(1, rule.throttleRps ?? 0), refilledMs: this.now() }));
  }

  rules(): FaultRule[] {
    return this.current.map((rule) => ({ ...rule }));
  }

  decide(target: FaultTarget): FaultDecision {
    const decision: FaultDecision = { delayMs: this.baseLatencyMs, unknownValues: false };
    let denied: FaultRule | undefined;
    let throttled: FaultRule | undefined;
    let failed: FaultRule | undefined;
    this.current.forEach((rule, i) => {
      if (!matches(rule, target)) return;
      decision.delayMs += (rule.latencyMs ?? 0) + (rule.jitterMs ? this.random() * rule.jitterMs : 0);
      if (rule.unknownValues) decision.unknownValues = true;
      if (rule.denyAccess) denied ??= rule;
      if (rule.throttleRps !== undefined && !this.take(this.buckets[i], rule.throttleRps)) throttled ??= rule;
      if (rule.errorRate && this.random() < rule.errorRate) failed ??= rule;
    });
    const action = `${IAM_PREFIX[target.service]}:${target.operation}`;
    if (denied) {
      decision.error = new ServiceError('AccessDeniedException', `User: arn:aws:iam::123456789012:user/emulator is not authorized to perform: ${action} (emulated fault: denyAccess)`);
    } else if (throttled) {
      decision.error = new ServiceError('ThrottlingException', `Rate exceeded for ${action} (emulated fault: throttleRps ${throttled.throttleRps})`);
    } else if (failed) {
      decision.error = new ServiceError('InternalServerException', `We encountered an internal error. Please try again. (emulated fault: errorRate ${failed.errorRate})`);
    }
    return decision;
  }

  private take(bucket: Bucket, rps: number): boolean {
    const now = this.now();
    bucket.tokens = Math.min(Math.max(1, rps), bucket.tokens + ((now - bucket.refilledMs) / 1000) * rps);
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

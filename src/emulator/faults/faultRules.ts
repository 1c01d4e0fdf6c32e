/**
 * Fault rules as `PUT /_emulator/faults` and `startEmulator({ faults })` take them: what a rule may
 * say (service, operation, resourceId; latency, jitter, a throttling budget, an error rate,
 * unknown values, denied access) and the check that refuses anything else.
 *
 * Danger: a rule is applied as written, so everything must be checked here, before it replaces
 * the current rules: a refused list leaves the old rules in place.
 */
import { SERVICE_NAMES, type ServiceName } from '../fixture/fixture';
import { OPERATIONS } from '../fixture/modelShapes';
import { ControlError } from '../protocols/controlError';

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
  /** Answer ValidationException, as a service does for a bad or expired page token. */
  validationError?: boolean;
  /** The rule's first N matching requests pass untouched; it applies from the next one on. */
  afterRequests?: number;
}

const NUMBER_FIELDS = [
  'latencyMs',
  'jitterMs',
  'throttleRps',
  'errorRate',
  'afterRequests',
] as const;
const BOOLEAN_FIELDS = ['unknownValues', 'denyAccess', 'validationError'] as const;
const KNOWN_FIELDS = new Set<string>([
  'service',
  'operation',
  'resourceId',
  ...NUMBER_FIELDS,
  ...BOOLEAN_FIELDS,
]);

/**
 * Checks a list of rules; throws `ControlError` 400 naming the field (`rules[1].errorRate`) on an
 * unknown key, a wrong type, a value out of range or an operation the service does not have.
 */
export function validateFaultRules(rules: unknown, path = 'rules'): FaultRule[] {
  if (!Array.isArray(rules))
    throw new ControlError(400, `${path}: expected an array of fault rules`, path);
  return rules.map((rule, i) => validateRule(rule, `${path}[${i}]`));
}

function validateRule(rule: unknown, path: string): FaultRule {
  if (typeof rule !== 'object' || rule === null || Array.isArray(rule)) {
    throw new ControlError(400, `${path}: expected an object`, path);
  }
  const fields = rule as Record<string, unknown>;
  for (const key of Object.keys(fields)) {
    if (!KNOWN_FIELDS.has(key)) {
      throw new ControlError(
        400,
        `${path}.${key}: unknown field (expected one of ${[...KNOWN_FIELDS].join(', ')})`,
        `${path}.${key}`,
      );
    }
  }
  const fail = (key: string, expected: string): never => {
    throw new ControlError(
      400,
      `${path}.${key}: ${JSON.stringify(fields[key])} is not ${expected}`,
      `${path}.${key}`,
    );
  };
  const { service, operation, resourceId } = fields;
  if (service !== undefined && !SERVICE_NAMES.includes(service as ServiceName))
    fail('service', `a service (${SERVICE_NAMES.join(', ')})`);
  if (operation !== undefined) {
    const known: readonly string[] = service
      ? OPERATIONS[service as ServiceName]
      : Object.values(OPERATIONS).flat();
    if (typeof operation !== 'string' || !known.includes(operation))
      fail(
        'operation',
        `an operation of ${service ?? 'any service'} (${[...new Set(known)].join(', ')})`,
      );
  }
  if (resourceId !== undefined && (typeof resourceId !== 'string' || resourceId === ''))
    fail('resourceId', 'a non-empty string');
  for (const key of NUMBER_FIELDS) {
    const value = fields[key];
    if (value === undefined) continue;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0)
      fail(key, 'a number >= 0');
    if (key === 'errorRate' && (value as number) > 1) fail(key, 'a rate between 0 and 1');
    if (key === 'afterRequests' && !Number.isInteger(value))
      fail(key, 'a whole number of requests');
    if (key === 'throttleRps' && value === 0) fail(key, 'a budget > 0 requests per second');
  }
  for (const key of BOOLEAN_FIELDS) {
    if (fields[key] !== undefined && typeof fields[key] !== 'boolean') fail(key, 'a boolean');
  }
  return { ...(fields as FaultRule) };
}

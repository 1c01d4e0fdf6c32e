/**
 * Reads an untrusted JSON value field by field, each read naming its path
 * (`qbusiness.applications[0].indices[1].dataSources[0].syncJobs[3].status`), so that a refused
 * fixture says exactly where and why. `validateFixture` and the control API's job import use it.
 *
 * Danger: a reader that returns a value it did not check lets a malformed fixture reach the store,
 * where it would surface as a wire response the SDK cannot parse. Every accessor here checks the
 * type before it returns, and `done()` refuses members nobody read (typos such as `EndTme`).
 */
import { article, enumViolation, stringViolation, type EnumShape, type StringShape } from './modelShapes';

/** A fixture or job document broke a constraint; the message starts with the field path. */
export class FixtureError extends Error {
  constructor(readonly path: string, problem: string) {
    super(`${path}: ${problem}`);
    this.name = 'FixtureError';
  }
}

/** ISO-8601 date-time with a time zone, as `Date.toISOString()` writes it (seconds and fraction optional). */
const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

function show(value: unknown): string {
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  const type = typeof value;
  return `${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type}`;
}

/** One JSON object under a path; accessors read its members and remember which were read. */
export class ObjectReader {
  private readonly seen = new Set<string>();
  private readonly value: Record<string, unknown>;

  constructor(value: unknown, readonly path: string) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new FixtureError(path, `expected an object, got ${typeOf(value)}`);
    }
    this.value = value as Record<string, unknown>;
  }

  private at(key: string): string {
    return this.path ? `${this.path}.${key}` : key;
  }

  /** The raw member, marked as read; undefined and null both mean absent. */
  raw(key: string): unknown {
    this.seen.add(key);
    const member = this.value[key];
    return member === null ? undefined : member;
  }

  /** Marks members as allowed without reading them. */
  allow(...keys: string[]): void {
    for (const key of keys) this.seen.add(key);
  }

  has(key: string): boolean {
    return this.value[key] !== undefined && this.value[key] !== null;
  }

  string(key: string, shape: StringShape | undefined, required: true): string;
  string(key: string, shape?: StringShape, required?: boolean): string | undefined;
  string(key: string, shape?: StringShape, required = false): string | undefined {
    const member = this.raw(key);
    if (member === undefined) {
      if (required) throw new FixtureError(this.at(key), `is required${shape ? ` (${article(shape.name)} ${shape.name})` : ''}`);
      return undefined;
    }
    if (typeof member !== 'string') throw new FixtureError(this.at(key), `${show(member)} is not a string`);
    const problem = shape ? stringViolation(member, shape) : undefined;
    if (problem) throw new FixtureError(this.at(key), `${show(member)} ${problem}`);
    return member;
  }

  enumValue(key: string, shape: EnumShape, required: true): string;
  enumValue(key: string, shape: EnumShape, required?: boolean): string | undefined;
  enumValue(key: string, shape: EnumShape, required = false): string | undefined {
    const member = this.raw(key);
    if (member === undefined) {
      if (required) throw new FixtureError(this.at(key), `is required (${article(shape.name)} ${shape.name})`);
      return undefined;
    }
    const problem = typeof member === 'string' ? enumViolation(member, shape) : `is not ${article(shape.name)} ${shape.name} string`;
    if (problem) throw new FixtureError(this.at(key), `${show(member)} ${problem}`);
    return member as string;
  }

  /** An ISO-8601 timestamp string, returned as epoch milliseconds. */
  timestamp(key: string, required: true): number;
  timestamp(key: string, required?: boolean): number | undefined;
  timestamp(key: string, required = false): number | undefined {
    const member = this.raw(key);
    if (member === undefined) {
      if (required) throw new FixtureError(this.at(key), 'is required (an ISO-8601 timestamp)');
      return undefined;
    }
    const ms = typeof member === 'string' && ISO_8601.test(member) ? Date.parse(member) : NaN;
    if (Number.isNaN(ms)) {
      throw new FixtureError(this.at(key), `${show(member)} is not an ISO-8601 timestamp (e.g. "2024-05-01T12:00:00Z")`);
    }
    return ms;
  }

  object(key: string, required: true): ObjectReader;
  object(key: string, required?: boolean): ObjectReader | undefined;
  object(key: string, required = false): ObjectReader | undefined {
    const member = this.raw(key);
    if (member === undefined) {
      if (required) throw new FixtureError(this.at(key), 'is required (an object)');
      return undefined;
    }
    return new ObjectReader(member, this.at(key));
  }

  /** The elements of an array member, each with its own path (`key[3]`). */
  array(key: string, required = false): Array<{ value: unknown; path: string }> {
    const member = this.raw(key);
    if (member === undefined) {
      if (required) throw new FixtureError(this.at(key), 'is required (an array)');
      return [];
    }
    if (!Array.isArray(member)) throw new FixtureError(this.at(key), `expected an array, got ${typeOf(member)}`);
    return member.map((value, i) => ({ value, path: `${this.at(key)}[${i}]` }));
  }

  /** The member names of this object that no accessor read. */
  keys(): string[] {
    return Object.keys(this.value);
  }

  /** Refuses members nobody read: in a fixture they are typos or fields the emulator would drop. */
  done(): void {
    for (const key of Object.keys(this.value)) {
      if (!this.seen.has(key)) {
        const known = [...this.seen].join(', ');
        throw new FixtureError(this.at(key), `is not a known member (expected one of ${known})`);
      }
    }
  }
}

/** Refuses a second use of the same id within one scope (one list of siblings). */
export class IdScope {
  private readonly ids = new Map<string, string>();

  constructor(private readonly what: string) {}

  claim(id: string, path: string): void {
    const first = this.ids.get(id);
    if (first !== undefined) throw new FixtureError(path, `duplicate ${this.what} ${show(id)} (first used at ${first})`);
    this.ids.set(id, path);
  }
}

/** Drops the keys whose value is undefined, so a validated copy has no `"key": undefined` members. */
export function compact<T extends object>(value: T): T {
  for (const key of Object.keys(value) as Array<keyof T>) if (value[key] === undefined) delete value[key];
  return value;
}

/** A timestamp the reader accepted, written back as `Date.toISOString()` does (UTC, milliseconds). */
export function iso(ms: number | undefined): string | undefined {
  return ms === undefined ? undefined : new Date(ms).toISOString();
}

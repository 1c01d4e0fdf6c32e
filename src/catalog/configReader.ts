/**
 * Walks a parsed configuration document (the `yaml` package's nodes) and checks its values: each
 * check returns the value, or records a problem as `file:line: field.path: what was expected, got
 * what` and returns undefined, so one pass finds every mistake. The service sections are read with
 * it in `readServiceSections.ts`.
 *
 * Danger: a check that returns undefined must have recorded a problem, or a broken file would load
 * with parts silently missing.
 */
import { isAlias, isMap, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';

/** A value in the document, with the line to blame for it. */
export interface Entry {
  value: Node | null;
  line: number;
}

/** Walks the document, collecting problems; each method returns undefined where it found one. */
export class ConfigReader {
  /** In the order found; reported by line. */
  readonly problems: { line: number; message: string }[] = [];

  constructor(
    private readonly file: string,
    private readonly lines: LineCounter,
    private readonly doc: Document,
  ) {}

  problem(line: number, path: string, message: string): undefined {
    this.problems.push({
      line,
      message: `${this.file}:${line}: ${path ? `${path}: ` : ''}${message}`,
    });
    return undefined;
  }

  /** A non-empty list of ids, each checked (and reduced) by `check`, without duplicates. */
  ids(
    entry: Entry,
    path: string,
    what: string,
    check: (id: string) => string,
  ): string[] | undefined {
    const items = this.list(entry, path, what);
    if (!items) return undefined;
    const seen = new Map<string, number>();
    const ids = items.map((item, i) => this.id(item, `${path}[${i}]`, check, seen));
    return ids.every((id) => id !== undefined) ? (ids as string[]) : undefined;
  }

  id(
    entry: Entry,
    path: string,
    check: (id: string) => string,
    seen: Map<string, number>,
  ): string | undefined {
    const raw = this.string(entry, path);
    if (raw === undefined) return undefined;
    let id: string;
    try {
      id = check(raw);
    } catch (error) {
      // serviceIds says 'A Kendra index id must be …; got "x".'; the field path already says what it is.
      const message = (error as Error).message;
      const parts = /\bmust be (.*); got (".*")\.$/s.exec(message);
      return this.problem(
        entry.line,
        path,
        parts ? `must be ${parts[1]}, got ${parts[2]}` : message,
      );
    }
    const first = seen.get(id);
    if (first !== undefined)
      return this.problem(entry.line, path, `duplicate id "${id}" (first at line ${first})`);
    seen.set(id, entry.line);
    return id;
  }

  region(entry: Entry, path: string): string | undefined {
    const region = this.string(entry, path);
    if (region === undefined || /^[a-z]{2,}(-[a-z0-9]+)+$/.test(region)) return region;
    return this.problem(
      entry.line,
      path,
      `must be an AWS region such as us-east-1, got "${region.slice(0, 60)}"`,
    );
  }

  seconds(entry: Entry, path: string): number | undefined {
    const value = scalarValue(entry.value);
    if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return value;
    return this.problem(
      entry.line,
      path,
      `must be a number of seconds (0 or more), got ${describe(entry.value)}`,
    );
  }

  private string(entry: Entry, path: string): string | undefined {
    const value = scalarValue(entry.value);
    if (typeof value === 'string' && value !== '') return value;
    const hint =
      typeof value === 'number' || typeof value === 'boolean' ? ' (quote it to make it text)' : '';
    return this.problem(
      entry.line,
      path,
      `must be a non-empty string, got ${describe(entry.value)}${hint}`,
    );
  }

  /** A non-empty sequence's items. */
  list(entry: Entry, path: string, what: string): Entry[] | undefined {
    if (!isSeq(entry.value))
      return this.problem(entry.line, path, `must be a list, got ${describe(entry.value)}`);
    if (entry.value.items.length === 0)
      return this.problem(entry.line, path, `must list at least one ${what}`);
    return (entry.value.items as (Node | null)[]).map((item) => (item ? this.entry(item) : entry));
  }

  /**
   * A mapping's known fields. Unknown and repeated keys are reported and skipped, so the rest is
   * still checked; a missing required key makes it undefined.
   */
  map(
    entry: Entry,
    path: string,
    keys: readonly string[],
    required: readonly string[] = [],
    hint = '',
  ): Map<string, Entry> | undefined {
    const node = entry.value;
    if (!isMap(node)) {
      return this.problem(
        entry.line,
        path,
        `must be a mapping with ${keys.join(', ')}, got ${describe(node)}${hint}`,
      );
    }
    const fields = new Map<string, Entry>();
    const keyLines = new Map<string, number>();
    for (const pair of node.items) {
      const keyNode = this.resolve(pair.key as Node | null);
      const key = scalarValue(keyNode);
      const keyLine = keyNode ? this.line(keyNode) : entry.line;
      const keyPath = path ? `${path}.${String(key)}` : String(key);
      if (typeof key !== 'string' || !keys.includes(key)) {
        this.problem(keyLine, keyPath, `unknown key; expected one of ${keys.join(', ')}`);
      } else if (fields.has(key)) {
        this.problem(keyLine, keyPath, `duplicate key (first at line ${keyLines.get(key)})`);
      } else {
        keyLines.set(key, keyLine);
        const value = this.resolve(pair.value as Node | null);
        // A value left empty (`kendra:`) has no place of its own: blame its key's line.
        fields.set(key, { value, line: value && !isEmpty(value) ? this.line(value) : keyLine });
      }
    }
    const missing = required.filter((key) => !fields.has(key));
    for (const key of missing)
      this.problem(entry.line, path ? `${path}.${key}` : key, 'is required');
    return missing.length === 0 ? fields : undefined;
  }

  entry(node: Node): Entry {
    const value = this.resolve(node);
    return { value, line: this.line(value ?? node) };
  }

  private resolve(node: Node | null): Node | null {
    return isAlias(node) ? ((node.resolve(this.doc) as Node | undefined) ?? null) : node;
  }

  line(node: Node): number {
    return this.lines.linePos(node.range?.[0] ?? 0).line;
  }
}

function isEmpty(node: Node): boolean {
  return isScalar(node) && node.value === null && !node.source;
}

function scalarValue(node: Node | null): unknown {
  return isScalar(node) ? node.value : undefined;
}

function describe(node: Node | null): string {
  if (node === null || (isScalar(node) && node.value === null)) return 'nothing';
  if (isMap(node)) return 'a mapping';
  if (isSeq(node)) return 'a list';
  if (isScalar(node)) {
    const value = node.value;
    if (typeof value === 'string') return `"${value.slice(0, 60)}"`;
    return `the ${typeof value} ${String(value)}`;
  }
  return 'an unresolved alias';
}

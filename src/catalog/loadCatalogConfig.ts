/**
 * Reads and checks a gateway configuration file (`--config gateway.yaml` or `.yml` / `.json`; JSON
 * is read by the same YAML parser, so both report lines the same way):
 *
 * ```yaml
 * region: us-east-1                    # optional; --region wins over it, it wins over AWS_REGION
 * kendra:                              # absent: Kendra is not served
 *   indexes:
 *     - id: 0123456789abcdef0123456789abcdef0123   # 36 characters
 *       dataSources: [ds-hr, ds-wiki]  # optional; absent: every data source of the index
 * qbusiness:                           # absent: Q Business is not served
 *   applications:
 *     - id: <36 characters>
 *       indices:                       # optional; absent: every index of the application
 *         - id: <36 characters>
 *           dataSources: [<36 characters>, ...]  # optional; absent: every data source of the index
 * qconnect:                            # absent: Q Connect is not served; {} = every knowledge base
 *   knowledgeBases: [<UUID or knowledge base ARN>, ...]  # optional; absent: every knowledge base
 * discoveryTtlSeconds: 300             # optional: how long an "every ..." listing is reused
 * ```
 *
 * Every mistake (unknown key, wrong type, id off the service's pattern, duplicate, empty list) is
 * reported as `file:line: field.path: what was expected, got what`, all of them at once, and
 * nothing is called upstream at load. Danger: ids are checked for form only; whether they exist
 * is learnt when they are first used.
 */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import {
  isAlias,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type Document,
  type Node,
} from 'yaml';
import {
  kendraDataSourceId,
  kendraIndexId,
  knowledgeBaseId,
  qbusinessId,
} from '../model/serviceIds';
import type { Upstream } from '../services/upstream';
import { ConfigCatalog, type CatalogConfig, type ConfigCatalogOptions } from './configCatalog';
import type { SourceCatalog } from './SourceCatalog';

/** What a configuration file gives the gateway: its region, its config, and its catalog. */
export interface LoadedCatalogConfig {
  region?: string;
  /**
   * Builds the catalog once the gateway has its `Upstream`; `ttlSeconds` (from `--discovery-ttl`)
   * overrides the file's `discoveryTtlSeconds`.
   */
  catalog: (upstream: Upstream, options?: ConfigCatalogOptions) => SourceCatalog;
  config: CatalogConfig;
}

const EXTENSIONS = ['.yaml', '.yml', '.json'];
/** More problems than this are summarised: the first ones are what an operator fixes first. */
const MAX_PROBLEMS = 20;

/**
 * Reads `file` and returns its region and catalog. Throws an `Error` naming the file, line and field
 * of every problem found (one per line of the message); the gateway should refuse to start on it.
 */
export function loadCatalogConfig(file: string): LoadedCatalogConfig {
  if (!EXTENSIONS.includes(extname(file).toLowerCase())) {
    throw new Error(
      `${file}: a configuration file must end in .yaml, .yml or .json, got "${extname(file) || 'no extension'}"`,
    );
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`${file}: cannot read the configuration file: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const config = parseCatalogConfig(text, file);
  return {
    region: config.region,
    config,
    catalog: (upstream, options) => new ConfigCatalog(upstream, config, options),
  };
}

/** Parses and checks the text of a configuration file; `file` is only used in messages. */
export function parseCatalogConfig(text: string, file: string): CatalogConfig {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: false });
  const reader = new ConfigReader(file, lineCounter, doc);
  for (const error of doc.errors)
    reader.problem(lineCounter.linePos(error.pos[0]).line, '', `syntax error: ${error.message}`);
  const config = reader.problems.length === 0 ? reader.config(doc.contents) : undefined;
  if (reader.problems.length > 0 || !config) {
    const byLine = [...reader.problems].sort((a, b) => a.line - b.line);
    const shown = byLine.slice(0, MAX_PROBLEMS).map((p) => p.message);
    if (reader.problems.length > MAX_PROBLEMS)
      shown.push(`${file}: ... and ${reader.problems.length - MAX_PROBLEMS} more`);
    throw new Error(shown.join('\n'));
  }
  return config;
}

/** A value in the document, with the line to blame for it. */
interface Entry {
  value: Node | null;
  line: number;
}

/** Walks the document, collecting problems; each method returns undefined where it found one. */
class ConfigReader {
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

  config(root: Node | null): CatalogConfig | undefined {
    if (root === null)
      return this.problem(
        1,
        '',
        'the file is empty; expected a mapping with kendra, qbusiness and/or qconnect',
      );
    const top = this.map(this.entry(root), '', TOP_KEYS);
    if (!top) return undefined;
    const config: CatalogConfig = {};
    const region = top.get('region');
    if (region) config.region = this.region(region, 'region');
    const ttl = top.get('discoveryTtlSeconds');
    if (ttl) config.discoveryTtlSeconds = this.seconds(ttl, 'discoveryTtlSeconds');
    const kendra = top.get('kendra');
    if (kendra) config.kendra = this.kendra(kendra);
    const qbusiness = top.get('qbusiness');
    if (qbusiness) config.qbusiness = this.qbusiness(qbusiness);
    const qconnect = top.get('qconnect');
    if (qconnect) config.qconnect = this.qconnect(qconnect);
    if (!kendra && !qbusiness && !qconnect) {
      this.problem(
        this.line(root),
        '',
        'names no service; expected at least one of kendra, qbusiness, qconnect',
      );
    }
    return this.problems.length === 0 ? config : undefined;
  }

  private kendra(entry: Entry): CatalogConfig['kendra'] {
    const fields = this.map(entry, 'kendra', ['indexes'], ['indexes']);
    const indexes =
      fields &&
      this.list(fields.get('indexes')!, 'kendra.indexes', 'index (omit kendra to serve none)');
    if (!indexes) return undefined;
    const seen = new Map<string, number>();
    return {
      indexes: indexes.map((item, i) => {
        const path = `kendra.indexes[${i}]`;
        const index = this.map(item, path, ['id', 'dataSources'], ['id']);
        if (!index) return { id: '' };
        const id = this.id(index.get('id')!, `${path}.id`, kendraIndexId, seen);
        const list = index.get('dataSources');
        const dataSources =
          list && this.ids(list, `${path}.dataSources`, EVERY_DATA_SOURCE, kendraDataSourceId);
        return { id: id ?? '', ...(dataSources ? { dataSources } : {}) };
      }),
    };
  }

  private qbusiness(entry: Entry): CatalogConfig['qbusiness'] {
    const fields = this.map(entry, 'qbusiness', ['applications'], ['applications']);
    const what = 'application (omit qbusiness to serve none)';
    const applications =
      fields && this.list(fields.get('applications')!, 'qbusiness.applications', what);
    if (!applications) return undefined;
    const seenApplications = new Map<string, number>();
    return {
      applications: applications.map((item, a) => {
        const path = `qbusiness.applications[${a}]`;
        const application = this.map(item, path, ['id', 'indices'], ['id']);
        if (!application) return { id: '' };
        const id = this.id(
          application.get('id')!,
          `${path}.id`,
          (v) => qbusinessId(v, 'application'),
          seenApplications,
        );
        const list = application.get('indices');
        const indices = list && this.qbusinessIndices(list, `${path}.indices`);
        return { id: id ?? '', ...(indices ? { indices } : {}) };
      }),
    };
  }

  private qbusinessIndices(
    entry: Entry,
    path: string,
  ): { id: string; dataSources?: string[] }[] | undefined {
    const items = this.list(entry, path, 'index (omit indices to serve every one)');
    const seen = new Map<string, number>();
    return items?.map((item, i) => {
      const indexPath = `${path}[${i}]`;
      const index = this.map(item, indexPath, ['id', 'dataSources'], ['id']);
      if (!index) return { id: '' };
      const id = this.id(index.get('id')!, `${indexPath}.id`, (v) => qbusinessId(v, 'index'), seen);
      const list = index.get('dataSources');
      const dataSources =
        list &&
        this.ids(list, `${indexPath}.dataSources`, EVERY_DATA_SOURCE, (v) =>
          qbusinessId(v, 'data source'),
        );
      return { id: id ?? '', ...(dataSources ? { dataSources } : {}) };
    });
  }

  private qconnect(entry: Entry): CatalogConfig['qconnect'] {
    const fields = this.map(
      entry,
      'qconnect',
      ['knowledgeBases'],
      [],
      ' (write qconnect: {} to serve every knowledge base)',
    );
    if (!fields) return undefined;
    const list = fields.get('knowledgeBases');
    if (!list) return {};
    const what = 'knowledge base (omit knowledgeBases to serve every one)';
    const knowledgeBases = this.ids(list, 'qconnect.knowledgeBases', what, knowledgeBaseId);
    return knowledgeBases && { knowledgeBases };
  }

  /** A non-empty list of ids, each checked (and reduced) by `check`, without duplicates. */
  private ids(
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

  private id(
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

  private region(entry: Entry, path: string): string | undefined {
    const region = this.string(entry, path);
    if (region === undefined || /^[a-z]{2,}(-[a-z0-9]+)+$/.test(region)) return region;
    return this.problem(
      entry.line,
      path,
      `must be an AWS region such as us-east-1, got "${region.slice(0, 60)}"`,
    );
  }

  private seconds(entry: Entry, path: string): number | undefined {
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
  private list(entry: Entry, path: string, what: string): Entry[] | undefined {
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
  private map(
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

  private entry(node: Node): Entry {
    const value = this.resolve(node);
    return { value, line: this.line(value ?? node) };
  }

  private resolve(node: Node | null): Node | null {
    return isAlias(node) ? ((node.resolve(this.doc) as Node | undefined) ?? null) : node;
  }

  private line(node: Node): number {
    return this.lines.linePos(node.range?.[0] ?? 0).line;
  }
}

const TOP_KEYS = ['region', 'kendra', 'qbusiness', 'qconnect', 'discoveryTtlSeconds'];
const EVERY_DATA_SOURCE = 'data source (omit dataSources to serve every one)';

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

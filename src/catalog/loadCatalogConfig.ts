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
import { LineCounter, parseDocument, type Node } from 'yaml';
import type { Upstream } from '../services/upstream';
import { ConfigCatalog, type CatalogConfig, type ConfigCatalogOptions } from './configCatalog';
import { ConfigReader } from './configReader';
import { readKendra, readQbusiness, readQconnect } from './readServiceSections';
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
  const config = reader.problems.length === 0 ? readCatalogConfig(reader, doc.contents) : undefined;
  if (reader.problems.length > 0 || !config) {
    const byLine = [...reader.problems].sort((a, b) => a.line - b.line);
    const shown = byLine.slice(0, MAX_PROBLEMS).map((p) => p.message);
    if (reader.problems.length > MAX_PROBLEMS)
      shown.push(`${file}: ... and ${reader.problems.length - MAX_PROBLEMS} more`);
    throw new Error(shown.join('\n'));
  }
  return config;
}

/** The top level: region, discovery TTL and the service sections; undefined on any problem. */
function readCatalogConfig(reader: ConfigReader, root: Node | null): CatalogConfig | undefined {
  if (root === null)
    return reader.problem(
      1,
      '',
      'the file is empty; expected a mapping with kendra, qbusiness and/or qconnect',
    );
  const top = reader.map(reader.entry(root), '', TOP_KEYS);
  if (!top) return undefined;
  const config: CatalogConfig = {};
  const region = top.get('region');
  if (region) config.region = reader.region(region, 'region');
  const ttl = top.get('discoveryTtlSeconds');
  if (ttl) config.discoveryTtlSeconds = reader.seconds(ttl, 'discoveryTtlSeconds');
  const kendra = top.get('kendra');
  if (kendra) config.kendra = readKendra(reader, kendra);
  const qbusiness = top.get('qbusiness');
  if (qbusiness) config.qbusiness = readQbusiness(reader, qbusiness);
  const qconnect = top.get('qconnect');
  if (qconnect) config.qconnect = readQconnect(reader, qconnect);
  if (!kendra && !qbusiness && !qconnect) {
    reader.problem(
      reader.line(root),
      '',
      'names no service; expected at least one of kendra, qbusiness, qconnect',
    );
  }
  return reader.problems.length === 0 ? config : undefined;
}

const TOP_KEYS = ['region', 'kendra', 'qbusiness', 'qconnect', 'discoveryTtlSeconds'];

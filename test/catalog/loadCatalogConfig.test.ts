import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigCatalog } from '../../src/catalog/configCatalog';
import { loadCatalogConfig } from '../../src/catalog/loadCatalogConfig';
import { createAwsClients, destroyAwsClients } from '../../src/services/clients';
import { Upstream } from '../../src/services/upstream';

const KENDRA_INDEX = '0123456789abcdef0123456789abcdef0123';
const APP = 'a0000000-0000-4000-8000-000000000001';
const QB_INDEX = 'b0000000-0000-4000-8000-000000000001';
const QB_SOURCE = 'c0000000-0000-4000-8000-000000000001';
const KB = 'd0000000-0000-4000-8000-000000000001';
const KB_ARN = `arn:aws:wisdom:us-east-1:123456789012:knowledge-base/${KB}`;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'catalog-config-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes `text` to `name` in the test directory and loads it. */
function load(name: string, text: string) {
  const file = join(dir, name);
  writeFileSync(file, text);
  return loadCatalogConfig(file);
}

/** The message `load` throws, with the test directory left out of file names. */
function problems(name: string, text: string): string {
  try {
    load(name, text);
  } catch (error) {
    return (error as Error).message.split(`${dir}/`).join('');
  }
  throw new Error(`${name} was accepted`);
}

describe('loadCatalogConfig', () => {
  it('reads a valid YAML file: region, lists, "every" lists left out, ARNs reduced to ids', () => {
    const loaded = load(
      'gateway.yaml',
      `# sources served by this gateway
region: eu-west-1
kendra:
  indexes:
    - id: ${KENDRA_INDEX}
      dataSources: [ds-hr, ds_wiki]
    - id: ${KENDRA_INDEX.replace('0123', 'ffff')}
qbusiness:
  applications:
    - id: ${APP}
      indices:
        - id: ${QB_INDEX}
          dataSources: [${QB_SOURCE}]
        - id: ${QB_INDEX.replace('b', 'e')}
    - id: ${APP.replace('a', 'f')}
qconnect:
  knowledgeBases: [${KB_ARN}]
discoveryTtlSeconds: 60
`,
    );
    expect(loaded.region).toBe('eu-west-1');
    expect(loaded.config).toEqual({
      region: 'eu-west-1',
      kendra: {
        indexes: [
          { id: KENDRA_INDEX, dataSources: ['ds-hr', 'ds_wiki'] },
          { id: KENDRA_INDEX.replace('0123', 'ffff') },
        ],
      },
      qbusiness: {
        applications: [
          {
            id: APP,
            indices: [
              { id: QB_INDEX, dataSources: [QB_SOURCE] },
              { id: QB_INDEX.replace('b', 'e') },
            ],
          },
          { id: APP.replace('a', 'f') },
        ],
      },
      qconnect: { knowledgeBases: [KB] },
      discoveryTtlSeconds: 60,
    });
    const clients = createAwsClients({
      endpoint: 'http://127.0.0.1:9',
      region: 'us-east-1',
      maxAttempts: 1,
    });
    try {
      expect(loaded.catalog(new Upstream(clients))).toBeInstanceOf(ConfigCatalog);
    } finally {
      destroyAwsClients(clients);
    }
  });

  it('reads the same format as JSON, and an empty qconnect mapping means every knowledge base', () => {
    const loaded = load(
      'gateway.json',
      JSON.stringify({ kendra: { indexes: [{ id: KENDRA_INDEX }] }, qconnect: {} }, null, 2),
    );
    expect(loaded.region).toBeUndefined();
    expect(loaded.config).toEqual({ kendra: { indexes: [{ id: KENDRA_INDEX }] }, qconnect: {} });
  });

  it('names the file, the line and the field of an id off the service pattern', () => {
    const text = `region: us-east-1
qbusiness:
  applications:
    - id: ${APP}
      indices:
        - id: ${QB_INDEX}
        - id: abc
`;
    expect(problems('gateway.yaml', text)).toBe(
      'gateway.yaml:7: qbusiness.applications[0].indices[1].id: must be 36 characters of letters, digits and hyphens, got "abc"',
    );
  });

  it('reports unknown keys, wrong types, duplicates and empty lists all at once, by line', () => {
    const text = `kendra:
  indexes:
    - id: ${KENDRA_INDEX}
      datasources: [ds-1]
    - id: ${KENDRA_INDEX}
      dataSources: [ds-1, "bad id", ds-1]
qconnect:
  knowledgeBases: [12345, not-a-uuid, ${KB}, ${KB_ARN}]
discoveryTtlSeconds: soon
qbusiness:
  applications: []
`;
    expect(problems('gateway.yml', text).split('\n')).toEqual([
      'gateway.yml:4: kendra.indexes[0].datasources: unknown key; expected one of id, dataSources',
      `gateway.yml:5: kendra.indexes[1].id: duplicate id "${KENDRA_INDEX}" (first at line 3)`,
      'gateway.yml:6: kendra.indexes[1].dataSources[1]: must be 1 to 100 characters of letters, digits, hyphens and underscores, got "bad id"',
      'gateway.yml:6: kendra.indexes[1].dataSources[2]: duplicate id "ds-1" (first at line 6)',
      'gateway.yml:8: qconnect.knowledgeBases[0]: must be a non-empty string, got the number 12345 (quote it to make it text)',
      'gateway.yml:8: qconnect.knowledgeBases[1]: must be a lower-case UUID or a knowledge base ARN, got "not-a-uuid"',
      `gateway.yml:8: qconnect.knowledgeBases[3]: duplicate id "${KB}" (first at line 8)`,
      'gateway.yml:9: discoveryTtlSeconds: must be a number of seconds (0 or more), got "soon"',
      'gateway.yml:11: qbusiness.applications: must list at least one application (omit qbusiness to serve none)',
    ]);
  });

  it('blames the key of a value left empty, and a missing required field on its mapping', () => {
    const text = `kendra:

qbusiness:
  applications:
    - indices: [{ id: ${QB_INDEX} }]
`;
    expect(problems('gateway.yaml', text).split('\n')).toEqual([
      'gateway.yaml:1: kendra: must be a mapping with indexes, got nothing',
      'gateway.yaml:5: qbusiness.applications[0].id: is required',
    ]);
  });

  it('reports JSON mistakes with their lines too: a wrong type, a duplicate key, a bad region', () => {
    const text = `{
  "region": "US East",
  "kendra": { "indexes": { "id": "${KENDRA_INDEX}" } },
  "qconnect": { "knowledgeBases": ["${KB}"] },
  "qconnect": {}
}`;
    expect(problems('gateway.json', text).split('\n')).toEqual([
      'gateway.json:2: region: must be an AWS region such as us-east-1, got "US East"',
      'gateway.json:3: kendra.indexes: must be a list, got a mapping',
      'gateway.json:5: qconnect: duplicate key (first at line 4)',
    ]);
  });

  it('reports syntax errors with their line', () => {
    expect(
      problems('broken.json', `{\n  "kendra": { "indexes": [ { "id": "${KENDRA_INDEX}" } ]\n`),
    ).toMatch(/^broken\.json:3: syntax error: /);
    expect(problems('broken.yaml', `kendra:\n  indexes:\n\t- id: x\n`)).toContain(
      'broken.yaml:3: syntax error: Tabs are not allowed as indentation',
    );
  });

  it('refuses a file that serves nothing, an empty file, and a null where a mapping belongs', () => {
    expect(problems('region-only.yaml', 'region: us-east-1\n')).toBe(
      'region-only.yaml:1: names no service; expected at least one of kendra, qbusiness, qconnect',
    );
    expect(problems('empty.yaml', '')).toBe(
      'empty.yaml:1: the file is empty; expected a mapping with kendra, qbusiness and/or qconnect',
    );
    expect(problems('null.yaml', 'qconnect: ~\n')).toBe(
      'null.yaml:1: qconnect: must be a mapping with knowledgeBases, got nothing (write qconnect: {} to serve every knowledge base)',
    );
  });

  it('refuses an unreadable file and an unknown extension, naming the file', () => {
    expect(() => loadCatalogConfig(join(dir, 'missing.yaml'))).toThrow(
      new RegExp(`^${join(dir, 'missing.yaml')}: cannot read the configuration file: ENOENT`),
    );
    expect(() => loadCatalogConfig(join(dir, 'gateway.toml'))).toThrow(
      `${join(dir, 'gateway.toml')}: a configuration file must end in .yaml, .yml or .json, got ".toml"`,
    );
  });
});

import type { GraphQLError } from 'graphql';
import { ConfigCatalog, type CatalogConfig } from '../../src/catalog/configCatalog';
import { startEmulator, type Fixture } from '../../src/emulator';
import type { JobSourceRef, NodeRef } from '../../src/model/sources';
import { createAwsClients, destroyAwsClients, type AwsClients } from '../../src/services/clients';
import { Upstream } from '../../src/services/upstream';

const kendraIndex = (n: number) => `ki000000-0000-0000-0000-00000000000${n}`;
const application = (n: number) => `qa000000-0000-0000-0000-00000000000${n}`;
const qbIndex = (n: number) => `qi000000-0000-0000-0000-00000000000${n}`;
const qbSource = (n: number) => `qd000000-0000-0000-0000-00000000000${n}`;
const knowledgeBase = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;

/** Two Kendra indexes, two Q Business applications (the first with two indices), three knowledge bases. */
const fixture: Fixture = {
  kendra: {
    indices: [1, 2].map((i) => ({
      Id: kendraIndex(i),
      Name: `kendra-index-${i}`,
      dataSources: ['ds-hr', 'ds-wiki', 'ds-eng'].map((id) => ({
        Id: `${id}-${i}`,
        Name: `${id}-of-${i}`,
        Type: 'S3',
        syncJobs: [],
      })),
    })),
  },
  qbusiness: {
    applications: [
      {
        applicationId: application(1),
        displayName: 'app-1',
        indices: [1, 2].map((i) => ({
          indexId: qbIndex(i),
          displayName: `index-${i}`,
          dataSources: [2 * i - 1, 2 * i].map((d) => ({
            dataSourceId: qbSource(d),
            displayName: `source-${d}`,
            type: 'WEBCRAWLER',
            syncJobs: [],
          })),
        })),
      },
      {
        applicationId: application(2),
        displayName: 'app-2',
        indices: [
          {
            indexId: qbIndex(3),
            displayName: 'index-3',
            dataSources: [
              { dataSourceId: qbSource(5), displayName: 'source-5', type: 'S3', syncJobs: [] },
            ],
          },
        ],
      },
    ],
  },
  qconnect: {
    knowledgeBases: [1, 2, 3].map((k) => ({
      knowledgeBaseId: knowledgeBase(k),
      name: `knowledge-base-${k}`,
      knowledgeBaseType: 'QUICK_RESPONSES',
      importJobs: [],
    })),
  },
};

/** A config that lists every id explicitly. */
const explicitConfig: CatalogConfig = {
  kendra: { indexes: [{ id: kendraIndex(1), dataSources: ['ds-hr-1', 'ds-wiki-1'] }] },
  qbusiness: {
    applications: [
      { id: application(1), indices: [{ id: qbIndex(1), dataSources: [qbSource(1)] }] },
    ],
  },
  qconnect: { knowledgeBases: [knowledgeBase(2)] },
};

/** A config that says "every ..." wherever it can. */
const everyConfig: CatalogConfig = {
  kendra: { indexes: [{ id: kendraIndex(1) }, { id: kendraIndex(2) }] },
  qbusiness: {
    applications: [{ id: application(1) }, { id: application(2), indices: [{ id: qbIndex(3) }] }],
  },
  qconnect: {},
};

const kendraSource = (indexId: string, dataSourceId: string): NodeRef => ({
  kind: 'KendraDataSource',
  indexId,
  dataSourceId,
});
const qbusinessSource = (
  applicationId: string,
  indexId: string,
  dataSourceId: string,
): NodeRef => ({
  kind: 'QBusinessDataSource',
  applicationId,
  indexId,
  dataSourceId,
});
const kb = (knowledgeBaseId: string): NodeRef => ({
  kind: 'QConnectKnowledgeBase',
  knowledgeBaseId,
});

const idsOf = (sources: JobSourceRef[]) =>
  sources.map((s) =>
    s.kind === 'KendraDataSource'
      ? s.dataSourceId
      : s.kind === 'QBusinessDataSource'
        ? s.dataSourceId
        : s.knowledgeBaseId,
  );

let emulator: Awaited<ReturnType<typeof startEmulator>>;
let clients: AwsClients;
let upstream: Upstream;

async function setFaults(rules: object[]): Promise<void> {
  const response = await fetch(`${emulator.url}/_emulator/faults`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ rules }),
  });
  expect(response.status).toBeLessThan(300);
}

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, fixture });
  clients = createAwsClients({ endpoint: emulator.url, region: 'us-east-1', maxAttempts: 1 });
  upstream = new Upstream(clients);
});

afterAll(async () => {
  if (clients) destroyAwsClients(clients);
  await emulator?.close();
});

beforeEach(async () => {
  await setFaults([]);
  emulator.resetStats();
});

const calls = () => emulator.stats().calls;

describe('ConfigCatalog', () => {
  it('serves explicitly configured ids without an upstream call', async () => {
    const catalog = new ConfigCatalog(upstream, explicitConfig);
    const served: NodeRef[] = [
      { kind: 'KendraIndex', indexId: kendraIndex(1) },
      kendraSource(kendraIndex(1), 'ds-hr-1'),
      kendraSource(kendraIndex(1), 'ds-wiki-1'),
      { kind: 'QBusinessApplication', applicationId: application(1) },
      { kind: 'QBusinessIndex', applicationId: application(1), indexId: qbIndex(1) },
      qbusinessSource(application(1), qbIndex(1), qbSource(1)),
      kb(knowledgeBase(2)),
    ];
    for (const ref of served) expect(await catalog.serves(ref)).toBe(true);
    expect(calls()).toEqual({});
  });

  it('lists explicitly configured sources without details and without an upstream call', async () => {
    const catalog = new ConfigCatalog(upstream, explicitConfig);
    const listing = await catalog.list();
    expect(listing.failures).toEqual([]);
    expect(listing.sources).toEqual([
      { kind: 'KendraDataSource', indexId: kendraIndex(1), dataSourceId: 'ds-hr-1' },
      { kind: 'KendraDataSource', indexId: kendraIndex(1), dataSourceId: 'ds-wiki-1' },
      {
        kind: 'QBusinessDataSource',
        applicationId: application(1),
        indexId: qbIndex(1),
        dataSourceId: qbSource(1),
      },
      { kind: 'QConnectKnowledgeBase', knowledgeBaseId: knowledgeBase(2) },
    ]);
    expect(calls()).toEqual({});
  });

  it('does not serve an id outside the configured set, without an upstream call', async () => {
    const catalog = new ConfigCatalog(upstream, {
      kendra: { indexes: [{ id: kendraIndex(1), dataSources: ['ds-hr-1'] }] },
      qbusiness: { applications: [{ id: application(1), indices: [{ id: qbIndex(1) }] }] },
    });
    const notServed: NodeRef[] = [
      { kind: 'KendraIndex', indexId: kendraIndex(2) },
      kendraSource(kendraIndex(1), 'ds-wiki-1'), // exists upstream, but the index lists only ds-hr-1
      kendraSource(kendraIndex(2), 'ds-hr-2'), // index not configured
      { kind: 'QBusinessApplication', applicationId: application(2) },
      { kind: 'QBusinessIndex', applicationId: application(1), indexId: qbIndex(2) },
      qbusinessSource(application(1), qbIndex(2), qbSource(3)), // index not configured (its sources would be listed)
      qbusinessSource(application(2), qbIndex(3), qbSource(5)), // application not configured
      kb(knowledgeBase(1)), // Q Connect not configured at all
    ];
    for (const ref of notServed) expect(await catalog.serves(ref)).toBe(false);
    expect(calls()).toEqual({});
  });

  it('lists "every data source of this index" once across many serves within the time to live', async () => {
    let now = 1_000_000;
    const catalog = new ConfigCatalog(
      upstream,
      { kendra: { indexes: [{ id: kendraIndex(1) }] } },
      { now: () => now },
    );
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        catalog.serves(kendraSource(kendraIndex(1), i % 2 ? 'ds-wiki-1' : 'ds-nope')),
      ),
    );
    expect(answers).toEqual(Array.from({ length: 20 }, (_, i) => i % 2 === 1));
    for (let i = 0; i < 10; i++) {
      now += 20_000;
      expect(await catalog.serves(kendraSource(kendraIndex(1), 'ds-eng-1'))).toBe(true);
    }
    expect((await catalog.list()).sources).toHaveLength(3);
    expect(calls()).toEqual({ 'kendra.ListDataSources': 1 });

    now += 300_001; // past the default time to live
    expect(await catalog.serves(kendraSource(kendraIndex(1), 'ds-hr-1'))).toBe(true);
    expect(calls()).toEqual({ 'kendra.ListDataSources': 2 });
  });

  it('honours the configured time to live', async () => {
    let now = 0;
    const catalog = new ConfigCatalog(
      upstream,
      { qconnect: {}, discoveryTtlSeconds: 10 },
      { now: () => now },
    );
    expect(await catalog.serves(kb(knowledgeBase(3)))).toBe(true);
    now = 10_000;
    expect(await catalog.serves(kb(knowledgeBase(1)))).toBe(true);
    expect(calls()).toEqual({ 'qconnect.ListKnowledgeBases': 1 });
    now = 10_001;
    expect(await catalog.serves(kb('00000000-0000-4000-8000-0000000000ff'))).toBe(false);
    expect(calls()).toEqual({ 'qconnect.ListKnowledgeBases': 2 });
  });

  it('lists "every index" and "every data source" parents once each, with their details', async () => {
    const catalog = new ConfigCatalog(upstream, everyConfig);
    const [listing] = await Promise.all([
      catalog.list(),
      catalog.serves({
        kind: 'QBusinessIndex',
        applicationId: application(1),
        indexId: qbIndex(2),
      }),
      catalog.serves(qbusinessSource(application(1), qbIndex(2), qbSource(4))),
      catalog.list(),
    ]);
    expect(listing.failures).toEqual([]);
    expect(idsOf(listing.sources)).toEqual([
      'ds-hr-1',
      'ds-wiki-1',
      'ds-eng-1',
      'ds-hr-2',
      'ds-wiki-2',
      'ds-eng-2',
      qbSource(1),
      qbSource(2),
      qbSource(3),
      qbSource(4),
      qbSource(5),
      knowledgeBase(1),
      knowledgeBase(2),
      knowledgeBase(3),
    ]);
    expect(listing.sources.every((s) => s.details?.name)).toBe(true);
    expect(listing.sources[0].details?.name).toBe('ds-hr-of-1');

    expect(await catalog.serves(qbusinessSource(application(1), qbIndex(2), qbSource(4)))).toBe(
      true,
    );
    expect(await catalog.serves(qbusinessSource(application(1), qbIndex(2), qbSource(5)))).toBe(
      false,
    );
    expect(
      await catalog.serves({
        kind: 'QBusinessIndex',
        applicationId: application(1),
        indexId: qbIndex(3),
      }),
    ).toBe(false);
    expect(calls()).toEqual({
      'kendra.ListDataSources': 2,
      'qbusiness.ListIndices': 1,
      'qbusiness.ListDataSources': 3,
      'qconnect.ListKnowledgeBases': 1,
    });
  });

  it('reports a failing service in failures, still lists the others, and does not cache the failure', async () => {
    const catalog = new ConfigCatalog(upstream, everyConfig);
    await setFaults([{ service: 'kendra', denyAccess: true }]);
    const listing = await catalog.list();
    expect(
      listing.failures.map((f) => [f.service, (f.error as GraphQLError).extensions?.code]),
    ).toEqual([
      ['KENDRA', 'UPSTREAM_ACCESS_DENIED'],
      ['KENDRA', 'UPSTREAM_ACCESS_DENIED'],
    ]);
    expect(listing.sources.map((s) => s.kind)).toEqual([
      ...Array(5).fill('QBusinessDataSource'),
      ...Array(3).fill('QConnectKnowledgeBase'),
    ]);
    await expect(catalog.serves(kendraSource(kendraIndex(1), 'ds-hr-1'))).rejects.toMatchObject({
      extensions: { code: 'UPSTREAM_ACCESS_DENIED', service: 'KENDRA' },
    });
    expect(await catalog.serves({ kind: 'KendraIndex', indexId: kendraIndex(1) })).toBe(true); // configured: no call

    await setFaults([]);
    emulator.resetStats();
    const recovered = await catalog.list();
    expect(recovered.failures).toEqual([]);
    expect(recovered.sources).toHaveLength(14);
    expect(calls()).toEqual({ 'kendra.ListDataSources': 2 }); // the others were cached
  });

  it('reports a failed list of indices once for its application and keeps the configured indices of another', async () => {
    const catalog = new ConfigCatalog(upstream, { qbusiness: everyConfig.qbusiness });
    await setFaults([{ service: 'qbusiness', operation: 'ListIndices', denyAccess: true }]);
    const listing = await catalog.list();
    expect(listing.failures.map((f) => f.service)).toEqual(['QBUSINESS']);
    expect(idsOf(listing.sources)).toEqual([qbSource(5)]);
    await expect(
      catalog.serves({
        kind: 'QBusinessIndex',
        applicationId: application(1),
        indexId: qbIndex(1),
      }),
    ).rejects.toMatchObject({
      extensions: { code: 'UPSTREAM_ACCESS_DENIED' },
    });
  });
});

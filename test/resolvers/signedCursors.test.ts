/**
 * Cursors through GraphQL: signed, checked before any upstream call (discovery included), kept
 * once per page, and never refused by the gateway that issued them, whatever happened between.
 */
import { request } from 'node:http';
import { startGateway, type RunningGateway } from '../../src/server/createGateway';
import { createMemoryStore } from '../../src/store/memoryStore';
import {
  feedOrder,
  multiSourceFixture,
  singleSourceFixture,
  KENDRA_DS,
  KENDRA_INDEX,
} from '../helpers/fixtures';
import { type Harness, startHarness } from '../helpers/harness';

const FEED = `query($first: Int, $after: String, $last: Int, $before: String) {
  jobs(first: $first, after: $after, last: $last, before: $before) {
    edges { cursor node { jobId } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;
const FIXTURE = multiSourceFixture({ apps: 5, indexes: 5, kbs: 10, perIndex: 5, jobs: 12 });
const ORDER = feedOrder(FIXTURE).map((row) => row.jobId);
const SECRET = 'a-secret-shared-by-replicas';

// One store for the harness's gateway and the "replicas" started next to it.
const store = createMemoryStore();
let harness: Harness;
beforeAll(async () => {
  harness = await startHarness(
    FIXTURE,
    {},
    {
      cursorSecrets: [SECRET],
      store,
      // These tests are about cursors: a service that fails for two pages answers again on the third
      // (no circuit breaker in the way), and one client's 110-alias burst is let through the
      // document and cost limits to test the store's per-client share.
      breakerFailures: 1_000,
      maxCost: 1_000_000,
      documentLimits: { maxAliases: 200, maxRootFields: 200 },
    },
  );
});
afterAll(() => harness.close());
beforeEach(async () => {
  await harness.setFaults([]);
  await harness.resetStats();
});

const totalCalls = (stats: Record<string, number>) =>
  Object.values(stats).reduce((a, b) => a + b, 0);

/** A second gateway on the same emulator (and by default the same store). */
async function freshGateway(secrets = [SECRET], gatewayStore = store): Promise<RunningGateway> {
  return startGateway({
    port: 0,
    endpoint: harness.emulatorUrl,
    region: 'us-east-1',
    maxAttempts: 1,
    logLevel: 'silent',
    cursorSecrets: secrets,
    store: gatewayStore,
  });
}

/** Posts a query from another loopback address: another client, as far as the gateway knows. */
function postFrom(localAddress: string, url: string, query: string): Promise<any> {
  return new Promise((resolve, reject) => {
    const body = JSON.stringify({ query });
    const req = request(
      url,
      { method: 'POST', localAddress, headers: { 'content-type': 'application/json' } },
      (res) => {
        let text = '';
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => resolve(JSON.parse(text)));
      },
    );
    req.once('error', reject);
    req.end(body);
  });
}

async function post(url: string, query: string, variables: Record<string, unknown>): Promise<any> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return response.json();
}

/** `cursor` with the character at `at` replaced by another base64url character. */
function editAt(cursor: string, at: number): string {
  return cursor.slice(0, at) + (cursor[at] === 'A' ? 'B' : 'A') + cursor.slice(at + 1);
}

it('walks 60 sources at first: 100 with a source failing mid-walk, and never refuses its own cursor', async () => {
  const seen: string[] = [];
  let after: string | null = null;
  for (let round = 0; round < 50; round++) {
    if (round === 2)
      await harness.setFaults([
        { service: 'kendra', operation: 'ListDataSourceSyncJobs', errorRate: 1 },
      ]);
    if (round === 4) await harness.setFaults([]);
    const response: any = await harness.gql(FEED, { first: 100, after });
    expect(
      response.errors?.filter((e: any) => e.extensions?.code !== 'UPSTREAM_UNAVAILABLE') ?? [],
    ).toEqual([]);
    seen.push(...response.data.jobs.edges.map((edge: any) => edge.node.jobId));
    if (!response.data.jobs.pageInfo.hasNextPage) break;
    after = response.data.jobs.pageInfo.endCursor;
    expect(after!.length).toBeLessThan(200);
  }
  expect([...seen].sort()).toEqual([...ORDER].sort());
  expect(new Set(seen).size).toBe(seen.length);
});

it('refuses a cursor with one character edited in each part, before any upstream call, discovery included', async () => {
  const first = await harness.gql(FEED, { first: 100 });
  const cursor: string = first.data.jobs.pageInfo.endCursor;
  const dot = cursor.indexOf('.');
  // Its own store: it has not listed the services yet, so any call would show in the stats.
  const gateway = await freshGateway([SECRET], createMemoryStore());
  const replica = await freshGateway();
  try {
    await harness.resetStats();
    const edits = [
      0,
      Math.floor(dot / 2),
      dot - 1,
      dot + 1,
      Math.floor((dot + cursor.length) / 2),
      cursor.length - 1,
    ];
    for (const at of edits) {
      for (const args of [
        { first: 10, after: editAt(cursor, at) },
        { last: 10, before: editAt(cursor, at) },
      ]) {
        const response = await post(gateway.url, FEED, args);
        expect(response.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
        expect(response.data?.jobs ?? null).toBeNull();
      }
    }
    for (const bad of ['garbage', cursor.slice(0, -1), cursor.slice(0, dot), `${cursor}A`]) {
      const response = await post(gateway.url, FEED, { first: 10, after: bad });
      expect(response.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    }
    expect(totalCalls(await harness.stats())).toBe(0);
    // The untouched cursor works on a replica sharing the secret and the store.
    const next = await post(replica.url, FEED, { first: 3, after: cursor });
    expect(next.errors).toBeUndefined();
    expect(next.data.jobs.edges.map((edge: any) => edge.node.jobId)).toEqual(ORDER.slice(100, 103));
  } finally {
    await gateway.close();
    await replica.close();
  }
});

it('refuses a cursor signed with another secret, and accepts old cursors during a rotation', async () => {
  const cursor: string = (await harness.gql(FEED, { first: 5 })).data.jobs.pageInfo.endCursor;
  const stranger = await freshGateway(['another-secret']);
  const rotated = await freshGateway(['the-next-secret', SECRET]);
  try {
    await harness.resetStats();
    const refused = await post(stranger.url, FEED, { first: 5, after: cursor });
    expect(refused.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(refused.errors?.[0].message).toMatch(/signature does not match/);
    expect(totalCalls(await harness.stats())).toBe(0);
    const accepted = await post(rotated.url, FEED, { first: 5, after: cursor });
    expect(accepted.data.jobs.edges.map((edge: any) => edge.node.jobId)).toEqual(
      ORDER.slice(5, 10),
    );
  } finally {
    await stranger.close();
    await rotated.close();
  }
});

it("keeps a cursor through another client's request of 110 aliases reading every edge cursor", async () => {
  const mine = await harness.gql(FEED, { first: 100 });
  const cursor: string = mine.data.jobs.edges[50].cursor;
  const aliases = Array.from(
    { length: 110 },
    (_, i) => `a${i}: jobs(first: 100) { edges { cursor } }`,
  ).join('\n');
  const burst = await postFrom('127.0.0.2', harness.gatewayUrl, `{ ${aliases} }`);
  expect(burst.errors).toBeUndefined();
  const next = await harness.gql(FEED, { first: 2, after: cursor });
  expect(next.errors).toBeUndefined();
  expect(next.data.jobs.edges.map((edge: any) => edge.node.jobId)).toEqual(ORDER.slice(51, 53));
});

describe('a single source', () => {
  let single: Harness;
  beforeAll(async () => {
    single = await startHarness(singleSourceFixture(40), {}, { cursorSecrets: [SECRET] });
  });
  afterAll(() => single.close());

  it('never sends AWS a page token the client chose: an edited token is refused with zero calls', async () => {
    const query = `query($after: String) { kendraIndex(id: "${KENDRA_INDEX}") { dataSource(id: "${KENDRA_DS}") {
      syncJobs(first: 15, after: $after) { pageInfo { endCursor } } } } }`;
    const first = await single.gql(query, {});
    const cursor: string = first.data.kendraIndex.dataSource.syncJobs.pageInfo.endCursor;
    const [payload, signature] = cursor.split('.');
    const position = JSON.parse(Buffer.from(payload, 'base64url').toString());
    expect(typeof (position.t ?? position.n)).toBe('string');
    const forged = { ...position, ...(position.t ? { t: 'my-own-token' } : { n: 'my-own-token' }) };
    const edited = `${Buffer.from(JSON.stringify(forged)).toString('base64url')}.${signature}`;
    await single.resetStats();
    const response = await single.gql(query, { after: edited });
    expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(totalCalls(await single.stats())).toBe(0);
  });
});

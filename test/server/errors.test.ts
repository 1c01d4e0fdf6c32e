/**
 * Bad input and failing upstreams become clear GraphQL errors with a code; nothing leaks (stack
 * traces, AWS messages) and the gateway goes on serving.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ErrorCode } from '../../src/errors/ErrorCode';
import { id36, KENDRA_DS, KENDRA_INDEX, singleSourceFixture } from '../helpers/fixtures';
import { startHarness, type Harness } from '../helpers/harness';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness(singleSourceFixture(5), {}, { upstreamTimeoutMs: 400 });
  // Warm the catalog. Under load the process's first SDK calls (lazy module loading) can exceed
  // the short time-out; a failed listing is not kept, so asking again is enough.
  for (let attempt = 0; attempt < 5; attempt++) {
    if (!(await harness.gql('{ sources { nodes { id } } }')).errors) break;
  }
});
afterAll(() => harness.close());
beforeEach(async () => {
  await harness.setFaults([]);
  await harness.resetStats();
});

const SYNC_JOBS = `query($idx: ID!, $ds: ID!) { kendraIndex(id: $idx) { name dataSource(id: $ds) { syncJobs(first: 3) { nodes { jobId } } } } }`;

function codes(response: { errors?: { extensions?: Record<string, any> }[] }) {
  return (response.errors ?? []).map((e) => e.extensions?.code);
}

it('answers an index the gateway does not serve with NOT_FOUND and no upstream call for it', async () => {
  const response = await harness.gql(SYNC_JOBS, { idx: id36('nope', 9), ds: KENDRA_DS });
  expect(codes(response)).toEqual(['NOT_FOUND']);
  expect(response.data.kendraIndex).toBeNull();
  expect(await harness.stats()).toEqual({});
});

it('answers a malformed service id with BAD_USER_INPUT that states the expected form', async () => {
  const response = await harness.gql(SYNC_JOBS, { idx: 'short', ds: KENDRA_DS });
  expect(codes(response)).toEqual(['BAD_USER_INPUT']);
  expect(response.errors![0].message).toContain('36 characters');
});

it.each([
  [{ throttleRps: 0.001 }, 'UPSTREAM_THROTTLED'],
  [{ errorRate: 1 }, 'UPSTREAM_UNAVAILABLE'],
  [{ denyAccess: true }, 'UPSTREAM_ACCESS_DENIED'],
  [{ latencyMs: 1500 }, 'UPSTREAM_TIMEOUT'],
])(
  'maps upstream fault %j to %s without leaking the AWS message or a stack',
  async (fault, code) => {
    await harness.setFaults([{ service: 'kendra', operation: 'ListDataSourceSyncJobs', ...fault }]);
    // A throttling budget lets its first request through: spend it.
    if ('throttleRps' in fault) await harness.gql(SYNC_JOBS, { idx: KENDRA_INDEX, ds: KENDRA_DS });
    const response = await harness.gql(SYNC_JOBS, { idx: KENDRA_INDEX, ds: KENDRA_DS });
    expect(codes(response)).toContain(code);
    const error = response.errors!.find((e) => e.extensions?.code === code)!;
    expect(error.extensions).toMatchObject({ service: 'KENDRA' });
    expect(error.extensions).not.toHaveProperty('stacktrace');
    expect(error.extensions).not.toHaveProperty('upstream');
    expect(JSON.stringify(response)).not.toMatch(/at .*\.ts:\d+|Exception:|__type/);
    // The index's own fields still resolve: one failing field does not null the response.
    expect(response.data.kendraIndex.name).toBe('enterprise-search');
  },
);

it('goes on serving other requests while one upstream fails', async () => {
  await harness.setFaults([{ service: 'kendra', errorRate: 1 }]);
  const failing = harness.gql(SYNC_JOBS, { idx: KENDRA_INDEX, ds: KENDRA_DS });
  const healthy = harness.gql('{ __typename }');
  expect((await healthy).data).toEqual({ __typename: 'Query' });
  expect(codes(await failing)).toContain('UPSTREAM_UNAVAILABLE');
});

it('refuses queries nested beyond the depth limit with QUERY_TOO_COMPLEX', async () => {
  let selection = 'id';
  for (let i = 0; i < 14; i++)
    selection = `... on KendraDataSource { index { dataSource(id: "x") { ${selection} } } }`;
  const response = await harness.gql(`{ node(id: "x") { ${selection} } }`);
  expect(codes(response)).toEqual(['QUERY_TOO_COMPLEX']);
});

it('keeps the README error table and the error vocabulary the same', () => {
  const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
  const table = readme.slice(readme.indexOf('## Errors'));
  const documented = [...table.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((m) => m[1]);
  expect(documented.sort()).toEqual(Object.values(ErrorCode).sort());
});

describe('in development mode', () => {
  let dev: Harness;
  beforeAll(async () => {
    dev = await startHarness(singleSourceFixture(2), {}, { development: true });
  });
  afterAll(() => dev.close());

  it('shows the upstream error name and message next to the gateway code', async () => {
    await dev.setFaults([
      { service: 'kendra', operation: 'ListDataSourceSyncJobs', denyAccess: true },
    ]);
    const response = await dev.gql(SYNC_JOBS, { idx: KENDRA_INDEX, ds: KENDRA_DS });
    const error = response.errors!.find((e) => e.extensions?.code === 'UPSTREAM_ACCESS_DENIED')!;
    expect(error.extensions!.upstream).toMatchObject({ name: 'AccessDeniedException' });
    expect(typeof error.extensions!.upstream.message).toBe('string');
  });
});

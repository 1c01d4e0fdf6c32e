/**
 * Shared responses (`--response-cache-ttl`): identical queries within the lifetime are answered
 * without an upstream call, on the gateway's clock; a start of a sync, a response with errors, a
 * caller with other scopes and another document each get a fresh answer.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '../../src/emulator';
import { BASE_TIME, KENDRA_DS, KENDRA_INDEX, singleSourceFixture } from '../helpers/fixtures';
import { startHarness, type Harness } from '../helpers/harness';
import { bearer, postGraphql } from '../helpers/http';

const clock = new ManualClock(BASE_TIME + 3_600_000);
const OPS_KEY = 'ops-key-0123456789abcdef';
const READER_KEY = 'reader-key-0123456789abcdef';
const FEED = '{ jobs(first: 5) { nodes { jobId state } } }';
const SUMMARY = '{ jobSummary(filter: { startedWithin: "P30D" }) { total } }';
const START = 'mutation($id: ID!) { startSync(dataSourceId: $id) { jobId } }';

let harness: Harness;
let dataSourceId: string;

const upstreamCalls = async () =>
  Object.values(await harness.stats()).reduce((sum, n) => sum + n, 0);

async function ask(key: string, query: string, variables?: Record<string, unknown>) {
  const { status, body, headers } = await postGraphql(
    harness.gatewayUrl,
    query,
    bearer(key),
    variables,
  );
  return { status, body, headers };
}

beforeAll(async () => {
  const keysFile = join(mkdtempSync(join(tmpdir(), 'sjg-response-cache-')), 'api-keys');
  const hash = createHash('sha256').update(OPS_KEY).digest('hex');
  writeFileSync(
    keysFile,
    `ops sha256:${hash} jobs:read jobs:sync\nreader ${READER_KEY} jobs:read\n`,
  );
  harness = await startHarness(
    singleSourceFixture(12),
    { clock, jobDurationSeconds: 600 },
    { responseCacheTtlSeconds: 2, auth: { apiKeysFile: keysFile } },
  );
  const { body } = await ask(
    OPS_KEY,
    'query($k: ID!, $d: ID!) { kendraIndex(id: $k) { dataSource(id: $d) { id } } }',
    { k: KENDRA_INDEX, d: KENDRA_DS },
  );
  dataSourceId = body.data.kendraIndex.dataSource.id;
});
afterAll(() => harness.close());
beforeEach(async () => {
  clock.advance(60_000); // whatever an earlier test left cached has expired
  await harness.setFaults([]);
  await harness.resetStats();
});

it('answers an identical query from the first response until its lifetime has passed', async () => {
  const first = await ask(OPS_KEY, FEED);
  expect(first.body.errors).toBeUndefined();
  const calls = await upstreamCalls();
  expect(calls).toBeGreaterThan(0);

  const again = await ask(OPS_KEY, FEED);
  expect(again.body.data).toEqual(first.body.data);
  expect(await upstreamCalls()).toBe(calls);
  expect(again.headers.get('cache-control')).toBe('no-store'); // shared here, not by browsers

  clock.advance(2_001);
  await ask(OPS_KEY, FEED);
  expect(await upstreamCalls()).toBeGreaterThan(calls);
});

it('keeps documents and variables apart', async () => {
  await ask(OPS_KEY, FEED);
  const calls = await upstreamCalls();
  const summary = await ask(OPS_KEY, SUMMARY);
  expect(summary.body.data.jobSummary.total).toBe(36); // 12 on each of the three sources
  expect(await upstreamCalls()).toBeGreaterThan(calls);
});

it('does not share a response between callers with different scopes', async () => {
  const ops = await ask(OPS_KEY, FEED);
  const calls = await upstreamCalls();
  const reader = await ask(READER_KEY, FEED);
  expect(reader.body.data).toEqual(ops.body.data);
  // Same data, but computed for the reader's own scopes, not copied from the operator's answer.
  expect(await upstreamCalls()).toBeGreaterThan(calls);
});

it('answers afresh after a sync was started, so the new job shows at once', async () => {
  const before = await ask(OPS_KEY, FEED);
  const started = await ask(OPS_KEY, START, { id: dataSourceId });
  expect(started.body.errors).toBeUndefined();
  const after = await ask(OPS_KEY, FEED);
  expect(after.body.data.jobs.nodes[0]).toEqual({
    jobId: started.body.data.startSync.jobId,
    state: 'RUNNING',
  });
  expect(after.body.data).not.toEqual(before.body.data);
});

it('never keeps a response that carries errors', async () => {
  await harness.setFaults([{ service: 'qconnect', operation: 'ListImportJobs', errorRate: 1 }]);
  const partial = await ask(OPS_KEY, FEED);
  expect(partial.body.errors?.[0].extensions.code).toBe('UPSTREAM_UNAVAILABLE');
  expect(partial.body.data.jobs.nodes.length).toBeGreaterThan(0);
  await harness.setFaults([]);
  const calls = await upstreamCalls();
  const whole = await ask(OPS_KEY, FEED);
  expect(whole.body.errors).toBeUndefined();
  expect(await upstreamCalls()).toBeGreaterThan(calls);
});

/**
 * Every request has an id, in its response header, in `extensions.requestId` of every error and
 * in every log line it causes; and it ends with one access log line (operation, duration,
 * upstream calls, error codes, caller), which never holds the credential.
 */
import { ManualClock } from '../../src/emulator';
import { KENDRA_DS, KENDRA_INDEX, singleSourceFixture } from '../helpers/fixtures';
import { startHarness, type Harness } from '../helpers/harness';
import { bearer, postGraphql } from '../helpers/http';
import { captureLogs, type LogCapture } from '../helpers/logCapture';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const KEY = 'dashboard-key-0123456789';
const SYNC_JOBS = `query Jobs($k: ID!, $d: ID!) {
  kendraIndex(id: $k) { name dataSource(id: $d) { syncJobs(first: 2) { nodes { jobId } } } }
}`;

let harness: Harness;
let logs: LogCapture;
beforeAll(async () => {
  logs = captureLogs();
  const keysFile = join(mkdtempSync(join(tmpdir(), 'sjg-keys-')), 'keys');
  writeFileSync(keysFile, `dashboard ${KEY} jobs:read\n`);
  harness = await startHarness(
    singleSourceFixture(3),
    {},
    {
      logLevel: 'debug',
      logDestination: logs.destination,
      auth: { apiKeysFile: keysFile },
    },
  );
});
afterAll(() => harness.close());
beforeEach(() => harness.setFaults([]));

const linesOf = (requestId: string) => logs.lines().filter((line) => line.requestId === requestId);

it('keeps a well-formed x-request-id and returns it in the header', async () => {
  const result = await postGraphql(harness.gatewayUrl, '{ __typename }', {
    ...bearer(KEY),
    'x-request-id': 'trace-01:ab.CD_9',
  });
  expect(result.headers.get('x-request-id')).toBe('trace-01:ab.CD_9');
});

it.each(['has spaces in it', 'x'.repeat(129), 'quote"d', ''])(
  'replaces the malformed x-request-id %j with a new UUID',
  async (sent) => {
    const result = await postGraphql(harness.gatewayUrl, '{ __typename }', {
      ...bearer(KEY),
      'x-request-id': sent,
    });
    expect(result.headers.get('x-request-id')).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    );
  },
);

it('gives every request a new id when none is sent', async () => {
  const [a, b] = await Promise.all(
    [1, 2].map(() => postGraphql(harness.gatewayUrl, '{ __typename }', bearer(KEY))),
  );
  expect(a.headers.get('x-request-id')).not.toBe(b.headers.get('x-request-id'));
});

it('puts the request id in every error, partial upstream errors and validation errors alike', async () => {
  await harness.setFaults([
    { service: 'kendra', operation: 'ListDataSourceSyncJobs', errorRate: 1 },
  ]);
  const failing = await postGraphql(
    harness.gatewayUrl,
    SYNC_JOBS,
    { ...bearer(KEY), 'x-request-id': 'req-partial' },
    {
      k: KENDRA_INDEX,
      d: KENDRA_DS,
    },
  );
  expect(failing.body.data.kendraIndex.name).toBe('enterprise-search');
  expect(failing.body.errors.length).toBeGreaterThan(0);
  for (const error of failing.body.errors) expect(error.extensions.requestId).toBe('req-partial');

  const invalid = await postGraphql(harness.gatewayUrl, '{ nope }', {
    ...bearer(KEY),
    'x-request-id': 'req-invalid',
  });
  expect(invalid.body.errors[0].extensions).toMatchObject({
    code: 'GRAPHQL_VALIDATION_FAILED',
    requestId: 'req-invalid',
  });
});

it('puts the request id in the edge’s own errors: 401 and unknown paths', async () => {
  const refused = await postGraphql(harness.gatewayUrl, '{ __typename }', {
    'x-request-id': 'req-401',
  });
  expect(refused.body.errors[0].extensions).toEqual({
    code: 'UNAUTHENTICATED',
    requestId: 'req-401',
  });
  const missing = await fetch(harness.gatewayUrl.replace('/graphql', '/nope'), {
    headers: { 'x-request-id': 'req-404' },
  });
  expect(((await missing.json()) as any).errors[0].extensions.requestId).toBe('req-404');
});

it('writes one access log line per request, with the request id on every line of the request', async () => {
  await harness.setFaults([
    { service: 'kendra', operation: 'ListDataSourceSyncJobs', errorRate: 1 },
  ]);
  await postGraphql(
    harness.gatewayUrl,
    SYNC_JOBS,
    { ...bearer(KEY), 'x-request-id': 'req-logged' },
    { k: KENDRA_INDEX, d: KENDRA_DS },
  );
  const lines = linesOf('req-logged');
  const access = lines.filter((line) => line.msg === 'request completed');
  expect(access).toHaveLength(1);
  expect(access[0]).toMatchObject({
    requestId: 'req-logged',
    method: 'POST',
    path: '/graphql',
    status: 200,
    operationName: 'Jobs',
    caller: 'dashboard',
    errorCodes: ['UPSTREAM_UNAVAILABLE'],
  });
  expect(typeof access[0].durationMs).toBe('number');
  // The upstream calls of the request were logged (debug), under its id, and counted.
  const upstream = lines.filter((line) => line.msg === 'upstream call');
  expect(upstream.length).toBeGreaterThan(0);
  expect(access[0].upstreamCalls).toBe(upstream.length);
});

it('logs a refused request with its code and never the credential', async () => {
  const secret = 'not-a-valid-key-but-secret-0123';
  await postGraphql(harness.gatewayUrl, '{ __typename }', {
    ...bearer(secret),
    'x-request-id': 'req-refused',
  });
  await postGraphql(harness.gatewayUrl, '{ __typename }', {
    ...bearer(KEY),
    'x-request-id': 'req-good-key',
  });
  const [refused] = linesOf('req-refused');
  expect(refused).toMatchObject({
    msg: 'request completed',
    status: 401,
    errorCodes: ['UNAUTHENTICATED'],
  });
  expect(refused.caller).toBeUndefined();
  expect(linesOf('req-good-key')[0].caller).toBe('dashboard');
  expect(logs.text()).not.toContain(secret);
  expect(logs.text()).not.toContain(KEY);
});

it('logs a request whose client left before the answer as aborted, once', async () => {
  const clock = new ManualClock();
  const aborted = captureLogs();
  const slow = await startHarness(
    singleSourceFixture(3),
    { clock },
    { logLevel: 'info', logDestination: aborted.destination, now: Date.now },
  );
  try {
    // Upstream answers only when the test moves the emulator's clock: the request hangs.
    await slow.setFaults([
      { service: 'kendra', operation: 'ListDataSourceSyncJobs', latencyMs: 60_000 },
    ]);
    const client = new AbortController();
    const sleeping = clock.nextSleep();
    const request = fetch(slow.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'req-gone' },
      body: JSON.stringify({ query: '{ jobs(first: 1) { nodes { jobId } } }' }),
      signal: client.signal,
    });
    await sleeping;
    client.abort();
    await expect(request).rejects.toThrow();
    const line = await aborted.line((l) => l.requestId === 'req-gone' && l.path === '/graphql');
    expect(line).toMatchObject({ msg: 'request aborted', level: 40, method: 'POST' });
    clock.advance(60_000);
  } finally {
    await slow.close();
  }
  expect(aborted.lines().filter((l) => l.requestId === 'req-gone' && l.path)).toHaveLength(1);
}, 15_000);

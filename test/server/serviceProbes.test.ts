/**
 * `/readyz` with the service probes: ready when the store is reachable and each served service
 * answered its last probe (one cheap list call per service, at most once per interval, on the
 * gateway's clock); 503 naming what is not ready. `/healthz` stays liveness only.
 */
import { BASE_TIME, singleSourceFixture } from '../helpers/fixtures';
import { startHarness, type Harness } from '../helpers/harness';

let harness: Harness;
let clock = BASE_TIME;
let base: string;
beforeAll(async () => {
  harness = await startHarness(
    singleSourceFixture(1),
    {},
    { now: () => clock, readinessIntervalMs: 30_000 },
  );
  base = harness.gatewayUrl.replace(/\/graphql$/, '');
});
afterAll(() => harness.close());

async function readyz(): Promise<{ status: number; body: any }> {
  const response = await fetch(`${base}/readyz`);
  return { status: response.status, body: await response.json() };
}

it('is ready when every service answers its probe, with one cheap call per service', async () => {
  await harness.resetStats();
  const { status, body } = await readyz();
  expect(status).toBe(200);
  expect(body).toEqual({ status: 'ready' });
  expect(await harness.stats()).toEqual({
    'kendra.ListIndices': 1,
    'qbusiness.ListApplications': 1,
    'qconnect.ListKnowledgeBases': 1,
  });
});

it('answers from the last probe within the interval, then probes again and says what is not ready', async () => {
  await harness.resetStats();
  await harness.setFaults([{ service: 'qconnect', operation: 'ListKnowledgeBases', errorRate: 1 }]);
  expect((await readyz()).status).toBe(200);
  expect(await harness.stats()).toEqual({});

  clock += 30_000;
  const { status, body } = await readyz();
  expect(status).toBe(503);
  expect(body).toEqual({
    status: 'unavailable',
    failing: [
      { name: 'qconnect', reason: expect.stringMatching(/^Amazon Q in Connect is unavailable/) },
    ],
  });
  expect((await harness.stats())['qconnect.ListKnowledgeBases']).toBe(1);

  const health = await fetch(`${base}/healthz`);
  expect(health.status).toBe(200);

  await harness.setFaults([]);
  clock += 30_000;
  expect((await readyz()).status).toBe(200);
});

it('probes only the services the gateway serves', async () => {
  const kendraOnly = await startHarness(singleSourceFixture(1), {}, { servedServices: ['KENDRA'] });
  try {
    await kendraOnly.resetStats();
    const response = await fetch(kendraOnly.gatewayUrl.replace(/\/graphql$/, '/readyz'));
    expect(await response.json()).toEqual({ status: 'ready' });
    expect(await kendraOnly.stats()).toEqual({ 'kendra.ListIndices': 1 });
  } finally {
    await kendraOnly.close();
  }
});

/**
 * Fail fast upstream, end to end: with Kendra answering in 15 s and a 2 s time-out, twenty
 * concurrent feed queries all answer with coded errors for Kendra next to the other services'
 * data; Kendra's breaker then opens and later queries fail at once, without calling Kendra.
 * No durations are asserted: the behaviour is read from the responses, the emulator's stats and
 * /metrics.
 */
import { multiSourceFixture } from '../helpers/fixtures';
import { startHarness, type Harness } from '../helpers/harness';

const FEED = '{ jobs(first: 5) { nodes { service } } }';
let harness: Harness;
beforeAll(async () => {
  harness = await startHarness(
    multiSourceFixture({ apps: 1, indexes: 1, kbs: 1, perIndex: 1, jobs: 30 }),
    {},
    {
      upstreamTimeoutMs: 2000,
    },
  );
  // Discovery is warm before Kendra slows down.
  const warm = await harness.gql('{ sources(first: 100) { nodes { service } } }');
  expect(warm.errors).toBeUndefined();
  await harness.setFaults([
    { service: 'kendra', operation: 'ListDataSourceSyncJobs', latencyMs: 15_000 },
  ]);
  await harness.resetStats();
});
afterAll(() => harness.close());

it("answers twenty concurrent queries with coded Kendra errors and the other services' data, then fails fast", async () => {
  const responses = await Promise.all(Array.from({ length: 20 }, () => harness.gql(FEED)));
  for (const response of responses) {
    const services = new Set(response.data.jobs.nodes.map((n: any) => n.service));
    expect(services.has('KENDRA')).toBe(false);
    expect(services.has('QBUSINESS') || services.has('QCONNECT')).toBe(true);
    // Kendra's read is reported in every response; on a loaded machine another service may time
    // out too, but every error is coded and names its service.
    expect(response.errors?.some((e) => e.extensions?.service === 'KENDRA')).toBe(true);
    for (const error of response.errors!) {
      expect(['UPSTREAM_TIMEOUT', 'UPSTREAM_UNAVAILABLE']).toContain(error.extensions!.code);
      expect(['KENDRA', 'QBUSINESS', 'QCONNECT']).toContain(error.extensions!.service);
    }
  }
  // All twenty were in flight at once (no queue behind a small limit): one Kendra read each.
  expect((await harness.stats())['kendra.ListDataSourceSyncJobs']).toBe(20);
  const metrics = await (await fetch(harness.gatewayUrl.replace(/graphql$/, 'metrics'))).text();
  expect(metrics).toContain('syncjobs_upstream_circuit_open{service="KENDRA"} 1');
  expect(metrics).toContain('syncjobs_upstream_in_flight_limit{service="KENDRA"} 64');
  expect(metrics).toMatch(/syncjobs_upstream_in_flight\{service="KENDRA"\} \d+/);

  // While open, Kendra is not called at all, and the error says when to retry.
  await harness.resetStats();
  const next = await harness.gql(FEED);
  const kendra = next.errors?.find((e) => e.extensions?.service === 'KENDRA');
  expect(kendra?.extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
  expect(kendra!.extensions!.retryAfter).toBeGreaterThanOrEqual(1);
  expect(kendra!.extensions!.retryAfter).toBeLessThanOrEqual(15);
  expect((await harness.stats())['kendra.ListDataSourceSyncJobs']).toBeUndefined();
  expect(next.data.jobs.nodes.length).toBeGreaterThan(0);
});

describe('with a service answering errors', () => {
  let errors: Harness;
  // The gateway's clock: wall time until a test moves it ahead.
  let ahead = 0;
  beforeAll(async () => {
    errors = await startHarness(
      multiSourceFixture({ apps: 1, indexes: 1, kbs: 1, perIndex: 1, jobs: 30 }),
      {},
      { now: () => Date.now() + ahead },
    );
    expect(
      (await errors.gql('{ sources(first: 100) { nodes { service } } }')).errors,
    ).toBeUndefined();
  });
  afterAll(() => errors.close());

  it("opens Q Connect's breaker after five failed calls, stops calling it, and a probe closes it", async () => {
    await errors.setFaults([{ service: 'qconnect', errorRate: 1 }]);
    await errors.resetStats();
    for (let i = 0; i < 5; i++) {
      const response = await errors.gql(FEED);
      expect(response.errors?.map((e) => [e.extensions?.service, e.extensions?.code])).toEqual([
        ['QCONNECT', 'UPSTREAM_UNAVAILABLE'],
      ]);
    }
    expect((await errors.stats())['qconnect.ListImportJobs']).toBe(5);
    const open = await errors.gql(FEED);
    expect(open.errors?.[0].extensions).toMatchObject({
      service: 'QCONNECT',
      code: 'UPSTREAM_UNAVAILABLE',
      retryAfter: 15,
    });
    expect((await errors.stats())['qconnect.ListImportJobs']).toBe(5);
    expect(open.data.jobs.nodes.length).toBe(5);

    // The service recovers; once the breaker's time has passed (its clock moved, not waited for),
    // one probe call goes through and closes it.
    await errors.setFaults([]);
    ahead += 16_000;
    const probe = await errors.gql(FEED);
    expect(probe.errors).toBeUndefined();
    expect((await errors.stats())['qconnect.ListImportJobs']).toBe(6);
    expect((await errors.gql(FEED)).errors).toBeUndefined();
  });
});

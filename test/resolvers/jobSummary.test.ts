/** `Query.jobSummary`: counts by state, per service and per source, failure rates, window rules, partial results. */
import { ManualClock } from '../../src/emulator';
import { BASE_TIME, feedOrder, multiSourceFixture } from '../helpers/fixtures';
import { startHarness, type Harness } from '../helpers/harness';

const FIXTURE = multiSourceFixture({ apps: 3, indexes: 2, kbs: 3, perIndex: 2, jobs: 20 });
const HOUR = 3_600_000;
const SUMMARY = `query($filter: JobFilter!) { jobSummary(filter: $filter) {
  startedAfter startedBefore total failureRate byState { state count }
  services { service total failureRate byState { state count } }
  sources { source { id service sourceId } total failureRate } } }`;

// the gateway's "now" (the default end of a summary window): an hour after the newest job
const clock = new ManualClock(BASE_TIME + HOUR);
let harness: Harness;
beforeAll(async () => {
  harness = await startHarness(FIXTURE, { clock });
});
afterAll(() => harness.close());
beforeEach(() => harness.setFaults([]));

const window = {
  startedAfter: new Date(BASE_TIME - 12 * HOUR).toISOString(),
  startedBefore: new Date(BASE_TIME).toISOString(),
};
const inWindow = feedOrder(FIXTURE).filter(
  (r) => r.time >= Date.parse(window.startedAfter) && r.time <= Date.parse(window.startedBefore),
);

function tally(rows: { state: string }[]) {
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(row.state, (counts.get(row.state) ?? 0) + 1);
  return counts;
}

function rate(counts: Map<string, number>) {
  const finished = ['SUCCEEDED', 'FAILED', 'INCOMPLETE', 'ABORTED'].reduce(
    (sum, s) => sum + (counts.get(s) ?? 0),
    0,
  );
  return finished === 0 ? null : (counts.get('FAILED') ?? 0) / finished;
}

it('counts the jobs of the window by state, per service and per source', async () => {
  const { data, errors } = await harness.gql(SUMMARY, { filter: window });
  expect(errors).toBeUndefined();
  const summary = data.jobSummary;
  const expected = tally(inWindow);
  expect(summary.total).toBe(inWindow.length);
  expect(new Map(summary.byState.map((s: any) => [s.state, s.count]))).toEqual(expected);
  expect(summary.failureRate).toBeCloseTo(rate(expected)!, 10);
  for (const service of ['KENDRA', 'QBUSINESS', 'QCONNECT']) {
    const rows = inWindow.filter((r) => r.service === service);
    const entry = summary.services.find((s: any) => s.service === service);
    expect(entry.total).toBe(rows.length);
    expect(entry.failureRate).toBeCloseTo(rate(tally(rows))!, 10);
  }
  expect(summary.sources).toHaveLength(13);
  expect(summary.sources.reduce((sum: number, s: any) => sum + s.total, 0)).toBe(inWindow.length);
});

it('narrows by state and service, and defaults startedBefore to now', async () => {
  const { data, errors } = await harness.gql(SUMMARY, {
    filter: { startedAfter: window.startedAfter, states: ['FAILED'], services: ['QBUSINESS'] },
  });
  expect(errors).toBeUndefined();
  expect(Date.parse(data.jobSummary.startedBefore)).toBe(clock.now());
  const rows = feedOrder(FIXTURE).filter(
    (r) =>
      r.state === 'FAILED' &&
      r.service === 'QBUSINESS' &&
      r.time >= Date.parse(window.startedAfter),
  );
  expect(data.jobSummary.total).toBe(rows.length);
  expect(data.jobSummary.failureRate).toBe(rows.length === 0 ? null : 1);
});

it('has a null failure rate when nothing finished', async () => {
  const { data } = await harness.gql(SUMMARY, {
    filter: {
      startedAfter: new Date(BASE_TIME + HOUR).toISOString(),
      startedBefore: new Date(BASE_TIME + 2 * HOUR).toISOString(),
    },
  });
  expect(data.jobSummary).toMatchObject({ total: 0, failureRate: null, byState: [] });
});

it.each([
  [{ startedAfter: '2026-01-01T00:00:00Z', startedBefore: '2026-03-01T00:00:00Z' }, '31 days'],
  [{ startedBefore: '2026-03-01T00:00:00Z' }, 'startedAfter'],
  [{ startedAfter: '2026-03-02T00:00:00Z', startedBefore: '2026-03-01T00:00:00Z' }, 'later'],
])('refuses the window %j as BAD_USER_INPUT', async (filter, mentioned) => {
  const { errors } = await harness.gql(SUMMARY, { filter });
  expect(errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  expect(errors?.[0].message).toContain(mentioned);
});

it('still counts the other sources when one fails, with one error for it', async () => {
  const failing = FIXTURE.kendra!.indices[0].dataSources[1];
  await harness.setFaults([
    { service: 'kendra', resourceId: failing.Id, throttleRps: 0.0001 },
    { service: 'kendra', resourceId: failing.Id, errorRate: 1 },
  ]);
  const { data, errors } = await harness.gql(SUMMARY, { filter: window });
  const failingJobs = new Set(failing.syncJobs.map((j) => j.ExecutionId));
  expect(data.jobSummary.total).toBe(inWindow.filter((r) => !failingJobs.has(r.jobId)).length);
  expect(errors).toHaveLength(1);
  expect(errors![0]).toMatchObject({ path: ['jobSummary'], extensions: { service: 'KENDRA' } });
  expect(['UPSTREAM_UNAVAILABLE', 'UPSTREAM_THROTTLED']).toContain(errors![0].extensions!.code);
});

it('reports null counts, not 0, when no source answered', async () => {
  await harness.gql(SUMMARY, { filter: window });
  await harness.resetStats();
  await harness.setFaults([{ errorRate: 1 }]);
  const { data, errors } = await harness.gql(SUMMARY, { filter: window });
  expect(data.jobSummary).toMatchObject({
    total: null,
    byState: null,
    failureRate: null,
    services: [],
    sources: [],
  });
  expect(errors).toHaveLength(13);
  for (const error of errors!) expect(error.extensions?.code).toBe('UPSTREAM_UNAVAILABLE');
  const stats = await harness.stats();
  const listCalls =
    (stats['kendra.ListDataSourceSyncJobs'] ?? 0) +
    (stats['qbusiness.ListDataSourceSyncJobs'] ?? 0) +
    (stats['qconnect.ListImportJobs'] ?? 0);
  expect(listCalls).toBe(13);
});

describe('when no service can even be listed', () => {
  let cold: Harness;
  beforeAll(async () => {
    cold = await startHarness(FIXTURE);
    await cold.setFaults([{ errorRate: 1 }]);
  });
  afterAll(() => cold.close());

  it('reports null counts with one error per service, after one listing call each', async () => {
    const { data, errors } = await cold.gql(SUMMARY, { filter: window });
    expect(data.jobSummary).toMatchObject({
      total: null,
      byState: null,
      services: [],
      sources: [],
    });
    expect(errors?.map((e) => e.extensions?.service).sort()).toEqual([
      'KENDRA',
      'QBUSINESS',
      'QCONNECT',
    ]);
    expect(await cold.stats()).toEqual({
      'kendra.ListIndices': 1,
      'qbusiness.ListApplications': 1,
      'qconnect.ListKnowledgeBases': 1,
    });
  });
});

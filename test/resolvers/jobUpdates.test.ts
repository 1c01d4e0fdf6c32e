/**
 * `Subscription.jobUpdates` over graphql-ws, against the emulator: a started sync is sent as
 * RUNNING, then each change until it ends; one shared poller per source however many subscribe;
 * failing polls end nothing; a source that disappears, and shutdown, complete the subscription.
 * The emulator's jobs and the gateway's pollers run on one ManualClock that the tests move.
 */
import { ManualClock } from '../../src/emulator';
import {
  BASE_TIME,
  KENDRA_DS,
  KENDRA_INDEX,
  QB_APP,
  QB_DS,
  QB_INDEX,
  singleSourceFixture,
} from '../helpers/fixtures';
import { startHarness, type Harness } from '../helpers/harness';
import { PollClock } from '../helpers/pollClock';
import { subscribe, type Subscriber } from '../helpers/subscriptions';

const INTERVAL = 10_000;
const RUNNING_INTERVAL = 2_000;
const JOB_SECONDS = 40;
const TERMINAL = ['SUCCEEDED', 'FAILED', 'ABORTED', 'INCOMPLETE'];

const JOB_UPDATES = `subscription($filter: JobFilter) {
  jobUpdates(filter: $filter) {
    id jobId state endedAt source { id }
    ... on SyncJob { statusRaw metrics { documentsScanned } }
  }
}`;
const START = `mutation($id: ID!) { startSync(dataSourceId: $id) { jobId state } }`;

let harness: Harness;
let clock: PollClock;
const ids: Record<string, string> = {};
const open: Subscriber[] = [];

function watch(filter: Record<string, unknown>): Subscriber {
  const subscriber = subscribe(harness.gatewayUrl, JOB_UPDATES, { filter });
  open.push(subscriber);
  return subscriber;
}

async function startSync(id: string): Promise<string> {
  const { data, errors } = await harness.gql(START, { id });
  expect(errors).toBeUndefined();
  return data.startSync.jobId;
}

async function metric(name: string, labels = ''): Promise<number> {
  const text = await (await fetch(harness.gatewayUrl.replace('/graphql', '/metrics'))).text();
  const line = text
    .split('\n')
    .find((row) => row.startsWith(`${name}${labels} `) || row.startsWith(`${name}${labels}{`));
  return line ? Number(line.split(' ').pop()) : 0;
}

/** Polled sources after the server has seen the clients leave (they leave asynchronously). */
async function polledSourcesOnceSettled(expected: number): Promise<number> {
  for (let attempt = 0; attempt < 500; attempt++) {
    const count = await metric('syncjobs_subscription_polled_sources');
    if (count === expected) return count;
  }
  return metric('syncjobs_subscription_polled_sources');
}

beforeAll(async () => {
  const manual = new ManualClock(BASE_TIME + 3_600_000);
  clock = new PollClock(manual);
  harness = await startHarness(
    singleSourceFixture(3),
    { clock: manual, jobDurationSeconds: JOB_SECONDS },
    {
      clock,
      pollIntervalMs: INTERVAL,
      pollIntervalRunningMs: RUNNING_INTERVAL,
      maxSubscriptionSources: 2,
    },
  );
  const { data } = await harness.gql(
    `query($k: ID!, $kd: ID!, $a: ID!, $i: ID!, $d: ID!) {
      kendraIndex(id: $k) { dataSource(id: $kd) { id } }
      qbusinessApplication(id: $a) { index(id: $i) { dataSource(id: $d) { id } } } }`,
    { k: KENDRA_INDEX, kd: KENDRA_DS, a: QB_APP, i: QB_INDEX, d: QB_DS },
  );
  ids.kendra = data.kendraIndex.dataSource.id;
  ids.qbusiness = data.qbusinessApplication.index.dataSource.id;
});
afterEach(async () => {
  await Promise.all(open.splice(0).map((subscriber) => subscriber.close()));
  await harness.setFaults([]);
  expect(await polledSourcesOnceSettled(0)).toBe(0);
});
afterAll(() => harness.close());

it('sends a started sync as RUNNING, then each change in order until it ends, once each and only for its source', async () => {
  const rounds = clock.rounds;
  const kendra = watch({ sources: [ids.kendra] });
  watch({ sources: [ids.qbusiness] });
  await clock.roundsDone(rounds + 2); // both pollers took their first look
  const jobId = await startSync(ids.kendra);
  await startSync(ids.qbusiness);

  await clock.advance(INTERVAL, 2);
  const seen = [(await kendra.next()).jobUpdates];
  expect(seen[0]).toMatchObject({
    jobId,
    state: 'RUNNING',
    statusRaw: 'SYNCING',
    endedAt: null,
    source: { id: ids.kendra },
  });
  while (!TERMINAL.includes(seen[seen.length - 1].state)) {
    await clock.advance(RUNNING_INTERVAL, 2);
    seen.push((await kendra.next()).jobUpdates);
  }

  expect(seen.every((job) => job.jobId === jobId && job.source.id === ids.kendra)).toBe(true);
  const statuses = seen
    .map((job) => job.statusRaw)
    .filter((status, i, all) => status !== all[i - 1]);
  expect(statuses).toEqual(['SYNCING', 'SYNCING_INDEXING', 'SUCCEEDED']);
  const scanned = seen.map((job) => Number(job.metrics.documentsScanned));
  expect(scanned).toEqual([...scanned].sort((a, b) => a - b));
  const shown = seen.map((job) => JSON.stringify([job.statusRaw, job.metrics, job.endedAt]));
  expect(new Set(shown).size).toBe(shown.length);
  expect(seen[seen.length - 1].endedAt).toEqual(expect.any(String));

  // Nothing more for the finished job: the next message is the next job.
  await clock.advance(INTERVAL, 2);
  await clock.advance(INTERVAL, 2);
  const nextJobId = await startSync(ids.kendra);
  await clock.advance(INTERVAL, 2);
  expect((await kendra.next()).jobUpdates).toMatchObject({ jobId: nextJobId, state: 'RUNNING' });
  await clock.advance(JOB_SECONDS * 1000, 2); // let it end before the next test
});

it('polls a source once per interval however many subscribe, and stops when the last one leaves', async () => {
  const rounds = clock.rounds;
  await harness.resetStats();
  const first = watch({ sources: [ids.kendra] });
  const second = watch({ sources: [ids.kendra], states: ['RUNNING'] });
  await clock.roundsDone(rounds + 1);
  expect(await metric('syncjobs_subscription_polled_sources')).toBe(1);
  for (let i = 0; i < 3; i++) await clock.advance(INTERVAL, 1);
  expect((await harness.stats())['kendra.ListDataSourceSyncJobs']).toBe(4);

  const jobId = await startSync(ids.kendra);
  await harness.resetStats();
  await clock.advance(INTERVAL, 1);
  expect((await first.next()).jobUpdates.jobId).toBe(jobId);
  expect((await second.next()).jobUpdates.jobId).toBe(jobId);
  expect((await harness.stats())['kendra.ListDataSourceSyncJobs']).toBe(1);

  await Promise.all(open.splice(0).map((subscriber) => subscriber.close()));
  expect(await polledSourcesOnceSettled(0)).toBe(0);
  await harness.resetStats();
  clock.manual.advance(JOB_SECONDS * 1000);
  expect((await harness.stats())['kendra.ListDataSourceSyncJobs'] ?? 0).toBe(0);
});

it('keeps a subscription through failing polls, counting them, and sends the next change once a poll succeeds', async () => {
  const rounds = clock.rounds;
  const kendra = watch({ sources: [ids.kendra] });
  await clock.roundsDone(rounds + 1);
  const jobId = await startSync(ids.kendra);
  await harness.setFaults([
    { service: 'kendra', operation: 'ListDataSourceSyncJobs', errorRate: 1 },
  ]);
  const failuresBefore = await metric(
    'syncjobs_subscription_polls_total',
    '{service="KENDRA",outcome="UPSTREAM_UNAVAILABLE"}',
  );
  await clock.advance(INTERVAL, 1);
  await clock.advance(INTERVAL, 1);
  expect(
    await metric(
      'syncjobs_subscription_polls_total',
      '{service="KENDRA",outcome="UPSTREAM_UNAVAILABLE"}',
    ),
  ).toBe(failuresBefore + 2);
  expect(
    await metric(
      'syncjobs_upstream_calls_total',
      '{service="KENDRA",operation="ListDataSourceSyncJobs",outcome="UPSTREAM_UNAVAILABLE"}',
    ),
  ).toBeGreaterThanOrEqual(2);

  await harness.setFaults([]);
  await clock.advance(INTERVAL, 1);
  expect((await kendra.next()).jobUpdates).toMatchObject({ jobId, state: 'RUNNING' });
  await clock.advance(JOB_SECONDS * 1000, 1);
});

it('refuses a subscription over more sources than allowed, and queries over WebSocket', async () => {
  const all = watch({});
  await expect(all.next()).rejects.toMatchObject({
    errors: [
      expect.objectContaining({
        extensions: expect.objectContaining({ code: 'QUERY_TOO_COMPLEX' }),
      }),
    ],
  });
  const query = subscribe(harness.gatewayUrl, '{ jobs(first: 1) { nodes { id } } }');
  open.push(query);
  await expect(query.next()).rejects.toMatchObject({
    errors: [
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_REQUEST' }) }),
    ],
  });
});

it('holds a subscription to the cost budget, and sends `complete` to every subscriber on shutdown', async () => {
  const manual = new ManualClock(BASE_TIME + 3_600_000);
  const own = new PollClock(manual);
  const gateway = await startHarness(
    singleSourceFixture(1),
    { clock: manual },
    { clock: own, maxCost: 1 },
  );
  // The cost budget bounds a subscription too: one upstream call per covered source and poll.
  const overBudget = subscribe(gateway.gatewayUrl, JOB_UPDATES, {
    filter: { services: ['KENDRA', 'QBUSINESS'] },
  });
  open.push(overBudget);
  await expect(overBudget.next()).rejects.toMatchObject({
    errors: [
      expect.objectContaining({
        extensions: expect.objectContaining({ code: 'QUERY_TOO_COMPLEX', cost: 2, limit: 1 }),
      }),
    ],
  });
  const subscriber = subscribe(gateway.gatewayUrl, JOB_UPDATES, {
    filter: { services: ['KENDRA'] },
  });
  open.push(subscriber);
  await own.roundsDone(1);
  await gateway.close();
  expect(await subscriber.completed()).toBe(true);
});

// Last: the catalog may have noticed that the source is gone.
it('completes the subscription when its source disappears', async () => {
  const rounds = clock.rounds;
  const kendra = watch({ sources: [ids.kendra] });
  await clock.roundsDone(rounds + 1);
  const withoutKendra = singleSourceFixture(3);
  delete withoutKendra.kendra;
  await harness.loadFixture(withoutKendra);
  clock.manual.advance(INTERVAL);
  expect(await kendra.completed()).toBe(true);
  await harness.loadFixture(singleSourceFixture(3));
});

/**
 * Replicas on one Redis share their pollers: two gateway processes (in-process servers with their
 * own SDK clients, hubs and Redis connections) each serve a subscriber on one source; only the
 * lease holder polls it, and the change it sees reaches both subscribers through pub/sub. When
 * one replica's subscriber leaves, the other replica polls the source on its own (taking the lease
 * over if it must, continuing from the snapshot its predecessor left in Redis).
 */
import { ManualClock, startEmulator } from '../../src/emulator';
import { startGateway, type RunningGateway } from '../../src/server/createGateway';
import { BASE_TIME, KENDRA_DS, KENDRA_INDEX, singleSourceFixture } from '../helpers/fixtures';
import { PollClock } from '../helpers/pollClock';
import { startRedis, type RedisServer } from '../helpers/redis';
import { subscribe, type Subscriber } from '../helpers/subscriptions';

const INTERVAL = 10_000;
const QUERY = `subscription($filter: JobFilter) { jobUpdates(filter: $filter) { jobId state } }`;

let redis: RedisServer;
let emulator: Awaited<ReturnType<typeof startEmulator>>;
let gateways: RunningGateway[];
let clock: PollClock;
const subscribers: Subscriber[] = [];

async function gql(gateway: RunningGateway, query: string, variables: Record<string, unknown>) {
  const response = await fetch(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data: any; errors?: unknown };
}

async function listCalls(): Promise<number> {
  const stats = (await (await fetch(`${emulator.url}/_emulator/stats`)).json()) as {
    calls: Record<string, number>;
  };
  return stats.calls['kendra.ListDataSourceSyncJobs'] ?? 0;
}

async function resetStats(): Promise<void> {
  await fetch(`${emulator.url}/_emulator/stats`, { method: 'DELETE' });
}

beforeAll(async () => {
  redis = await startRedis();
  const manual = new ManualClock(BASE_TIME + 3_600_000);
  clock = new PollClock(manual);
  emulator = await startEmulator({
    port: 0,
    fixture: singleSourceFixture(2),
    clock: manual,
    jobDurationSeconds: 60,
  });
  const replica = () =>
    startGateway({
      port: 0,
      endpoint: emulator.url,
      region: 'us-east-1',
      maxAttempts: 1,
      logLevel: 'silent',
      clock,
      pollIntervalMs: INTERVAL,
      store: redis.url,
      // Every poll goes upstream, so the emulator's counts are the polls (the shared page cache
      // would answer some of them from a page the other replica or a mutation just read).
      pageCache: false,
    });
  gateways = [await replica(), await replica()];
}, 60_000);
afterAll(async () => {
  await Promise.all(subscribers.map((subscriber) => subscriber.close()));
  await Promise.all((gateways ?? []).map((gateway) => gateway.close()));
  await emulator?.close();
  await redis?.close();
});

it('polls a source from one replica only, and both replicas\u2019 subscribers get its changes', async () => {
  const { data } = await gql(
    gateways[0],
    `query($k: ID!, $d: ID!) { kendraIndex(id: $k) { dataSource(id: $d) { id } } }`,
    {
      k: KENDRA_INDEX,
      d: KENDRA_DS,
    },
  );
  const filter = { sources: [data.kendraIndex.dataSource.id] };
  await resetStats();
  subscribers.push(...gateways.map((gateway) => subscribe(gateway.url, QUERY, { filter })));
  await clock.roundsDone(2); // each replica's poller: one took the lease and looked, one skipped
  expect(await listCalls()).toBe(1);
  expect(gateways.map((gateway) => gateway.live.pollerCount)).toEqual([1, 1]);

  const start = await gql(
    gateways[1],
    `mutation($id: ID!) { startSync(dataSourceId: $id) { jobId } }`,
    {
      id: filter.sources[0],
    },
  );
  const jobId = start.data.startSync.jobId;
  await resetStats();
  await clock.advance(INTERVAL, 2);
  expect(await listCalls()).toBe(1);
  for (const subscriber of subscribers) {
    expect((await subscriber.next()).jobUpdates).toEqual({ jobId, state: 'RUNNING' });
  }

  // Three more intervals: still one poll each, whichever replica holds the lease.
  await resetStats();
  for (let i = 0; i < 3; i++) await clock.advance(INTERVAL, 2);
  expect(await listCalls()).toBe(3);

  await subscribers[0].close();
  await gateways[0].live.whenIdle();
  expect(gateways.map((gateway) => gateway.live.pollerCount)).toEqual([0, 1]);
  const states: string[] = [];
  for (let i = 0; i < 10 && !['SUCCEEDED', 'FAILED'].includes(states[states.length - 1]); i++) {
    await resetStats();
    await clock.advance(INTERVAL, 1);
    expect(await listCalls()).toBeLessThanOrEqual(1);
    const calls = await listCalls();
    if (calls === 1) states.push((await subscribers[1].next()).jobUpdates.state);
  }
  expect(states[states.length - 1]).toMatch(/SUCCEEDED|FAILED/);
}, 60_000);

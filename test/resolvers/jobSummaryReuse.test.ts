/**
 * A repeated dashboard summary costs only its newest pages: jobs that had finished when a summary
 * read them are not read again, in both token modes, and the counts stay those of a fresh read.
 */
import {
  BASE_TIME,
  KENDRA_DS,
  KENDRA_INDEX,
  kendraJobs,
  singleSourceFixture,
} from '../helpers/fixtures';
import { startHarness, type Harness } from '../helpers/harness';

const HOUR = 3_600_000;
const COUNT = 100; // Kendra and Q Business: ten pages of 10; Q Connect: one page of 100
const SUMMARY = `query($after: DateTime!) { jobSummary(filter: { startedAfter: $after }) {
  total byState { state count } sources { source { service } total } } }`;
const LISTS = [
  'kendra.ListDataSourceSyncJobs',
  'qbusiness.ListDataSourceSyncJobs',
  'qconnect.ListImportJobs',
];

describe.each(['keyset', 'offset'] as const)('a repeated summary with %s tokens', (tokenMode) => {
  let clock = BASE_TIME + HOUR;
  let harness: Harness;
  let fresh: Harness;
  beforeAll(async () => {
    const now = () => clock;
    harness = await startHarness(singleSourceFixture(COUNT), { tokenMode }, { pageCache: {}, now });
    fresh = await startHarness(singleSourceFixture(COUNT), { tokenMode }, { now });
  });
  afterAll(async () => {
    await harness.close();
    await fresh.close();
  });

  const listCalls = async () => {
    const stats = await harness.stats();
    return Object.fromEntries(LISTS.map((operation) => [operation, stats[operation] ?? 0]));
  };
  const summary = async (target: Harness) => {
    const response = await target.gql(SUMMARY, {
      after: new Date(BASE_TIME - 200 * HOUR).toISOString(),
    });
    expect(response.errors).toBeUndefined();
    return response.data.jobSummary;
  };

  it('reads only the pages newer than the jobs it counted before, with the same counts', async () => {
    await harness.resetStats();
    const first = await summary(harness);
    expect(first.total).toBe(3 * COUNT);
    expect(await listCalls()).toEqual({ [LISTS[0]]: 10, [LISTS[1]]: 10, [LISTS[2]]: 1 });

    // Three new Kendra jobs, and the first pages' few seconds pass.
    const newer = kendraJobs(3, 7).map((job, i) => ({
      ...job,
      StartTime: new Date(BASE_TIME + (i + 1) * 60_000).toISOString(),
      EndTime: new Date(BASE_TIME + (i + 2) * 60_000).toISOString(),
    }));
    const body = { service: 'kendra', indexId: KENDRA_INDEX, dataSourceId: KENDRA_DS, jobs: newer };
    await harness.addJobs(body);
    await fresh.addJobs(body);
    clock += 10_000;
    await harness.resetStats();

    const second = await summary(harness);
    expect(await listCalls()).toEqual({ [LISTS[0]]: 1, [LISTS[1]]: 1, [LISTS[2]]: 1 });
    expect(second).toEqual(await summary(fresh));
    expect(second.total).toBe(3 * COUNT + 3);
  });
});

it('counts a short window inside a run a longer summary stored, as a fresh read does', async () => {
  let clock = BASE_TIME + HOUR;
  const now = () => clock;
  const cached = await startHarness(singleSourceFixture(COUNT), {}, { pageCache: {}, now });
  const fresh = await startHarness(singleSourceFixture(COUNT), {}, { now });
  try {
    const ask = async (target: Harness, hoursBack: number) => {
      const response = await target.gql(SUMMARY, {
        after: new Date(BASE_TIME - hoursBack * HOUR).toISOString(),
      });
      expect(response.errors).toBeUndefined();
      return response.data.jobSummary;
    };
    await ask(cached, 200); // stores each source's whole history as a run
    for (const hoursBack of [1, 7, 30, 60]) {
      clock += 10_000; // the first pages' few seconds pass
      await cached.resetStats();
      const short = await ask(cached, hoursBack);
      expect(short).toEqual(await ask(fresh, hoursBack));
      expect(short.total).toBeGreaterThan(0);
      expect(short.total).toBeLessThan(3 * COUNT);
      // Only the first page of each source is read again: the rest comes from the runs.
      const stats = await cached.stats();
      expect(LISTS.map((operation) => stats[operation] ?? 0)).toEqual([1, 1, 1]);
    }
  } finally {
    await cached.close();
    await fresh.close();
  }
});

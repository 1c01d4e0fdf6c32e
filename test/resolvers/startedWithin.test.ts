/**
 * Relative windows: `startedWithin` (and `createdWithin` for import jobs) counts back from the
 * gateway's clock at the start of a walk, so the examples need no date arithmetic, and every page
 * of a walk keeps the window it began with even as the clock moves between pages.
 */
import { BASE_TIME, KENDRA_DS, KENDRA_INDEX, KB, singleSourceFixture } from '../helpers/fixtures';
import { startHarness, type Harness } from '../helpers/harness';

const HOUR = 3_600_000;
let clock = BASE_TIME;
let harness: Harness;
beforeAll(async () => {
  // Jobs start every hour before BASE_TIME, newest at BASE_TIME itself.
  harness = await startHarness(singleSourceFixture(24), {}, { now: () => clock });
});
afterAll(() => harness.close());
beforeEach(() => {
  clock = BASE_TIME + 30 * 60_000;
});

const SYNC_JOBS = `query ($within: Duration, $after: String) {
  kendraIndex(id: "${KENDRA_INDEX}") {
    dataSource(id: "${KENDRA_DS}") {
      syncJobs(first: 2, after: $after, filter: { startedWithin: $within }) {
        nodes { startedAt }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
}`;

it('keeps the jobs started within the duration before now', async () => {
  // Now is BASE + 30 min: PT5H reaches back to BASE - 4 h 30 min, so jobs at BASE .. BASE - 4 h.
  const result = await harness.gql(
    `{ kendraIndex(id: "${KENDRA_INDEX}") { dataSource(id: "${KENDRA_DS}") {
        jobs(filter: { startedWithin: "PT5H" }) { nodes { startedAt } } } } }`,
  );
  expect(result.errors).toBeUndefined();
  const times = result.data.kendraIndex.dataSource.jobs.nodes.map((n: any) =>
    Date.parse(n.startedAt),
  );
  expect(times).toEqual([0, 1, 2, 3, 4].map((h) => BASE_TIME - h * HOUR));
});

it('pages one walk with the window it began with while the clock moves', async () => {
  const seen: number[] = [];
  let after: string | null = null;
  for (let page = 0; page < 10; page++) {
    const result: any = await harness.gql(SYNC_JOBS, { within: 'PT5H', after });
    expect(result.errors).toBeUndefined();
    const connection = result.data.kendraIndex.dataSource.syncJobs;
    seen.push(...connection.nodes.map((n: any) => Date.parse(n.startedAt)));
    if (!connection.pageInfo.hasNextPage) break;
    after = connection.pageInfo.endCursor;
    clock += 2 * HOUR;
  }
  expect(seen).toEqual([0, 1, 2, 3, 4].map((h) => BASE_TIME - h * HOUR));
});

it('pages the cross-service feed with a relative window while the clock moves', async () => {
  const seen: string[] = [];
  let after: string | null = null;
  for (let page = 0; page < 20; page++) {
    const result: any = await harness.gql(
      `query ($after: String) { jobs(first: 4, after: $after, filter: { startedWithin: "PT5H" }) {
        nodes { service startedAt } pageInfo { hasNextPage endCursor } } }`,
      { after },
    );
    expect(result.errors).toBeUndefined();
    seen.push(...result.data.jobs.nodes.map((n: any) => `${n.service}@${n.startedAt}`));
    if (!result.data.jobs.pageInfo.hasNextPage) break;
    after = result.data.jobs.pageInfo.endCursor;
    clock += HOUR;
  }
  expect(seen).toHaveLength(15);
  expect(new Set(seen).size).toBe(15);
});

it('counts a jobSummary over startedWithin, reporting the window it used', async () => {
  const result = await harness.gql(
    '{ jobSummary(filter: { startedWithin: "PT5H" }) { startedAfter startedBefore total } }',
  );
  expect(result.errors).toBeUndefined();
  expect(result.data.jobSummary).toEqual({
    startedAfter: new Date(clock - 5 * HOUR).toISOString(),
    startedBefore: new Date(clock).toISOString(),
    total: 15,
  });
});

it('filters import jobs by createdWithin', async () => {
  const result = await harness.gql(
    `{ qconnectKnowledgeBase(id: "${KB}") { importJobs(filter: { createdWithin: "PT2H" }) { nodes { createdTime } } } }`,
  );
  expect(result.errors).toBeUndefined();
  expect(result.data.qconnectKnowledgeBase.importJobs.nodes).toHaveLength(2);
});

it('takes the later bound when startedAfter is given too', async () => {
  const result = await harness.gql(
    `{ jobSummary(filter: { startedWithin: "P1D", startedAfter: "${new Date(BASE_TIME - HOUR).toISOString()}" }) { total } }`,
  );
  expect(result.data.jobSummary.total).toBe(6);
});

it('refuses a duration that is not one, or is zero, as BAD_USER_INPUT', async () => {
  for (const within of ['7 days', 'P0D']) {
    const result = await harness.gql(
      'query ($d: Duration) { jobs(filter: { startedWithin: $d }) { nodes { id } } }',
      { d: within },
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  }
});

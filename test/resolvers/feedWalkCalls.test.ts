/**
 * Upstream calls of deep feed walks, from /_emulator/stats: with the page cache, a walk forwards
 * and back reads each upstream page once; without it, a `last/before` page deep in the feed costs
 * in proportion to the page (each source steps back from its page at the cursor), not to the
 * history before the cursor.
 */
import { feedOrder, multiSourceFixture } from '../helpers/fixtures';
import { startHarness, type Harness } from '../helpers/harness';

const FEED = `query($first: Int, $after: String, $last: Int, $before: String) {
  jobs(first: $first, after: $after, last: $last, before: $before) {
    nodes { jobId } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;

const listCalls = async (harness: Harness) =>
  Object.entries(await harness.stats())
    .filter(([operation]) => operation.endsWith('SyncJobs') || operation.endsWith('ImportJobs'))
    .reduce((sum, [, count]) => sum + count, 0);

async function page(harness: Harness, args: Record<string, unknown>) {
  const response = await harness.gql(FEED, args);
  expect(response.errors).toBeUndefined();
  return response.data.jobs as { nodes: { jobId: string }[]; pageInfo: Record<string, any> };
}

/** `pages` forward pages of `size`; returns the ids seen and the last end cursor. */
async function forward(harness: Harness, size: number, pages: number) {
  const ids: string[] = [];
  let after: string | null = null;
  for (let i = 0; i < pages; i++) {
    const result = await page(harness, { first: size, after });
    ids.push(...result.nodes.map((node) => node.jobId));
    after = result.pageInfo.endCursor;
  }
  return { ids, cursor: after as string };
}

describe('a deep feed walk with the page cache', () => {
  // 2 Kendra, 2 Q Business (10 a page) and 1 Q Connect (100 a page) sources of 60 jobs.
  const fixture = multiSourceFixture({ apps: 1, indexes: 1, kbs: 1, perIndex: 2, jobs: 60 });
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness(fixture, {}, { pageCache: {} });
    await harness.gql('{ sources(first: 10) { nodes { id } } }');
  });
  afterAll(() => harness.close());

  it('reads each upstream page once going forwards and then back', async () => {
    await harness.resetStats();
    const walked = await forward(harness, 25, 8);
    expect(walked.ids).toEqual(
      feedOrder(fixture)
        .slice(0, 200)
        .map((row) => row.jobId),
    );
    const forwardCalls = await listCalls(harness);
    // The pages holding the 201 newest jobs, plus at most one page read ahead per source.
    const perSource = new Map<string, { count: number; pageSize: number }>();
    for (const row of feedOrder(fixture).slice(0, 201) as { source?: string; service: string }[]) {
      const entry = perSource.get(row.source!) ?? {
        count: 0,
        pageSize: row.service === 'QCONNECT' ? 100 : 10,
      };
      entry.count++;
      perSource.set(row.source!, entry);
    }
    const distinctPages = [...perSource.values()].reduce(
      (sum, e) => sum + Math.ceil(e.count / e.pageSize),
      0,
    );
    expect(forwardCalls).toBeGreaterThanOrEqual(distinctPages);
    expect(forwardCalls).toBeLessThanOrEqual(distinctPages + 5);

    const back: string[] = [];
    let before = walked.cursor;
    for (let i = 0; i < 7; i++) {
      const result = await page(harness, { last: 25, before });
      back.unshift(...result.nodes.map((node) => node.jobId));
      before = result.pageInfo.startCursor;
    }
    expect(back).toEqual(walked.ids.slice(24, 199));
    expect(await listCalls(harness)).toBe(forwardCalls);
  });
});

describe('a last/before page deep in the feed without a page cache', () => {
  // Two Kendra sources of 200 jobs: 20 pages each.
  const fixture = multiSourceFixture({ apps: 0, indexes: 1, kbs: 0, perIndex: 2, jobs: 200 });
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness(fixture);
    await harness.gql('{ sources(first: 10) { nodes { id } } }');
  });
  afterAll(() => harness.close());

  it('reads the pages before its cursor, not the history from the top', async () => {
    const walked = await forward(harness, 20, 18); // 360 jobs: 18 pages of each source
    await harness.resetStats();
    const result = await page(harness, { last: 5, before: walked.cursor });
    expect(result.nodes.map((node) => node.jobId)).toEqual(walked.ids.slice(354, 359));
    expect(result.pageInfo.hasPreviousPage).toBe(true);
    // Each source: the page after the cursor, its page, and the one before (reading from the top
    // would be 36).
    expect(await listCalls(harness)).toBeLessThanOrEqual(6);
  });
});

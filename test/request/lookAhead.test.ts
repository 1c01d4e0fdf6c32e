/**
 * `--look-ahead`: after a page with more after it, the next upstream page of its source is read in
 * the background, so the next page costs no call in the client's request; nothing is read past
 * the end. Calls from /_emulator/stats; the test waits for the background reads, not for time.
 */
import { fetchPage } from '../helpers/connections';
import { singleSourceFixture } from '../helpers/fixtures';
import { startHarness, type Harness } from '../helpers/harness';

const KENDRA_LIST = 'kendra.ListDataSourceSyncJobs';

let clock = Date.now();
let harness: Harness;
beforeAll(async () => {
  harness = await startHarness(
    singleSourceFixture(45),
    {},
    { pageCache: {}, lookAhead: true, now: () => clock },
  );
});
afterAll(() => harness.close());
beforeEach(() => {
  clock += 3_600_000; // nothing an earlier test read is still cached
});

const listCalls = async () => (await harness.stats())[KENDRA_LIST] ?? 0;

it('answers the next page from what was read ahead, even with the service down meanwhile', async () => {
  await harness.resetStats();
  const first = await fetchPage(harness, 'KENDRA', { first: 10 });
  await harness.settled();
  await harness.setFaults([{ errorRate: 1 }]);
  try {
    const next = await fetchPage(harness, 'KENDRA', { first: 10, after: first.pageInfo.endCursor });
    expect(next.ids).toHaveLength(10);
    expect(next.pageInfo.hasNextPage).toBe(true);
    await harness.settled();
  } finally {
    await harness.setFaults([]);
  }
});

it('reads the next upstream page in the background, so the next click costs no call', async () => {
  await harness.resetStats();
  const first = await fetchPage(harness, 'KENDRA', { first: 10 });
  expect(first.pageInfo.hasNextPage).toBe(true);
  await harness.settled();
  expect(await listCalls()).toBe(3); // pages 1 and 2 for the answer, page 3 ahead

  // Each next page needs the pages read ahead, and reads one more ahead: one call per click, in
  // the background (the answer may be sent before that read ends, so count after it settles).
  let after = first.pageInfo.endCursor;
  const seen = [...first.ids];
  for (;;) {
    const before = await listCalls();
    const page = await fetchPage(harness, 'KENDRA', { first: 10, after });
    seen.push(...page.ids);
    await harness.settled();
    const ahead = Math.min(before + 1, 5);
    expect(await listCalls()).toBe(page.pageInfo.hasNextPage ? ahead : before);
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  expect(seen).toHaveLength(45);
  expect(await listCalls()).toBe(5); // five pages in all: nothing read past the end
});

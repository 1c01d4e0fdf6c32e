/**
 * Filters are pushed down to the service where its API takes them (one status, the start-time
 * window) and applied in the gateway otherwise, with the same results either way.
 */
import { startGateway, type RunningGateway } from '../../src/server/createGateway';
import { BASE_TIME, singleSourceFixture } from '../helpers/fixtures';
import { fetchPage } from '../helpers/connections';
import type { Service } from '../../src/model/services';
import { startHarness, type Harness } from '../helpers/harness';

const HOUR = 3_600_000;
let pushed: Harness;
let local: RunningGateway;
let localHarness: Harness;

beforeAll(async () => {
  pushed = await startHarness(singleSourceFixture(40));
  local = await startGateway({
    port: 0,
    endpoint: pushed.emulatorUrl,
    region: 'us-east-1',
    maxAttempts: 1,
    logLevel: 'silent',
    pushdown: false,
    pageCache: false,
    responseCacheTtlSeconds: 0,
  });
  localHarness = {
    ...pushed,
    gql: async (query, variables) =>
      (await (
        await fetch(local.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query, variables }),
        })
      ).json()) as any,
  };
});
afterAll(async () => {
  await local.close();
  await pushed.close();
});

async function all(harness: Harness, service: Service, filter: Record<string, unknown>) {
  const ids: string[] = [];
  let after: string | null = null;
  for (;;) {
    const page = await fetchPage(harness, service, { first: 9, after, filter });
    ids.push(...page.ids);
    if (!page.pageInfo.hasNextPage) return ids;
    after = page.pageInfo.endCursor;
  }
}

const window = {
  startedAfter: new Date(BASE_TIME - 20 * HOUR).toISOString(),
  startedBefore: new Date(BASE_TIME - 5 * HOUR).toISOString(),
};

it.each([
  ['KENDRA', { status: ['FAILED'] }],
  ['KENDRA', { status: ['FAILED', 'ABORTED'], ...window }],
  ['QBUSINESS', { status: ['SUCCEEDED'], ...window }],
  ['QBUSINESS', { startedAfter: window.startedAfter }],
  ['QCONNECT', { status: ['COMPLETE', 'FAILED'], createdBefore: window.startedBefore }],
] as const)('gives the same %s jobs for %j whether pushed down or not', async (service, filter) => {
  const viaService = await all(pushed, service, filter);
  const viaGateway = await all(localHarness, service, filter);
  expect(viaService).toEqual(viaGateway);
  expect(viaService.length).toBeGreaterThan(0);
  const everything = await all(localHarness, service, {});
  expect(viaService.length).toBeLessThan(everything.length);
});

it('reads fewer upstream pages when the service can filter', async () => {
  await pushed.resetStats();
  await all(pushed, 'KENDRA', { status: ['FAILED'] });
  const withPushdown = (await pushed.stats())['kendra.ListDataSourceSyncJobs'];
  await pushed.resetStats();
  await all(localHarness, 'KENDRA', { status: ['FAILED'] });
  const without = (await pushed.stats())['kendra.ListDataSourceSyncJobs'];
  expect(withPushdown).toBeLessThan(without);
});

/**
 * The page cache, measured with /_emulator/stats: a walk reads each upstream page once across all
 * its requests (any page size, forwards and backwards), first pages live briefly, a failing store
 * is only a miss, and two configurations sharing a store never read each other's pages.
 */
import { startEmulator, type RunningEmulator } from '../../src/emulator';
import { startGateway, type RunningGateway } from '../../src/server/createGateway';
import { createMemoryStore } from '../../src/store/memoryStore';
import { StoreUnavailableError, type GatewayStore } from '../../src/store/GatewayStore';
import { fetchPage } from '../helpers/connections';
import { singleSourceFixture } from '../helpers/fixtures';
import { startHarness, type Harness } from '../helpers/harness';

const COUNT = 45; // five upstream pages of 10
const KENDRA_LIST = 'kendra.ListDataSourceSyncJobs';

let clock = Date.now();
const now = () => clock;

/** List calls only: the catalog's own discovery calls come and go with its time to live. */
async function listCalls(harness: Harness): Promise<number> {
  return (await harness.stats())[KENDRA_LIST] ?? 0;
}

async function walkForward(
  harness: Harness,
  first: number,
): Promise<{ ids: string[]; cursors: string[] }> {
  const ids: string[] = [];
  const cursors: string[] = [];
  let after: string | null = null;
  for (;;) {
    const page = await fetchPage(harness, 'KENDRA', { first, after });
    ids.push(...page.ids);
    cursors.push(...page.cursors);
    if (!page.pageInfo.hasNextPage) return { ids, cursors };
    after = page.pageInfo.endCursor;
  }
}

async function walkBackward(harness: Harness, last: number, before: string): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = before;
  for (;;) {
    const page = await fetchPage(harness, 'KENDRA', { last, before: cursor });
    ids.unshift(...page.ids);
    if (!page.pageInfo.hasPreviousPage) return ids;
    cursor = page.pageInfo.startCursor;
  }
}

describe('with the page cache on', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness(singleSourceFixture(COUNT), {}, { pageCache: {}, now });
  });
  afterAll(() => harness.close());
  beforeEach(async () => {
    clock += 3_600_000; // every test starts with expired first pages
    await harness.resetStats();
  });

  it('reads each upstream page once across a walk forwards and then backwards', async () => {
    const forward = await walkForward(harness, 7);
    expect(forward.ids).toHaveLength(COUNT);
    expect(await listCalls(harness)).toBe(5);
    const backward = await walkBackward(harness, 7, forward.cursors[forward.cursors.length - 1]);
    expect(backward).toEqual(forward.ids.slice(0, -1));
    expect(await listCalls(harness)).toBe(5);
  });

  it('reads each upstream page once whatever the page size of each request', async () => {
    for (const first of [3, 10, 20, 44]) await walkForward(harness, first);
    expect(await listCalls(harness)).toBe(5);
  });

  it('reads a first page again once its few seconds have passed', async () => {
    await fetchPage(harness, 'KENDRA', { first: 5 });
    await fetchPage(harness, 'KENDRA', { first: 5 });
    expect(await listCalls(harness)).toBe(1);
    clock += 5_001;
    await fetchPage(harness, 'KENDRA', { first: 5 });
    expect(await listCalls(harness)).toBe(2);
  });
});

describe('a store that fails', () => {
  const failing: GatewayStore = {
    get: () => Promise.reject(new StoreUnavailableError('down')),
    set: () => Promise.reject(new StoreUnavailableError('down')),
    delete: () => Promise.reject(new StoreUnavailableError('down')),
    health: async () => ({ ok: false, reason: 'down' }),
    close: async () => undefined,
  };
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness(singleSourceFixture(COUNT), {}, { pageCache: {}, store: failing });
  });
  afterAll(() => harness.close());

  it('is a miss: the answers are whole, and each page is read once (kept decoded in this process)', async () => {
    await harness.resetStats();
    const forward = await walkForward(harness, 20);
    expect(forward.ids).toHaveLength(COUNT);
    const again = await walkForward(harness, 20);
    expect(again.ids).toEqual(forward.ids);
    expect(await listCalls(harness)).toBe(5);
  });
});

describe('two gateways sharing one store', () => {
  let emulator: RunningEmulator;
  const gateways: RunningGateway[] = [];
  const store = createMemoryStore();
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, fixture: singleSourceFixture(COUNT) });
  });
  afterAll(async () => {
    for (const gateway of gateways) await gateway.close();
    await emulator.close();
    await store.close();
  });

  const start = async (region: string) => {
    const gateway = await startGateway({
      port: 0,
      endpoint: emulator.url,
      region,
      logLevel: 'silent',
      store,
    });
    gateways.push(gateway);
    return gateway;
  };
  const firstPage = async (gateway: RunningGateway) => {
    const query = '{ jobs(first: 5, filter: { services: [KENDRA] }) { nodes { jobId } } }';
    const response = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    });
    return ((await response.json()) as { data: { jobs: { nodes: unknown[] } } }).data.jobs.nodes;
  };
  const listCalls = async () => {
    const stats = (await (await fetch(`${emulator.url}/_emulator/stats`)).json()) as {
      calls: Record<string, number>;
    };
    return stats.calls[KENDRA_LIST] ?? 0;
  };

  it('share pages when configured alike, and never when configured apart', async () => {
    const a = await start('us-east-1');
    const b = await start('us-east-1');
    const c = await start('eu-west-1');
    expect(await firstPage(a)).toHaveLength(5);
    expect(await listCalls()).toBe(1);
    expect(await firstPage(b)).toHaveLength(5);
    expect(await listCalls()).toBe(1);
    expect(await firstPage(c)).toHaveLength(5);
    expect(await listCalls()).toBe(2);
  });
});

/**
 * The discovery catalog's listings: shared in flight, kept for their time to live, a failure not
 * kept, a listing cleared while in flight not kept, and replicas sharing one store list once.
 * Through the real SDK clients against the emulator, counting calls with its stats.
 */
import { DiscoveryCatalog } from '../../src/catalog/discoveryCatalog';
import { startEmulator } from '../../src/emulator';
import { createAwsClients, destroyAwsClients, type AwsClients } from '../../src/services/clients';
import { Upstream } from '../../src/services/upstream';
import { createMemoryStore } from '../../src/store/memoryStore';
import { singleSourceFixture } from '../helpers/fixtures';

let emulator: Awaited<ReturnType<typeof startEmulator>>;
let clients: AwsClients;
let upstream: Upstream;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, fixture: singleSourceFixture(1) });
  clients = createAwsClients({ endpoint: emulator.url, region: 'us-east-1', maxAttempts: 1 });
  upstream = new Upstream(clients);
});
afterAll(async () => {
  if (clients) destroyAwsClients(clients);
  await emulator?.close();
});
beforeEach(() => {
  emulator.setFaults([]);
  emulator.resetStats();
});

const calls = () => emulator.stats().calls;
const ONE_LISTING = {
  'kendra.ListIndices': 1,
  'kendra.ListDataSources': 1,
  'qbusiness.ListApplications': 1,
  'qbusiness.ListIndices': 1,
  'qbusiness.ListDataSources': 1,
  'qconnect.ListKnowledgeBases': 1,
};

it('shares a listing in flight and keeps it for its time to live', async () => {
  let now = 0;
  const catalog = new DiscoveryCatalog(upstream, { ttlSeconds: 10, now: () => now });
  const [a, b] = await Promise.all([catalog.list(), catalog.list()]);
  expect(a.sources).toHaveLength(3);
  expect(b).toEqual(a);
  now = 10_000;
  await catalog.list();
  expect(calls()).toEqual(ONE_LISTING);
  now = 10_001;
  await catalog.list();
  expect(calls()['kendra.ListIndices']).toBe(2);
});

it('lists again on every read with a time to live of 0, still sharing one in flight', async () => {
  const catalog = new DiscoveryCatalog(upstream, { ttlSeconds: 0, services: ['QCONNECT'] });
  await Promise.all([catalog.list(), catalog.list()]);
  expect(calls()).toEqual({ 'qconnect.ListKnowledgeBases': 1 });
  await catalog.list();
  expect(calls()).toEqual({ 'qconnect.ListKnowledgeBases': 2 });
});

it('does not keep a failed listing, and reports it while the other services answer', async () => {
  const catalog = new DiscoveryCatalog(upstream);
  emulator.setFaults([{ service: 'kendra', operation: 'ListIndices', denyAccess: true }]);
  const failed = await catalog.list();
  expect(failed.failures.map((f) => f.service)).toEqual(['KENDRA']);
  expect(failed.sources.map((s) => s.kind)).toEqual([
    'QBusinessDataSource',
    'QConnectKnowledgeBase',
  ]);
  emulator.setFaults([]);
  expect((await catalog.list()).failures).toEqual([]);
  expect(calls()['kendra.ListIndices']).toBe(2);
  expect(calls()['qconnect.ListKnowledgeBases']).toBe(1);
});

it('answers the readers of a listing cleared in flight, but keeps it neither in memory nor in the store', async () => {
  const store = createMemoryStore();
  const catalog = new DiscoveryCatalog(upstream, { services: ['QCONNECT'], store });
  const inFlight = catalog.list();
  catalog.invalidate();
  expect((await inFlight).sources).toHaveLength(1);
  // Not in the store: a replica lists for itself.
  await new DiscoveryCatalog(upstream, { services: ['QCONNECT'], store }).list();
  expect(calls()).toEqual({ 'qconnect.ListKnowledgeBases': 2 });
  // Not in memory: without a store, the next read lists again.
  const alone = new DiscoveryCatalog(upstream, { services: ['QCONNECT'] });
  const cleared = alone.list();
  alone.invalidate();
  await cleared;
  await alone.list();
  expect(calls()).toEqual({ 'qconnect.ListKnowledgeBases': 4 });
});

it('lets replicas that share a store list once, dates included', async () => {
  const store = createMemoryStore();
  const first = await new DiscoveryCatalog(upstream, { store }).list();
  const replica = await new DiscoveryCatalog(upstream, { store }).list();
  expect(calls()).toEqual(ONE_LISTING);
  expect(replica).toEqual(first);
  const kendra = replica.sources.find((s) => s.kind === 'KendraDataSource');
  expect(kendra?.details?.createdAt).toBeInstanceOf(Date);
});

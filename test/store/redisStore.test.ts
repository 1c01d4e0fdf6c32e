/**
 * The Redis store against a real `redis-server`: entries round-trip with TTLs, two gateway
 * configurations never see each other's entries, and an outage is `StoreUnavailableError`
 * within the time-out, followed by recovery on its own once Redis is back.
 */
import { EventEmitter, once } from 'node:events';
import { StoreUnavailableError } from '../../src/store/GatewayStore';
import { createRedisStore, type RedisStore } from '../../src/store/redisStore';
import { storePrefix } from '../../src/store/storePrefix';
import { type RedisServer, startRedis } from '../helpers/redis';

let redis: RedisServer;
const stores: RedisStore[] = [];
const open = (prefix: string, onReady?: () => void) => {
  const store = createRedisStore({ url: redis.url, prefix, timeoutMs: 500, onReady });
  stores.push(store);
  return store;
};

beforeAll(async () => {
  redis = await startRedis();
}, 600_000);
afterAll(async () => {
  await Promise.all(stores.map((store) => store.close()));
  await redis?.close();
});

it('keeps JSON values per namespace, and deletes them', async () => {
  const store = open('t:a');
  await store.set('cursor', 'p1', { k: 'x', s: [[1, 'a']] }, 60_000);
  await store.set('chain', 'p1', null, 60_000);
  expect(await store.get('cursor', 'p1')).toEqual({ k: 'x', s: [[1, 'a']] });
  expect(await store.get('chain', 'p1')).toBeNull();
  expect(await store.get('page', 'p1')).toBeUndefined();
  await store.delete('cursor', 'p1');
  expect(await store.get('cursor', 'p1')).toBeUndefined();
});

it('gives every entry a TTL in Redis', async () => {
  const store = open('t:ttl');
  await store.set('cursor', 'e', 1, 1_800_000);
  const client = (await import('@keyv/redis')).createClient({ url: redis.url });
  await client.connect();
  try {
    const keys = await client.keys('t:ttl*');
    expect(keys).toHaveLength(1);
    const ttl = await client.pTTL(keys[0]);
    expect(ttl).toBeGreaterThan(1_700_000);
    expect(ttl).toBeLessThanOrEqual(1_800_000);
  } finally {
    await client.quit();
  }
});

it('keeps two gateway configurations apart on one Redis', async () => {
  const config = {
    served: 'discovery',
    region: 'us-east-1',
    endpoint: 'http://127.0.0.1:1',
    credentials: 'AKID1',
  };
  const one = open(storePrefix(config));
  const same = open(storePrefix({ ...config }));
  const otherRegion = open(storePrefix({ ...config, region: 'eu-west-1' }));
  const otherAccount = open(storePrefix({ ...config, credentials: 'AKID2' }));
  await one.set('cursor', 'shared-id', 'mine', 60_000);
  expect(await same.get('cursor', 'shared-id')).toBe('mine');
  expect(await otherRegion.get('cursor', 'shared-id')).toBeUndefined();
  expect(await otherAccount.get('cursor', 'shared-id')).toBeUndefined();
  expect(storePrefix(config)).not.toContain('AKID1');
});

it('is unavailable, within its time-out, while Redis does not answer, and answers again after', async () => {
  const store = open('t:slow');
  await store.set('cursor', 'kept', 'value', 600_000);
  redis.pause();
  try {
    const error = await store.get('cursor', 'kept').catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect((error as Error).message).toBe('Redis did not answer GET within 500 ms');
  } finally {
    redis.resume();
  }
  expect(await store.get('cursor', 'kept')).toBe('value');
});

it('is unavailable, within its time-out, while Redis is down, and recovers by itself', async () => {
  const readiness = new EventEmitter();
  const store = open('t:outage', () => readiness.emit('ready'));
  await store.set('cursor', 'kept', 'value', 600_000);
  expect(await store.health()).toEqual({ ok: true });
  await redis.stop();
  await expect(store.get('cursor', 'kept')).rejects.toBeInstanceOf(StoreUnavailableError);
  await expect(store.set('cursor', 'other', 'value', 60_000)).rejects.toBeInstanceOf(
    StoreUnavailableError,
  );
  const health = await store.health();
  expect(health.ok).toBe(false);
  // The client cannot be ready while Redis is down, so the next `ready` is the reconnection
  // (its back-off is at most 2 s; the test's time-out bounds the wait).
  const reconnected = once(readiness, 'ready');
  await redis.start();
  await reconnected;
  expect(await store.health()).toEqual({ ok: true });
  expect(await store.get('cursor', 'kept')).toBe('value');
}, 30_000);

/**
 * The `LiveBus` contract on its two hosts: in memory (one process holds every lease) and on a
 * real redis-server (a lease is exclusive to its owner until released or expired; pub/sub and
 * saved states cross connections, as they cross replicas).
 */
import type { LiveBus } from '../../src/store/LiveBus';
import { createMemoryLiveBus } from '../../src/store/memoryLiveBus';
import { createRedisLiveBus } from '../../src/store/redisLiveBus';
import { startRedis, type RedisServer } from '../helpers/redis';

/** The next message on `channel`, once subscribed. */
async function nextMessage(bus: LiveBus, channel: string) {
  let resolve!: (message: string) => void;
  const message = new Promise<string>((done) => (resolve = done));
  const stop = await bus.subscribe(channel, resolve);
  return { message, stop };
}

describe('in memory', () => {
  it('grants every lease, delivers to every listener of a channel and keeps states', async () => {
    const bus = createMemoryLiveBus();
    expect(await bus.holdLease('source', 'a', 1000)).toBe(true);
    expect(await bus.holdLease('source', 'b', 1000)).toBe(true);
    const first = await nextMessage(bus, 'source');
    const second = await nextMessage(bus, 'source');
    await bus.publish('source', 'changed');
    expect([await first.message, await second.message]).toEqual(['changed', 'changed']);
    await bus.save('source', 'state', 60_000);
    expect(await bus.load('source')).toBe('state');
    await bus.close();
  });
});

describe('on Redis', () => {
  let redis: RedisServer;
  let replicas: LiveBus[];
  beforeAll(async () => {
    redis = await startRedis();
    const bus = () => createRedisLiveBus({ url: redis.url, prefix: 'test' });
    replicas = [await bus(), await bus()];
  }, 60_000);
  afterAll(async () => {
    await Promise.all((replicas ?? []).map((bus) => bus.close()));
    await redis?.close();
  });

  it('gives a lease to one owner, who keeps it until it lets go', async () => {
    const [a, b] = replicas;
    expect(await a.holdLease('source-1', 'a', 60_000)).toBe(true);
    expect(await b.holdLease('source-1', 'b', 60_000)).toBe(false);
    expect(await a.holdLease('source-1', 'a', 60_000)).toBe(true);
    await b.releaseLease('source-1', 'b'); // not b's: nothing happens
    expect(await b.holdLease('source-1', 'b', 60_000)).toBe(false);
    await a.releaseLease('source-1', 'a');
    expect(await b.holdLease('source-1', 'b', 60_000)).toBe(true);
  });

  it('lets a lease expire when its owner stops renewing it', async () => {
    const [a, b] = replicas;
    expect(await a.holdLease('source-2', 'a', 1)).toBe(true);
    let taken = false;
    // Redis expires keys on its own clock; a few round trips outlast one millisecond.
    for (let attempt = 0; attempt < 1000 && !taken; attempt++) {
      taken = await b.holdLease('source-2', 'b', 60_000);
    }
    expect(taken).toBe(true);
  });

  it('carries messages and states from one replica to the other, under its prefix only', async () => {
    const [a, b] = replicas;
    const other = await createRedisLiveBus({ url: redis.url, prefix: 'other' });
    try {
      const heard = await nextMessage(b, 'source-3');
      let foreign = false;
      const stopForeign = await other.subscribe('source-3', () => (foreign = true));
      await a.publish('source-3', 'changed');
      expect(await heard.message).toBe('changed');
      await a.save('source-3', 'state', 60_000);
      expect(await b.load('source-3')).toBe('state');
      expect(await other.load('source-3')).toBeUndefined();
      expect(await other.holdLease('source-1', 'c', 60_000)).toBe(true);
      expect(foreign).toBe(false);
      await Promise.all([heard.stop(), stopForeign()]);
    } finally {
      await other.close();
    }
  });
});

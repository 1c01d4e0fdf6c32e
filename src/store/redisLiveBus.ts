/**
 * The `LiveBus` of replicas that share a Redis: a lease is `SET key owner NX PX ttl` (extended
 * by its holder with a compare-and-expire script), a channel is Redis pub/sub on a second
 * connection (a subscribed connection can do nothing else), a state is a key with a TTL. Every
 * key and channel starts with `prefix`, so differently configured gateways never meet.
 *
 * Danger: Redis may be down, at start too. Calls then reject (commands are not queued while
 * offline); callers treat a failed lease as "not mine this round" and a failed publish as a missed
 * round. The start waits for the connections at most `connectWaitMs`, then goes on without them.
 */
import { createClient } from '@redis/client';
import type { LiveBus } from './LiveBus';

export interface RedisLiveBusOptions {
  /** `redis://host:port[/db]`. */
  url: string;
  /** Prefix of every key and channel: the gateway configuration. */
  prefix: string;
  /** Told of connection errors; the client reconnects by itself. */
  onError?: (error: unknown) => void;
  /** Longest wait for the first connection at start (default 2000 ms). */
  connectWaitMs?: number;
}

/** Extends the lease only when `owner` (ARGV[1]) still holds it. */
const EXTEND_IF_OWNER = `if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('PEXPIRE', KEYS[1], ARGV[2]) else return 0 end`;

/** Deletes the lease only when `owner` (ARGV[1]) still holds it. */
const DELETE_IF_OWNER = `if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1]) else return 0 end`;

/** Longest pause between two reconnection attempts. */
const MAX_RECONNECT_DELAY_MS = 2000;

export async function createRedisLiveBus(options: RedisLiveBusOptions): Promise<LiveBus> {
  const client = createClient({
    url: options.url,
    disableOfflineQueue: true,
    socket: { reconnectStrategy: (retries) => Math.min(50 * 2 ** retries, MAX_RECONNECT_DELAY_MS) },
  });
  // The subscriber queues while offline: a channel joined before Redis is reachable is joined
  // once it is (and the client joins its channels again after every reconnection).
  const subscriber = client.duplicate({ disableOfflineQueue: false });
  const connected = [client, subscriber].map((connection) => {
    connection.on('error', (error: unknown) => options.onError?.(error));
    return connection.connect().catch((error: unknown) => options.onError?.(error));
  });
  // A Redis that is down at start must not hold the gateway's start: commands fail (leases are
  // "not mine") until the clients connect by themselves.
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    Promise.all(connected),
    new Promise((resolve) => (timer = setTimeout(resolve, options.connectWaitMs ?? 2000))),
  ]);
  clearTimeout(timer);
  const key = (name: string) => `${options.prefix}:live:${name}`;
  return {
    async holdLease(name, owner, ttlMs) {
      const taken = await client.set(key(`lease:${name}`), owner, {
        condition: 'NX',
        expiration: { type: 'PX', value: ttlMs },
      });
      if (taken === 'OK') return true;
      const extended = await client.eval(EXTEND_IF_OWNER, {
        keys: [key(`lease:${name}`)],
        arguments: [owner, String(ttlMs)],
      });
      return extended === 1;
    },
    async releaseLease(name, owner) {
      await client.eval(DELETE_IF_OWNER, { keys: [key(`lease:${name}`)], arguments: [owner] });
    },
    async publish(channel, message) {
      await client.publish(key(`channel:${channel}`), message);
    },
    async subscribe(channel, onMessage) {
      const listener = (message: string) => onMessage(message);
      await subscriber.subscribe(key(`channel:${channel}`), listener);
      return async () => {
        await subscriber.unsubscribe(key(`channel:${channel}`), listener);
      };
    },
    load: async (name) => (await client.get(key(`state:${name}`))) ?? undefined,
    async save(name, value, ttlMs) {
      await client.set(key(`state:${name}`), value, { expiration: { type: 'PX', value: ttlMs } });
    },
    async close() {
      // destroy, not close: close would wait for commands queued while Redis is unreachable.
      for (const connection of [client, subscriber]) {
        if (connection.isOpen) connection.destroy();
      }
    },
  };
}

/**
 * The shared store: Redis through Keyv (`keyv` + `@keyv/redis`), so that replicas with the same
 * `--store` (and `--cursor-secret`) are interchangeable. Keys are `<prefix>:<namespace>:<key>`,
 * the prefix naming the gateway configuration (`storePrefix.ts`), so two differently configured
 * gateways on one Redis never read each other's entries. Every entry has a TTL.
 *
 * Every call is bounded by `timeoutMs`; a call that fails or times out throws
 * `StoreUnavailableError`. Commands are not queued while Redis is unreachable (they fail at once),
 * and the client reconnects by itself with a capped back-off, so the gateway recovers without help.
 *
 * Danger: Redis's memory is Redis's: bound it with `maxmemory` and an eviction policy that honours
 * TTLs (README, "Running more than one replica"); this file cannot.
 */
import { KeyvAdapter } from '@apollo/utils.keyvadapter';
import type { KeyValueCache } from '@apollo/utils.keyvaluecache';
import KeyvRedis, { Keyv } from '@keyv/redis';
import { type GatewayStore, type StoreNamespace, StoreUnavailableError } from './GatewayStore';

export interface RedisStoreOptions {
  /** `redis://host:port[/db]`. */
  url: string;
  /** Prefix of every key: the gateway configuration (see `storePrefix.ts`). */
  prefix: string;
  /** Longest wait for one store call (default 1000 ms). */
  timeoutMs?: number;
  /** Told of connection errors (rate them yourself; Redis down means one per reconnect attempt). */
  onError?: (error: unknown) => void;
  /**
   * Told each time the connection is ready for commands: the first connection and every
   * reconnection after an outage (tests await it instead of polling `health()`).
   */
  onReady?: () => void;
}

/** A Redis `GatewayStore`, plus an Apollo cache on the same connection for Apollo Server. */
export interface RedisStore extends GatewayStore {
  /** Apollo's `KeyValueCache` over the same Redis (`KeyvAdapter`); a Redis failure is a miss. */
  apolloCache: KeyValueCache<string>;
}

/** Longest pause between two reconnection attempts. */
const MAX_RECONNECT_DELAY_MS = 2000;

export function createRedisStore(options: RedisStoreOptions): RedisStore {
  const timeoutMs = options.timeoutMs ?? 1000;
  const onError = options.onError ?? (() => undefined);
  const adapter = new KeyvRedis(
    {
      url: options.url,
      // Fail commands at once while disconnected instead of queueing them until Redis is back.
      disableOfflineQueue: true,
      socket: {
        connectTimeout: timeoutMs,
        reconnectStrategy: (retries: number) => Math.min(50 * 2 ** retries, MAX_RECONNECT_DELAY_MS),
      },
    },
    { throwOnConnectError: true, throwOnErrors: true, connectionTimeout: timeoutMs },
  );
  adapter.on('error', onError);
  // The client outlives its connections (the adapter never replaces it), so one listener hears
  // every reconnection; the adapter does not forward `ready` itself.
  if (options.onReady) adapter.client.on('ready', options.onReady);
  const keyv = new Keyv({ store: adapter, namespace: options.prefix, useKeyPrefix: false });
  keyv.throwOnErrors = true;
  keyv.on('error', () => undefined);
  adapter.namespace = options.prefix;

  const apolloKeyv = new Keyv({ store: adapter, namespace: options.prefix, useKeyPrefix: false });
  apolloKeyv.on('error', () => undefined);

  const bounded = async <T>(what: string, call: () => Promise<T>): Promise<T> => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(new StoreUnavailableError(`Redis did not answer ${what} within ${timeoutMs} ms`)),
        timeoutMs,
      );
    });
    try {
      return await Promise.race([call(), timeout]);
    } catch (error) {
      if (error instanceof StoreUnavailableError) throw error;
      const message = error instanceof Error ? error.message : String(error);
      throw new StoreUnavailableError(`Redis ${what} failed: ${message}`);
    } finally {
      clearTimeout(timer);
    }
  };
  const keyOf = (namespace: StoreNamespace, key: string) => `${namespace}:${key}`;

  return {
    async get<T>(namespace: StoreNamespace, key: string): Promise<T | undefined> {
      const text = await bounded('GET', () => keyv.get<string>(keyOf(namespace, key)));
      return text === undefined ? undefined : (JSON.parse(text) as T);
    },
    async set<T>(namespace: StoreNamespace, key: string, value: T, ttlMs: number): Promise<void> {
      await bounded('SET', () => keyv.set(keyOf(namespace, key), JSON.stringify(value), ttlMs));
    },
    async delete(namespace: StoreNamespace, key: string): Promise<void> {
      await bounded('DEL', () => keyv.delete(keyOf(namespace, key)));
    },
    async health() {
      try {
        await bounded('PING', async () => {
          const client = await adapter.getClient();
          await client.ping();
        });
        return { ok: true } as const;
      } catch (error) {
        return { ok: false, reason: (error as Error).message } as const;
      }
    },
    apolloCache: new KeyvAdapter<string>(apolloKeyv as never),
    async close(): Promise<void> {
      try {
        await adapter.disconnect();
      } catch {
        // Already down: nothing to close.
      }
    },
  };
}

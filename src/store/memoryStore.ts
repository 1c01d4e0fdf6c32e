/**
 * The default store: one process's memory, an LRU per namespace, each bounded in bytes (the
 * length of its JSON values and keys: ASCII JSON is held by V8 as one byte per character).
 * An entry leaves when its TTL has passed (on the next read) or, before, only when its namespace
 * reaches its byte bound: then the least recently used go first. So an entry younger than its TTL
 * is kept as long as the bound allows.
 *
 * Danger: per process; replicas need a shared store (`redisStore.ts`).
 */
import { LRUCache } from 'lru-cache';
import type { GatewayStore, StoreNamespace } from './GatewayStore';

/** Most bytes kept per namespace. */
export type MemoryStoreBudgets = Partial<Record<StoreNamespace, number>>;

const MiB = 2 ** 20;

/**
 * Defaults: 64 MiB of cursor positions and of pages, 16 MiB of token chains and of catalogs, 2 MiB
 * of shared responses: they live a second, and a small bound of their own keeps responses nobody
 * asks for again from pushing pages out or from churning the heap (hundreds of dashboard
 * responses fit).
 */
export const DEFAULT_MEMORY_BUDGETS: Readonly<Record<StoreNamespace, number>> = {
  cursor: 64 * MiB,
  chain: 16 * MiB,
  catalog: 16 * MiB,
  page: 64 * MiB,
  response: 2 * MiB,
};

/** An in-memory `GatewayStore`; `now` is the clock of its TTLs. */
export function createMemoryStore(
  options: { budgets?: MemoryStoreBudgets; now?: () => number } = {},
): GatewayStore {
  const caches = new Map<StoreNamespace, LRUCache<string, string>>();
  const perf = options.now ? { now: options.now } : undefined;
  const cacheOf = (namespace: StoreNamespace): LRUCache<string, string> => {
    let cache = caches.get(namespace);
    if (cache === undefined) {
      cache = new LRUCache<string, string>({
        maxSize: options.budgets?.[namespace] ?? DEFAULT_MEMORY_BUDGETS[namespace],
        sizeCalculation: (value, key) => value.length + key.length,
        ttlAutopurge: false,
        // An injected clock is read on every check (lru-cache otherwise reuses a reading for 1 ms).
        ...(perf ? { perf, ttlResolution: 0 } : {}),
      });
      caches.set(namespace, cache);
    }
    return cache;
  };
  return {
    async get<T>(namespace: StoreNamespace, key: string): Promise<T | undefined> {
      const text = cacheOf(namespace).get(key);
      return text === undefined ? undefined : (JSON.parse(text) as T);
    },
    async set<T>(namespace: StoreNamespace, key: string, value: T, ttlMs: number): Promise<void> {
      cacheOf(namespace).set(key, JSON.stringify(value), { ttl: ttlMs });
    },
    async delete(namespace: StoreNamespace, key: string): Promise<void> {
      cacheOf(namespace).delete(key);
    },
    async health() {
      return { ok: true } as const;
    },
    async close(): Promise<void> {
      for (const cache of caches.values()) cache.clear();
    },
  };
}

/**
 * The default store: one process's memory, an LRU per namespace, each bounded in bytes (the JSON
 * length of its values and keys). Danger: per process; replicas need a shared store.
 */
import { LRUCache } from 'lru-cache';
import type { GatewayStore, StoreNamespace } from './GatewayStore';

/** Most bytes kept per namespace (default: 32 MiB each, 64 MiB for pages). */
export type MemoryStoreBudgets = Partial<Record<StoreNamespace, number>>;

const DEFAULT_BUDGETS: Record<StoreNamespace, number> = {
  cursor: 32 * 2 ** 20,
  chain: 32 * 2 ** 20,
  catalog: 32 * 2 ** 20,
  page: 64 * 2 ** 20,
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
        maxSize: options.budgets?.[namespace] ?? DEFAULT_BUDGETS[namespace],
        sizeCalculation: (value, key) => value.length + key.length,
        ttlAutopurge: false,
        perf,
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

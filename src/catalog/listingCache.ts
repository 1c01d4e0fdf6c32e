/**
 * The source listings both catalogs keep: one `lru-cache` whose `fetch()` shares a listing in
 * flight among its readers, keeps a finished one for a time to live, and drops a failed one once
 * its readers have it, so the next read lists again. Optionally backed by the gateway store's
 * `catalog` namespace, so replicas share what one of them listed.
 *
 * Danger: a listing that started before `clear()` still answers its own readers but is not kept,
 * neither here (lru-cache only writes a fetch back while the entry is still that fetch) nor in the
 * store (the generation check in `load`): it may predate whatever made someone clear the cache.
 */
import { LRUCache } from 'lru-cache';
import type { GatewayStore } from '../store/GatewayStore';

export interface ListingCacheOptions {
  /** How long a finished listing is reused; 0 = every read lists again (in-flight still shared). */
  ttlMs: number;
  /** The clock of the time to live (default `Date.now`). */
  now?: () => number;
  /** Where listings are shared with replicas (`catalog` namespace); default: this process only. */
  store?: GatewayStore;
  /** Most listings kept (default 10 000: one per index, application or service). */
  max?: number;
}

type Load = () => Promise<object>;

/** Listings by key (`kendra/<index id>`, `QCONNECT`, ...), shared by every request. */
export class ListingCache {
  private readonly cache: LRUCache<string, object, Load>;
  private readonly ttlMs: number;
  private readonly store?: GatewayStore;
  private generation = 0;

  constructor(options: ListingCacheOptions) {
    const now = options.now ?? Date.now;
    this.ttlMs = options.ttlMs;
    this.store = options.store;
    this.cache = new LRUCache<string, object, Load>({
      max: options.max ?? 10_000,
      ttl: options.ttlMs,
      // Read the clock on every check, so a test's clock moved by 1 ms is seen at once.
      ttlResolution: 0,
      // lru-cache takes a start time of 0 for "no time to live"; a clock starting at 0 is valid.
      perf: { now: () => now() + 1 },
      // A listing cleared while in flight still answers its readers (see the header).
      ignoreFetchAbort: true,
      fetchMethod: (key, _stale, { context }) => this.load(key, context),
    });
  }

  /** The listing under `key`: kept, in flight, or listed now by `list`; rejects as `list` does. */
  async get<T extends object>(key: string, list: () => Promise<T>): Promise<T> {
    const value = await this.cache.fetch(key, { context: list, forceRefresh: this.ttlMs === 0 });
    if (value === undefined) throw new Error(`listing ${key}: the cache returned nothing`);
    return value as T;
  }

  /** Forgets every listing (the next read lists again). */
  clear(): void {
    this.generation++;
    this.cache.clear();
  }

  /** The fetch method: the store's copy when it has one, else `list`, written back to the store. */
  private async load(key: string, list: Load): Promise<object> {
    const generation = this.generation;
    const store = this.store;
    if (store !== undefined && this.ttlMs > 0) {
      // A store that cannot be read only costs a listing.
      const kept = await store.get<string>('catalog', key).catch(() => undefined);
      if (kept !== undefined) return fromStored(kept);
    }
    const value = await list();
    if (store !== undefined && this.ttlMs > 0 && generation === this.generation) {
      await store.set('catalog', key, toStored(value), this.ttlMs).catch(() => undefined);
    }
    return value;
  }
}

/** JSON with dates kept as dates (listings carry `createdAt` / `updatedAt`). */
function toStored(value: object): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key, json: unknown) {
    return this[key] instanceof Date ? { $date: json } : json;
  });
}

function fromStored(text: string): object {
  return JSON.parse(text, (_key, json: unknown) => {
    const date = (json as { $date?: unknown } | null)?.$date;
    return typeof date === 'string' && Object.keys(json as object).length === 1
      ? new Date(date)
      : json;
  }) as object;
}

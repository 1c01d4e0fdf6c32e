/**
 * Merged pages' server-side positions (`relay/pagePositions.ts`) in the gateway's store, `cursor`
 * namespace, each kept for `CURSOR_LIFETIME_MS`, plus a share per client: one client's positions
 * never take more than `clientShareBytes` of the store within a cursor lifetime; past that, its
 * own oldest pages are deleted, never another client's. A burst of one client (many requests, or
 * one request of many aliases) therefore cannot push other clients' cursors out.
 *
 * Danger: the share is counted per process. Behind a load balancer a client spread over N replicas
 * may use N shares of a shared store; size Redis's `maxmemory` for that (README).
 */
import { LRUCache } from 'lru-cache';
import { ErrorCode, gatewayError } from '../errors/ErrorCode';
import type { PositionStore, StoredPage } from '../relay/pagePositions';
import { type GatewayStore, StoreUnavailableError } from './GatewayStore';

/** How long a cursor's stored position is kept: 30 minutes after its page was answered. */
export const CURSOR_LIFETIME_MS = 30 * 60_000;

/** Default share of one client: 8 MiB of positions (about 160 pages of 100 edges, 60 sources). */
export const DEFAULT_CLIENT_SHARE_BYTES = 8 * 2 ** 20;

export interface PositionStoreOptions {
  lifetimeMs?: number;
  clientShareBytes?: number;
  now?: () => number;
}

/** Position stores per client over one `GatewayStore`. */
export interface ClientPositionStores {
  /** The position store of requests from `client` (an address or an authenticated identity). */
  forClient(client: string): PositionStore;
}

interface ClientUsage {
  pages: { id: string; bytes: number }[];
  bytes: number;
}

export function createPositionStores(
  store: GatewayStore,
  options: PositionStoreOptions = {},
): ClientPositionStores {
  const lifetimeMs = options.lifetimeMs ?? CURSOR_LIFETIME_MS;
  const share = options.clientShareBytes ?? DEFAULT_CLIENT_SHARE_BYTES;
  const perf = options.now ? { perf: { now: options.now }, ttlResolution: 0 } : {};
  // A client's usage is forgotten one lifetime after its last page, when its entries expire too.
  const usage = new LRUCache<string, ClientUsage>({ max: 100_000, ttl: lifetimeMs, ...perf });

  const load = async (id: string): Promise<StoredPage | undefined> => {
    try {
      return await store.get<StoredPage>('cursor', id);
    } catch (error) {
      if (!(error instanceof StoreUnavailableError)) throw error;
      throw gatewayError(
        ErrorCode.CURSOR_EXPIRED,
        `The cursor store is unavailable (${error.message}), so the position this cursor ` +
          'points to cannot be read: try again shortly, or start again without after/before',
        { reason: 'STORE_UNAVAILABLE' },
      );
    }
  };

  return {
    forClient(client) {
      return {
        load,
        async save(id, page) {
          const bytes = JSON.stringify(page).length + id.length;
          await store.set('cursor', id, page, lifetimeMs);
          const mine = usage.get(client) ?? { pages: [], bytes: 0 };
          mine.pages.push({ id, bytes });
          mine.bytes += bytes;
          const dropped: string[] = [];
          while (mine.bytes > share && mine.pages.length > 1) {
            const oldest = mine.pages.shift()!;
            mine.bytes -= oldest.bytes;
            if (oldest.id !== id) dropped.push(oldest.id);
          }
          usage.set(client, mine);
          await Promise.allSettled(dropped.map((old) => store.delete('cursor', old)));
        },
      };
    },
  };
}

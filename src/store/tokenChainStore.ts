/**
 * The token chain behind `last`/`before` (`relay/tokenChain.ts`) in the gateway's store, `chain`
 * namespace: key = hash of (connection, token), value = the previous page's token (`null` = the
 * first page). Entries live as long as cursors do.
 *
 * Danger: hints only; every failure of the store reads as "unknown" and every failed write is
 * dropped, so a store outage costs upstream calls, never a wrong page.
 */
import { createHash } from 'node:crypto';
import type { TokenChain } from '../relay/tokenChain';
import type { GatewayStore } from './GatewayStore';
import { CURSOR_LIFETIME_MS } from './positionStore';

function entryKey(k: string, token: string): string {
  return createHash('sha256').update(`${k}\n${token}`).digest('base64url').slice(0, 32);
}

/** A `TokenChain` kept in `store`. */
export function createTokenChain(store: GatewayStore, ttlMs = CURSOR_LIFETIME_MS): TokenChain {
  return {
    async record(k, token, nextToken) {
      try {
        await store.set<string | null>('chain', entryKey(k, nextToken), token ?? null, ttlMs);
      } catch {
        // A hint that could not be kept: a later `before` reads from the window start instead.
      }
    },
    async previous(k, token) {
      try {
        const previous = await store.get<string | null>('chain', entryKey(k, token));
        return previous === null || typeof previous === 'string' ? previous : undefined;
      } catch {
        return undefined;
      }
    },
  };
}

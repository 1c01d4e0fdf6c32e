/**
 * Server-side positions of one merged page: every edge's position, kept once per page rather
 * than once per edge. Consecutive edges of a page differ in the sources that moved between them
 * (the one that gave the edge, and those read in between), so the entry holds the first edge's
 * positions in full and, for each later edge, only the sources whose position changed.
 *
 * Danger: an entry is trusted once read (its page tokens go upstream), so only the gateway may
 * write where entries are read from; a `PositionStore` must be namespaced per gateway
 * configuration and never filled from client input.
 */
import { randomBytes } from 'node:crypto';
import type { WireSortKey } from './sortKey';

/** One source's position as a cursor writes it (see `mergedCursor.ts`): `0` = done. */
export type WirePosition = 0 | Record<string, unknown>;

/** A merged page's positions, as kept in the store. */
export interface StoredPage {
  /** `k` of the feed the page belongs to. */
  k: string;
  /** Walk bound (ms). */
  b: number;
  /** Hash of the source set, when the feed is bound to a key of its own. */
  g?: string;
  /** Key of each edge. */
  s: WireSortKey[];
  /** Positions of the first edge, one per source. */
  m: WirePosition[];
  /** For edge i + 1: `[sourceIndex, position]` of each source whose position changed since i. */
  d: [number, WirePosition][][];
}

/** Where merged pages keep their positions; implemented over the gateway's store. */
export interface PositionStore {
  /** Keeps `page` under `id` for the cursor lifetime; rejects when it cannot be kept. */
  save(id: string, page: StoredPage): Promise<void>;
  /**
   * The page kept under `id`, `undefined` when it is no longer kept. Rejects with a
   * `CURSOR_EXPIRED` error saying so when the store cannot be read.
   */
  load(id: string): Promise<StoredPage | undefined>;
}

/** A new page entry's id: 128 random bits (unguessable, though only signed cursors name it). */
export function newStoredPageId(): string {
  return randomBytes(16).toString('base64url');
}

/** The positions of edge `index` of `page`; `undefined` when the entry is not well formed. */
export function positionsOfEdge(page: StoredPage, index: number): WirePosition[] | undefined {
  if (!Array.isArray(page.m) || !Array.isArray(page.d) || index > page.d.length) return undefined;
  const positions = [...page.m];
  for (let i = 0; i < index; i++) {
    const changes = page.d[i];
    if (!Array.isArray(changes)) return undefined;
    for (const change of changes) {
      if (!Array.isArray(change) || typeof change[0] !== 'number') return undefined;
      if (change[0] < 0 || change[0] >= positions.length) return undefined;
      positions[change[0]] = change[1];
    }
  }
  return positions;
}

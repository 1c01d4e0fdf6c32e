/**
 * Cursors of the merged feed (`mergedConnection.ts`): the walk bound, the key of the edge, and
 * each source's position.
 *
 *   `{ v: 1, k, b, s, g?, m: [position, ...] }`   inline, one position per source in key order;
 *   `g` a hash of the set of sources the positions belong to (when the feed is bound to a key of
 *   its own rather than to its sources: a cursor then survives a change of the source set, each
 *   source resuming after the edge's key from its first page);
 *   position = `0` (source done) or `{ t?, o?, h?, c?, l?, f? }`: `t` the token of the page holding
 *   the source's next unconsumed item (absent = first page), `o` that item's raw offset in the page
 *   (absent = 0), `h` its sort key when it was already seen, `c` how many accepted items from `h` on
 *   were seen (when more than one) and `l` the time of the last of them, `f` the key up to which the
 *   source is consumed when it differs from `s` (`null` = nothing consumed; a source that failed).
 *   `h`, `c` and `l` let the next page leave alone the sources it will not reach.
 *
 *   `{ v: 1, k, r }`   when the inline form is longer than `MAX_INLINE_CURSOR_LENGTH`: the inline
 *   cursor is kept in a `CursorStore` under the handle `r` (a hash of it).
 *
 * Danger: a handle lives only as long as its store entry (LRU + TTL, per process); an unknown
 * handle is `CURSOR_EXPIRED`, telling the client to start again.
 */
import { createHash } from 'node:crypto';
import { ErrorCode, badUserInput, gatewayError } from '../errors/ErrorCode';
import { decodeCursorPayload, encodeCursorPayload } from './cursor';
import type { CursorStore } from './cursorStore';
import type { SortKey } from './pageSource';
import { compareSortKeys, fromWireSortKey, toWireSortKey } from './sortKey';
import type { KnownRun, ReaderPosition } from './sourceReader';

/** Longest cursor handed out inline; a longer position is kept server-side behind a handle. */
export const MAX_INLINE_CURSOR_LENGTH = 1024;

/** Where a merged feed's edge sits: walk bound, edge key, every source's position. */
export interface MergedCursor {
  /** Walk bound (ms). */
  b: number;
  /** Key of the edge. */
  s: SortKey;
  /** One position per source, in the feed's source order; `consumed` is never left implicit. */
  positions: ReaderPosition[];
}

const RESTART = 'start again without after/before';

/** Writes a merged cursor: inline, or a handle into `store` when too long. */
export function encodeMergedCursor(k: string, cursor: MergedCursor, store: CursorStore, setHash?: string): string {
  const m = cursor.positions.map((position) => {
    if (position.done === true) return 0;
    const entry: Record<string, unknown> = {};
    if (position.token !== undefined) entry.t = position.token;
    if (position.offset !== 0) entry.o = position.offset;
    if (position.head !== undefined) entry.h = toWireSortKey(position.head);
    if (position.head !== undefined && position.known !== undefined && position.known.count > 1) {
      entry.c = position.known.count;
      entry.l = Number.isFinite(position.known.lastTime) ? position.known.lastTime : null;
    }
    if (position.consumed === undefined) entry.f = null;
    else if (compareSortKeys(position.consumed, cursor.s) !== 0) entry.f = toWireSortKey(position.consumed);
    return entry;
  });
  const inline = encodeCursorPayload(k, { b: cursor.b, s: toWireSortKey(cursor.s), ...(setHash ? { g: setHash } : {}), m });
  // Cursors travel in query variables, URLs and logs; one position per source, each holding a
  // service token of up to ~1 kB, would grow with the number of sources, so a long one is kept
  // server-side and the client holds a fixed-size handle.
  if (inline.length <= MAX_INLINE_CURSOR_LENGTH) return inline;
  const handle = createHash('sha256').update(inline).digest('base64url').slice(0, 22);
  store.set(handle, inline);
  return encodeCursorPayload(k, { r: handle });
}

/**
 * Reads a merged cursor for a feed over `sourceCount` sources whose key hashes to `k`.
 * `BAD_USER_INPUT` when it is not one; `CURSOR_EXPIRED` when its handle is no longer stored.
 * With `setHash`, a cursor written for another set of sources is still accepted: every source then
 * resumes from its first page after the edge's key (correct, at the cost of re-reading).
 */
export function decodeMergedCursor(
  cursor: string,
  arg: 'after' | 'before',
  k: string,
  sourceCount: number,
  store: CursorStore,
  setHash?: string,
): MergedCursor {
  let payload = decodeCursorPayload(cursor, arg, k);
  const malformed = () =>
    badUserInput(`\`${arg}\` is not a cursor of this connection (it was not issued by this gateway or was altered): ${RESTART}`, {
      argumentName: arg,
    });
  if (payload.r !== undefined) {
    // A handle cursor is exactly `{ v, k, r }`: any other member means it was altered.
    if (typeof payload.r !== 'string' || Object.keys(payload).length !== 3) throw malformed();
    const inline = store.get(payload.r);
    if (inline === undefined) {
      throw gatewayError(
        ErrorCode.CURSOR_EXPIRED,
        `\`${arg}\`: the position this cursor points to is no longer kept by the gateway: ${RESTART}`,
        { argumentName: arg },
      );
    }
    payload = decodeCursorPayload(inline, arg, k);
    if (payload.r !== undefined) throw malformed();
  }
  const s = fromWireSortKey(payload.s);
  const { b, m, g } = payload;
  if (s === undefined || typeof b !== 'number' || !Number.isFinite(b)) throw malformed();
  if (setHash !== undefined && g !== setHash) {
    const fresh: ReaderPosition = { token: undefined, offset: 0, consumed: s };
    return { b, s, positions: Array.from({ length: sourceCount }, () => fresh) };
  }
  // Positions are matched to sources by index (sources in key order): a cursor with another count
  // was minted over another set of sources, and its positions would land on the wrong ones.
  if (!Array.isArray(m) || m.length !== sourceCount) throw malformed();
  const positions = m.map((entry: unknown): ReaderPosition => {
    if (entry === 0) return { done: true };
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) throw malformed();
    const { t, o = 0, h, f, c, l, ...rest } = entry as Record<string, unknown>;
    if (Object.keys(rest).length > 0) throw malformed();
    let known: KnownRun | undefined;
    if (c !== undefined || l !== undefined) {
      if (h === undefined || typeof c !== 'number' || !Number.isInteger(c) || c < 2) throw malformed();
      if (l !== null && !(typeof l === 'number' && Number.isFinite(l))) throw malformed();
      known = { count: c, lastTime: l === null ? -Infinity : l };
    }
    if (t !== undefined && typeof t !== 'string') throw malformed();
    if (typeof o !== 'number' || !Number.isInteger(o) || o < 0) throw malformed();
    const head = h === undefined ? undefined : fromWireSortKey(h);
    if (h !== undefined && head === undefined) throw malformed();
    const consumed = f === undefined ? s : f === null ? undefined : fromWireSortKey(f);
    if (f !== undefined && f !== null && consumed === undefined) throw malformed();
    return { token: t, offset: o, head, known, consumed };
  });
  return { b, s, positions };
}

/**
 * Cursors of the merged feed (`mergedConnection.ts`): the walk bound, the key of the edge, and
 * each source's position. Every form is signed (`cursor.ts`).
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
 *   `h`, `c` and `l` let the next page leave alone the sources it will not reach. `e`, as a
 *   `before` cursor, where the source's part of the window ends when it is not `s` (`null` = at
 *   the end of the list): a source that failed during a backward page keeps its end, so the next
 *   page still brings what it missed.
 *
 *   `{ v: 1, k, p, i }`   a reference: edge `i` of the page whose positions are kept server-side
 *   under `p` (`pagePositions.ts`), used when an inline cursor of the page would be longer than
 *   `MAX_INLINE_CURSOR_LENGTH`.
 *
 * Danger: a reference lives only as long as its page's entry in the store; an unknown one is
 * `CURSOR_EXPIRED`, telling the client to start again.
 */
import { ErrorCode, badUserInput, gatewayError } from '../errors/ErrorCode';
import { decodeCursorPayload, encodeCursorPayload } from './cursor';
import type { CursorSigner } from './cursorSignature';
import type { SortKey } from './pageSource';
import { type PositionStore, type WirePosition, positionsOfEdge } from './pagePositions';
import { compareSortKeys, fromWireSortKey, toWireSortKey } from './sortKey';
import type { KnownRun, ReaderPosition } from './sourceReader';

/** Longest cursor handed out inline; a page with a longer one keeps its positions server-side. */
export const MAX_INLINE_CURSOR_LENGTH = 1024;

/** Where a merged feed's edge sits: walk bound, edge key, every source's position. */
export interface MergedCursor {
  /** Walk bound (ms). */
  b: number;
  /** Key of the edge. */
  s: SortKey;
  /** One position per source, in the feed's source order; `consumed` is never left implicit. */
  positions: ReaderPosition[];
  /**
   * Per source, where its part of the window ends when the cursor is a `before` (`null` = the end
   * of the list); absent or `undefined` = at `s`.
   */
  ends?: (SortKey | null | undefined)[];
}

const RESTART = 'start again without after/before';

/** The positions of `cursor` as written in a cursor or a page entry (relative to its key). */
export function toWirePositions(cursor: MergedCursor): WirePosition[] {
  return cursor.positions.map((_, i) => toWirePosition(cursor, i));
}

/** Source `i`'s position in `cursor` as written (relative to the cursor's key). */
export function toWirePosition(cursor: MergedCursor, i: number): WirePosition {
  const position = cursor.positions[i];
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
  else if (compareSortKeys(position.consumed, cursor.s) !== 0) {
    entry.f = toWireSortKey(position.consumed);
  }
  const end = cursor.ends?.[i];
  if (end === null) entry.e = null;
  else if (end !== undefined && compareSortKeys(end, cursor.s) !== 0) entry.e = toWireSortKey(end);
  return entry;
}

/**
 * Whether source `i` is written the same in cursors `a` and `b`; a quick check that may answer
 * `false` for equal ones (a page entry then only holds one change too many).
 */
export function sameWirePosition(a: MergedCursor, b: MergedCursor, i: number): boolean {
  const p = a.positions[i];
  const q = b.positions[i];
  if (p.done === true || q.done === true) return p.done === q.done;
  const relative = (key: SortKey | null | undefined, s: SortKey) =>
    key === undefined || key === null ? key : compareSortKeys(key, s) === 0 ? 'at-s' : key;
  return (
    p.token === q.token &&
    p.offset === q.offset &&
    p.head === q.head &&
    p.known?.count === q.known?.count &&
    p.known?.lastTime === q.known?.lastTime &&
    relative(p.consumed, a.s) === relative(q.consumed, b.s) &&
    relative(a.ends?.[i], a.s) === relative(b.ends?.[i], b.s)
  );
}

/** The inline cursor of `cursor` (its length decides whether it can be handed out as is). */
export function encodeInlineMergedCursor(
  k: string,
  cursor: MergedCursor,
  signer: CursorSigner,
  setHash?: string,
): string {
  const g = setHash ? { g: setHash } : {};
  const m = toWirePositions(cursor);
  return encodeCursorPayload(k, { b: cursor.b, s: toWireSortKey(cursor.s), ...g, m }, signer);
}

/** A reference to edge `index` of the page kept under `pageId`. */
export function encodeMergedReference(
  k: string,
  pageId: string,
  index: number,
  signer: CursorSigner,
): string {
  return encodeCursorPayload(k, { p: pageId, i: index }, signer);
}

export interface MergedCursorContext {
  /** `k` of the feed's cursors. */
  k: string;
  sourceCount: number;
  signer: CursorSigner;
  positions?: PositionStore;
  /** See `encodeInlineMergedCursor`: the hash of the source set, when bound to a key. */
  setHash?: string;
}

/**
 * Checks a merged cursor's signature, version and connection, without the store: what can be
 * refused before any upstream call or store read is refused here (`BAD_USER_INPUT`).
 */
export function verifyMergedCursor(
  cursor: string,
  arg: 'after' | 'before',
  k: string,
  signer: CursorSigner,
): Record<string, unknown> {
  return decodeCursorPayload(cursor, arg, k, signer);
}

/**
 * Reads a merged cursor: `BAD_USER_INPUT` when it is not one, `CURSOR_EXPIRED` when the page it
 * refers to is no longer kept (or the store is unavailable: `PositionStore.load` says so).
 * With `setHash`, a cursor written for another set of sources is still accepted: every source then
 * resumes from its first page after the edge's key (correct, at the cost of re-reading).
 */
export async function decodeMergedCursor(
  cursor: string,
  arg: 'after' | 'before',
  context: MergedCursorContext,
): Promise<MergedCursor> {
  const { k, sourceCount, setHash } = context;
  const payload = verifyMergedCursor(cursor, arg, k, context.signer);
  const malformed = () =>
    badUserInput(
      `\`${arg}\` is not a cursor of this connection (its payload is not a feed position): ${RESTART}`,
      { argumentName: arg },
    );
  let b: unknown;
  let s: SortKey | undefined;
  let g: unknown;
  let m: unknown;
  if (payload.p !== undefined) {
    const { p, i } = payload;
    if (typeof p !== 'string' || typeof i !== 'number' || !Number.isInteger(i) || i < 0) {
      throw malformed();
    }
    const page = context.positions ? await context.positions.load(p) : undefined;
    if (page === undefined || page.k !== k || i >= page.s.length) {
      throw gatewayError(
        ErrorCode.CURSOR_EXPIRED,
        `\`${arg}\`: the page this cursor points into is no longer kept by the gateway ` +
          `(cursors live at least 30 minutes): ${RESTART}`,
        { argumentName: arg },
      );
    }
    ({ b, g } = page);
    s = fromWireSortKey(page.s[i]);
    m = positionsOfEdge(page, i);
  } else {
    ({ b, g, m } = payload);
    s = fromWireSortKey(payload.s);
  }
  if (s === undefined || typeof b !== 'number' || !Number.isFinite(b)) throw malformed();
  if (setHash !== undefined && g !== setHash) {
    const fresh: ReaderPosition = { token: undefined, offset: 0, consumed: s };
    return { b, s, positions: Array.from({ length: sourceCount }, () => fresh) };
  }
  // Positions are matched to sources by index (sources in key order): a cursor with another count
  // was minted over another set of sources, and its positions would land on the wrong ones.
  if (!Array.isArray(m) || m.length !== sourceCount) throw malformed();
  const key = s;
  const ends: (SortKey | null | undefined)[] = [];
  const positions = m.map((entry: unknown) => {
    const { position, end } = fromWirePosition(entry, key, malformed);
    ends.push(end);
    return position;
  });
  return { b, s, positions, ...(ends.some((end) => end !== undefined) ? { ends } : {}) };
}

function fromWirePosition(
  entry: unknown,
  s: SortKey,
  malformed: () => Error,
): { position: ReaderPosition; end: SortKey | null | undefined } {
  if (entry === 0) return { position: { done: true }, end: undefined };
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) throw malformed();
  const { t, o = 0, h, f, c, l, e, ...rest } = entry as Record<string, unknown>;
  if (Object.keys(rest).length > 0) throw malformed();
  let known: KnownRun | undefined;
  if (c !== undefined || l !== undefined) {
    if (h === undefined || typeof c !== 'number' || !Number.isInteger(c) || c < 2)
      throw malformed();
    if (l !== null && !(typeof l === 'number' && Number.isFinite(l))) throw malformed();
    known = { count: c, lastTime: l === null ? -Infinity : l };
  }
  if (t !== undefined && typeof t !== 'string') throw malformed();
  if (typeof o !== 'number' || !Number.isInteger(o) || o < 0) throw malformed();
  const head = h === undefined ? undefined : fromWireSortKey(h);
  if (h !== undefined && head === undefined) throw malformed();
  const consumed = f === undefined ? s : f === null ? undefined : fromWireSortKey(f);
  if (f !== undefined && f !== null && consumed === undefined) throw malformed();
  const end = e === undefined || e === null ? e : fromWireSortKey(e);
  if (e !== undefined && e !== null && end === undefined) throw malformed();
  return {
    position: { token: t, offset: o, head, known, consumed },
    end: end as SortKey | null | undefined,
  };
}

/**
 * The cursors of one merged page: inline when every edge's cursor fits in
 * `MAX_INLINE_CURSOR_LENGTH`, else one entry in the `PositionStore` for the whole page and, per
 * edge, a small signed reference to it (entry id + index). One store write per page, whatever the
 * page size and however many of its cursors are read.
 *
 * Danger: the entry must be written before the page is answered: the client may send the next
 * request to another replica at once. When the store cannot keep it, the page falls back to inline
 * cursors (longer, still signed); one longer than `MAX_CURSOR_INPUT_LENGTH` could not be read back,
 * so reading it fails with `CURSOR_EXPIRED` saying the store is unavailable.
 */
import { ErrorCode, gatewayError } from '../errors/ErrorCode';
import { MAX_CURSOR_INPUT_LENGTH } from './cursor';
import type { CursorSigner } from './cursorSignature';
import {
  MAX_INLINE_CURSOR_LENGTH,
  type MergedCursor,
  encodeInlineMergedCursor,
  encodeMergedReference,
  sameWirePosition,
  toWirePosition,
  toWirePositions,
} from './mergedCursor';
import {
  type PositionStore,
  type StoredPage,
  type WirePosition,
  newStoredPageId,
} from './pagePositions';
import { toWireSortKey } from './sortKey';

export interface PageCursorContext {
  k: string;
  b: number;
  signer: CursorSigner;
  /** Absent: no store, cursors are inline whatever their length. */
  positions?: PositionStore;
  setHash?: string;
}

/** One function per edge that returns its cursor (or throws when it could not be kept). */
export type CursorOf = () => string;

/** The cursors of a page whose edges are at `marks` (in page order). */
export async function mergedPageCursors(
  marks: readonly MergedCursor[],
  context: PageCursorContext,
): Promise<CursorOf[]> {
  const { k, signer, setHash } = context;
  const encodeInline = (mark: MergedCursor) => encodeInlineMergedCursor(k, mark, signer, setHash);
  // Stops at the first cursor that is too long: a page of long positions costs one encoding, not
  // one per edge (each is a JSON, base64 and HMAC pass over every source's position).
  const inline: string[] = [];
  for (const mark of marks) {
    const cursor = encodeInline(mark);
    if (cursor.length > MAX_INLINE_CURSOR_LENGTH) break;
    inline.push(cursor);
  }
  if (inline.length === marks.length) return inline.map((cursor) => () => cursor);
  const page = storedPageOf(marks, context);
  const id = newStoredPageId();
  try {
    if (context.positions === undefined) throw new Error('no position store');
    await context.positions.save(id, page);
  } catch {
    return marks.map((mark) => () => {
      const cursor = encodeInline(mark);
      if (cursor.length <= MAX_CURSOR_INPUT_LENGTH) return cursor;
      throw gatewayError(
        ErrorCode.CURSOR_EXPIRED,
        'The cursor store is unavailable, so the position of this edge could not be kept ' +
          `(inline it would be ${cursor.length} characters, over the ${MAX_CURSOR_INPUT_LENGTH} ` +
          'limit): try again shortly',
      );
    });
  }
  return marks.map((_, index) => {
    const cursor = encodeMergedReference(k, id, index, signer);
    return () => cursor;
  });
}

/**
 * The entry of a page: the first edge's positions in full, then per edge only the sources whose
 * position changed since the edge before (the one that gave the edge, and those read between).
 */
function storedPageOf(marks: readonly MergedCursor[], context: PageCursorContext): StoredPage {
  const d: [number, WirePosition][][] = [];
  for (let e = 1; e < marks.length; e++) {
    const changes: [number, WirePosition][] = [];
    marks[e].positions.forEach((_, i) => {
      if (sameWirePosition(marks[e - 1], marks[e], i)) return;
      changes.push([i, toWirePosition(marks[e], i)]);
    });
    d.push(changes);
  }
  return {
    k: context.k,
    b: context.b,
    ...(context.setHash !== undefined ? { g: context.setHash } : {}),
    s: marks.map((mark) => toWireSortKey(mark.s)),
    m: toWirePositions(marks[0]),
    d,
  };
}

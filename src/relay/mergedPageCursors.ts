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
  toWirePositions,
} from './mergedCursor';
import { type PositionStore, buildStoredPage, storedPageId } from './pagePositions';
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
  const inline = marks.map((mark) => encodeInlineMergedCursor(k, mark, signer, setHash));
  if (inline.every((cursor) => cursor.length <= MAX_INLINE_CURSOR_LENGTH)) {
    return inline.map((cursor) => () => cursor);
  }
  const keys = marks.map((mark) => toWireSortKey(mark.s));
  const page = buildStoredPage(k, context.b, setHash, keys, marks.map(toWirePositions));
  const id = storedPageId(page);
  try {
    if (context.positions === undefined) throw new Error('no position store');
    await context.positions.save(id, page);
  } catch {
    return inline.map((cursor) => () => {
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

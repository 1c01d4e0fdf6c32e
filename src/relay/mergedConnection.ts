/**
 * One Relay connection over several `PageSource`s: a lazy k-way merge in `SortKey` order (time
 * descending, then service, source id, job id ascending), with the paging rules of
 * `connectionFromPageSource` and partial results when a source fails.
 *
 * Danger: partial pages trade order for completeness. A source that failed keeps its old position
 * in the page's cursors, so the next page asks it again and its items are not lost; they then
 * arrive later than their place in the merged order. Paging backward (`last`/`before`), the
 * failed source is left out of the whole page and keeps that page's window end in its cursors
 * (`e`, see `mergedCursor.ts`), so the next backward page brings its items, at the page's end.
 */
import { ErrorCode } from '../errors/ErrorCode';
import type { Connection } from '../model/connections';
import { type ConnectionArgs, parseConnectionArgs } from './connectionArgs';
import { connectionKeyHash } from './cursor';
import { lazyEdge, lazyPageInfo } from './lazyEdges';
import { type CursorSigner, processCursorSigner } from './cursorSignature';
import { lastBeforeMerged } from './mergedBackward';
import { type MergedCursor, decodeMergedCursor, verifyMergedCursor } from './mergedCursor';
import { mergedPageCursors } from './mergedPageCursors';
import type { PageSource, SortKey } from './pageSource';
import type { PositionStore } from './pagePositions';
import { compareSortKeys } from './sortKey';
import { type ReaderPosition, type ReaderStart, SourceReader } from './sourceReader';
import { ChainRecorder, type TokenChain } from './tokenChain';
import { walkWindow } from './walkWindow';
import { walkBound } from './walkBound';

/** A source left out of a merged page, and why. */
export interface SourceFailure {
  /** `PageSource.key` of the source left out of this page. */
  sourceKey: string;
  /** Its rejection, unchanged (the service layer's `GraphQLError`). */
  error: unknown;
}

/** A merged page, with the sources that failed. */
export interface MergedConnection<T> extends Connection<T> {
  /** Sources that failed and are missing from this page; empty when all answered. */
  failures: SourceFailure[];
}

export interface MergedConnectionOptions {
  /** Clock for the walk bound of a first request (default `Date.now`). */
  now?: () => number;
  /**
   * Where pages whose cursors would be longer than `MAX_INLINE_CURSOR_LENGTH` keep positions.
   * Without one, every cursor is inline (refused past `MAX_CURSOR_INPUT_LENGTH`).
   */
  positions?: PositionStore;
  /** Signs and verifies cursors (default: a random secret of this process). */
  signer?: CursorSigner;
  /**
   * What cursors are bound to (the feed's filter). Default: the set of source keys, so a cursor is
   * refused once a source appears or goes. With a key, such a cursor is still accepted and every
   * source resumes after the edge's key from its first page.
   */
  key?: string;
  /**
   * Pages seen by earlier requests (shared with single-source connections): lets `last: N,
   * before: C` step back from each source's page at C instead of reading from the window start.
   */
  tokenChain?: TokenChain;
  /**
   * False when the caller reads no cursor of this page: none is encoded, signed or stored (a
   * read one then throws). Default true.
   */
  cursors?: boolean;
}

/** Rejections that fail the whole call rather than leave one source out. */
const FATAL_CODES: ReadonlySet<unknown> = new Set([
  ErrorCode.BAD_USER_INPUT,
  ErrorCode.CURSOR_EXPIRED,
]);

function isFatal(error: unknown): boolean {
  const extensions = (error as { extensions?: { code?: unknown } } | null)?.extensions;
  return FATAL_CODES.has(extensions?.code);
}

/**
 * The page of the merged feed over `sources` that `args` ask for.
 *
 * Semantics, arguments, walk bound and page flags: as `connectionFromPageSource`, over the merged
 * list. Sources' keys must be unique across sources (include `[time, service, sourceId, jobId]`);
 * the order of `sources` does not matter (they are taken in `key` order), but the set does: a
 * cursor of a feed over other sources or other filters is `BAD_USER_INPUT`.
 *
 * Cost: every source is asked for its first page at once; after that a source is asked for more
 * only when the merge cannot prove the next item without it, each call sized `skip + wanted + 1`
 * (`maxPageSize` with an `accept` filter), and the sources that need more in the same step are
 * asked together. A cursor remembers the next key of each source it saw, so the next page asks
 * only the sources whose items it will show (and, to save round trips, those whose next key is
 * among the next `first` keys it knows).
 *
 * Failures: a rejection whose `extensions.code` is `BAD_USER_INPUT` or `CURSOR_EXPIRED` is thrown
 * unchanged. Any other leaves its source out of this page (it is listed in `failures`): the page is
 * the first N items of the other sources (backward: at most the last N), the cursors keep the
 * failed source's previous position (backward: its window end), and the flag in the direction
 * of travel (`hasNextPage` forward, `hasPreviousPage` backward) is true, since the failed source
 * may hold more.
 *
 * Cursors: signed; inline when every edge's fits in `MAX_INLINE_CURSOR_LENGTH` (1024) characters,
 * else the page's positions are kept once in `options.positions` and each edge's cursor refers to
 * them (`mergedPageCursors.ts`).
 */
export async function connectionFromMergedSources<T>(
  sources: readonly PageSource<T>[],
  args: ConnectionArgs,
  options: MergedConnectionOptions = {},
): Promise<MergedConnection<T>> {
  const request = parseConnectionArgs(args);
  const signer = options.signer ?? processCursorSigner;
  const ordered = [...sources].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  ordered.forEach((source, i) => {
    if (i > 0 && ordered[i - 1].key === source.key)
      throw new Error(`merged feed: two sources have the key ${source.key}`);
  });
  const setHash = mergedFeedKeyHash(ordered.map((source) => source.key));
  const k = options.key === undefined ? setHash : mergedFeedCursorKey(options.key);
  const boundSet = options.key === undefined ? undefined : setHash;
  const context = {
    k,
    sourceCount: ordered.length,
    signer,
    positions: options.positions,
    setHash: boundSet,
  };
  // Both signatures are checked before either position is read from the store.
  if (request.after !== undefined) verifyMergedCursor(request.after, 'after', k, signer);
  if (request.before !== undefined) verifyMergedCursor(request.before, 'before', k, signer);
  const decode = (cursor: string | undefined, arg: 'after' | 'before') =>
    cursor === undefined ? undefined : decodeMergedCursor(cursor, arg, context);
  const [after, before] = await Promise.all([
    decode(request.after, 'after'),
    decode(request.before, 'before'),
  ]);
  const bound = walkBound(after, before, options.now ?? Date.now);

  const chain = options.tokenChain;
  const recorders = ordered.map(
    (source) => new ChainRecorder(chain, connectionKeyHash(source.key)),
  );
  // Stepping back needs each source's own window end at C: a `before` whose sources all end at
  // its key (no source failed on the page it came from).
  const stepBack =
    request.direction === 'backward' &&
    before !== undefined &&
    before.ends === undefined &&
    chain !== undefined &&
    (after === undefined || compareSortKeys(after.s, before.s) < 0);
  let outcome: {
    items: { item: { node: T }; mark: MergedCursor }[];
    windowHasMore: boolean;
    failures: { readerIndex: number; error: unknown }[];
  };
  if (stepBack) {
    const windowStarts = ordered.map((_, i) => readerStart(after?.positions[i]));
    const plan = { count: request.count, before, after, bound, windowStarts };
    outcome = await lastBeforeMerged(ordered, chain, plan, isFatal);
  } else {
    const readers = ordered.map(
      (source, i) =>
        new SourceReader(source, readerStart(after?.positions[i]), bound, recorders[i].onPage),
    );
    const plan = {
      direction: request.direction,
      count: request.count,
      before: before?.s,
      ends: before?.ends,
    };
    try {
      outcome = await walkWindow(readers, plan, {
        isFatal,
        mark: (item): MergedCursor => ({
          b: bound,
          s: item.key,
          positions: readers.map((reader) => reader.position()),
        }),
      });
    } finally {
      await Promise.all(recorders.map((recorder) => recorder.flush()));
    }
    for (const { mark } of outcome.items) {
      mark.ends = edgeEnds(mark.s, readers, before, request.direction);
    }
  }

  const cursors =
    options.cursors === false
      ? outcome.items.map(() => unselectedCursor)
      : await mergedPageCursors(
          outcome.items.map(({ mark }) => mark),
          { k, b: bound, signer, positions: options.positions, setHash: boundSet },
        );
  const edges = outcome.items.map(({ item }, i) => lazyEdge(item.node, cursors[i]));
  const failures = outcome.failures.map(({ readerIndex, error }) => ({
    sourceKey: ordered[readerIndex].key,
    error,
  }));
  const forward = request.direction === 'forward';
  const partial = failures.length > 0;
  return {
    edges,
    pageInfo: lazyPageInfo(edges, {
      hasNextPage: forward ? outcome.windowHasMore || partial : before !== undefined,
      hasPreviousPage: forward ? after !== undefined : outcome.windowHasMore || partial,
    }),
    failures,
  };
}

/** The `k` of the cursors of a merged feed bound to `key` (`MergedConnectionOptions.key`). */
export function mergedFeedCursorKey(key: string): string {
  return connectionKeyHash(JSON.stringify(['merged-feed', key]));
}

/**
 * Refuses (`BAD_USER_INPUT`) the arguments and cursors of a feed bound to `key` that
 * `connectionFromMergedSources` would refuse, without knowing its sources: lets a resolver check
 * them before discovery or any other upstream call.
 */
export function checkMergedFeedArgs(
  args: ConnectionArgs,
  key: string,
  signer?: CursorSigner,
): void {
  const request = parseConnectionArgs(args);
  const k = mergedFeedCursorKey(key);
  if (request.after !== undefined)
    verifyMergedCursor(request.after, 'after', k, signer ?? processCursorSigner);
  if (request.before !== undefined)
    verifyMergedCursor(request.before, 'before', k, signer ?? processCursorSigner);
}

/** The `k` of a merged feed's cursors: a hash of its sources' keys, whatever their order. */
export function mergedFeedKeyHash(sourceKeys: readonly string[]): string {
  const sorted = [...sourceKeys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return connectionKeyHash(JSON.stringify(['merged', ...sorted]));
}

/**
 * Where each source's window ends when the edge at `s` is used as `before`: at `s`, or earlier
 * when the source's window already ended earlier. Paging backward, a source that failed keeps the
 * end of this page's window (`null` = the end of the list): its items in this page's range were
 * not read, and the next page must still bring them (late, at its end, but once).
 */
function edgeEnds<T>(
  s: SortKey,
  readers: readonly SourceReader<T>[],
  before: MergedCursor | undefined,
  direction: 'forward' | 'backward',
): (SortKey | null | undefined)[] {
  return readers.map((reader, i) => {
    const own = before?.ends?.[i];
    const end = before === undefined ? null : own === undefined ? before.s : own;
    if (direction === 'backward' && reader.failed) return end;
    return end !== null && compareSortKeys(end, s) < 0 ? end : undefined;
  });
}

function readerStart(position: ReaderPosition | undefined): ReaderStart {
  if (position === undefined) return { token: undefined, skipHint: 0, consumed: undefined };
  if (position.done === true) return { done: true };
  return {
    token: position.token,
    // A position's offset is its next unconsumed item's own (unlike a single-source edge's).
    skipHint: position.offset,
    consumed: position.consumed,
    head: position.head,
    known: position.known,
  };
}

function unselectedCursor(): string {
  throw new Error('merged feed: a cursor was read from a page built without cursors');
}

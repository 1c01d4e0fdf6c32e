/**
 * Relay connections over one forward-only, token-paged upstream list: `first/after/last/before`
 * mapped onto `PageSource.fetchPage` calls. Pure paging math; the only I/O is the source's.
 *
 * Danger: `last` is read forward from the window start, because service tokens only go forward:
 * `last: 5` with no `after` reads the whole history, and so does `last: 5, before: C` unless a
 * `TokenChain` knows the pages before C's.
 */
import type { Connection } from '../model/connections';
import { type ConnectionArgs, parseConnectionArgs } from './connectionArgs';
import {
  connectionKeyHash,
  decodeSourceCursor,
  encodeSourceCursor,
  type SourceCursor,
} from './cursor';
import { type CursorSigner, processCursorSigner } from './cursorSignature';
import { lazyEdge, lazyPageInfo } from './lazyEdges';
import type { PageSource } from './pageSource';
import { lastBeforeViaChain } from './backwardWalk';
import { compareSortKeys } from './sortKey';
import { type ReadItem, type ReaderStart, SourceReader } from './sourceReader';
import { ChainRecorder, type TokenChain } from './tokenChain';
import { walkWindow } from './walkWindow';
import { walkBound } from './walkBound';

export interface ConnectionOptions {
  /** Clock for the walk bound of a first request (default `Date.now`). */
  now?: () => number;
  /**
   * Pages seen by earlier requests (the gateway's store): lets `last: N, before: C` start a
   * few pages before C rather than at the window start. Optional; results are the same without.
   */
  tokenChain?: TokenChain;
  /** Signs and verifies cursors (default: a random secret of this process). */
  signer?: CursorSigner;
}

/**
 * The page of `source` that `args` ask for.
 *
 * Semantics: those of the GraphQL Cursor Connections spec over the full list as it was when the
 * walk began (its bound `b`, below). The window is the accepted items strictly after `after` and
 * strictly before `before` (by sort key; an `after` at or past `before` gives an empty window);
 * the page is the first `first` (default 20) or the last `last` items of the window. Page flags:
 *
 *   hasNextPage     = `first` given (or defaulted): the window has more than `first` items;
 *                     `last` given: `before` is given (the `before` item follows the window).
 *   hasPreviousPage = `last` given: the window has more than `last` items;
 *                     `first` given: `after` is given (the `after` item precedes the window).
 *
 * Walk bound: a request without cursors fixes `b = now()`; every cursor it issues carries `b`,
 * requests with a cursor reuse it (the smaller, if `after` and `before` disagree), and items
 * whose time is later than `b` are not in the walk. So a job that starts mid-walk never appears
 * inside the walk, in either direction, and a walk sees every item that existed at its start
 * exactly once, even while the service's pages shift.
 *
 * Cost: `first: N, after: C` starts at C's page (or the page after it, when C ended its page) and
 * asks for `skip + N + 1` items in as few calls as `maxPageSize` allows: no more calls than reading
 * those items needs, plus at most one look-ahead for an exact `hasNextPage`. With an `accept`
 * filter every call asks for `maxPageSize`.
 *
 * Backward: `last` reads the window forward from its start, keeping the last N + 1. With
 * `options.tokenChain` and a `before` cursor, it starts at the `before` edge's page and steps back
 * through pages seen earlier instead (`backwardWalk.ts`), falling back to the forward read.
 *
 * Errors: arguments and cursors are checked before any upstream call (`BAD_USER_INPUT`); an
 * upstream rejection is thrown unchanged.
 */
export async function connectionFromPageSource<T>(
  source: PageSource<T>,
  args: ConnectionArgs,
  options: ConnectionOptions = {},
): Promise<Connection<T>> {
  const request = parseConnectionArgs(args);
  const k = connectionKeyHash(source.key);
  const signer = options.signer ?? processCursorSigner;
  const decode = (cursor: string | undefined, arg: 'after' | 'before') =>
    cursor === undefined ? undefined : decodeSourceCursor(cursor, arg, k, signer);
  const after = decode(request.after, 'after');
  const before = decode(request.before, 'before');
  const bound = walkBound(after, before, options.now ?? Date.now);

  const chain = options.tokenChain;
  const recorder = new ChainRecorder(chain, k);
  const forward = request.direction === 'forward';
  let outcome: { items: ReadItem<T>[]; windowHasMore: boolean };
  if (
    !forward &&
    before !== undefined &&
    chain !== undefined &&
    (after === undefined || compareSortKeys(after.s, before.s) < 0)
  ) {
    const beforePage =
      before.at === 'page'
        ? (before.token ?? null)
        : before.at === 'pageEnd'
          ? await chain.previous(k, before.nextToken)
          : undefined;
    const plan = {
      count: request.count,
      before: before.s,
      beforePage,
      afterKey: after?.s,
      windowStart: readerStart(after),
    };
    outcome = await lastBeforeViaChain(source, k, chain, plan, bound);
  } else {
    // An `after` at or past `before` needs no call: the reader's consumed key is already past the window.
    const reader = new SourceReader(source, readerStart(after), bound, recorder.onPage);
    try {
      const plan = { direction: request.direction, count: request.count, before: before?.s };
      const walked = await walkWindow([reader], plan, {
        isFatal: () => true,
        mark: () => undefined,
      });
      outcome = {
        items: walked.items.map(({ item }) => item),
        windowHasMore: walked.windowHasMore,
      };
    } finally {
      await recorder.flush();
    }
  }

  const edges = outcome.items.map((item) =>
    lazyEdge(item.node, () => encodeSourceCursor(k, edgePosition(item, bound), signer)),
  );
  return {
    edges,
    pageInfo: lazyPageInfo(edges, {
      hasNextPage: forward ? outcome.windowHasMore : before !== undefined,
      hasPreviousPage: forward ? after !== undefined : outcome.windowHasMore,
    }),
  };
}

/**
 * Refuses (`BAD_USER_INPUT`) the arguments and cursors that `connectionFromPageSource` would
 * refuse for a source keyed `sourceKey`, before the source exists: lets a resolver check them
 * before discovery or any other upstream call.
 */
export function checkPageSourceArgs(
  args: ConnectionArgs,
  sourceKey: string,
  signer?: CursorSigner,
): void {
  const request = parseConnectionArgs(args);
  const k = connectionKeyHash(sourceKey);
  if (request.after !== undefined) decodeSourceCursor(request.after, 'after', k, signer);
  if (request.before !== undefined) decodeSourceCursor(request.before, 'before', k, signer);
}

function readerStart(after: SourceCursor | undefined): ReaderStart {
  if (after === undefined) return { token: undefined, skipHint: 0, consumed: undefined };
  switch (after.at) {
    case 'listEnd':
      return { done: true };
    case 'pageEnd':
      return { token: after.nextToken, skipHint: 0, consumed: after.s };
    case 'page':
      // The edge is raw item `offset` of its page: `offset + 1` raw items precede the next one.
      return { token: after.token, skipHint: after.offset + 1, consumed: after.s };
  }
}

function edgePosition(item: ReadItem<unknown>, b: number): SourceCursor {
  if (!item.lastOfPage)
    return { b, s: item.key, at: 'page', token: item.token, offset: item.offset };
  if (item.pageNextToken !== undefined)
    return { b, s: item.key, at: 'pageEnd', nextToken: item.pageNextToken };
  return { b, s: item.key, at: 'listEnd' };
}

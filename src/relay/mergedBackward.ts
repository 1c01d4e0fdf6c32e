/**
 * `last: N, before: C` on the merged feed in proportion to the page, not to the history: the last
 * N items of the merged window are among the last N of each source's own window, so every source
 * steps back from its page at C through the token chain (`backwardWalk.ts`), all sources at once,
 * and the results are merged. Each edge's cursor gets every source's position at that edge, from
 * what was read (`positionAfter`).
 *
 * Danger: a source whose position at C is "done" has no page to step back from; it is read forward
 * from the window start (as without a chain). Its cost is then its history's, not the page's.
 */
import { lastBeforeViaChain } from './backwardWalk';
import { connectionKeyHash } from './cursor';
import type { MergedCursor } from './mergedCursor';
import type { PageSource, SortKey } from './pageSource';
import { compareSortKeys, sortKeyTime } from './sortKey';
import type { ReadItem, ReaderPosition, ReaderStart } from './sourceReader';
import type { TokenChain } from './tokenChain';

export interface MergedBackwardPlan {
  count: number;
  before: MergedCursor;
  after: MergedCursor | undefined;
  bound: number;
  /** Where each source's forward read starts when its chain does not reach (after `after`). */
  windowStarts: ReaderStart[];
}

export interface MergedBackwardOutcome<T> {
  /** The page, oldest-last as connections list them, each with its cursor's mark. */
  items: { item: ReadItem<T>; mark: MergedCursor }[];
  windowHasMore: boolean;
  failures: { readerIndex: number; error: unknown }[];
}

export async function lastBeforeMerged<T>(
  sources: readonly PageSource<T>[],
  chain: TokenChain,
  plan: MergedBackwardPlan,
  isFatal: (error: unknown) => boolean,
): Promise<MergedBackwardOutcome<T>> {
  const { count, before, after, bound } = plan;
  const settled = await Promise.allSettled(
    sources.map((source, i) => {
      const position = before.positions[i];
      const beforePage = position.done === true ? undefined : (position.token ?? null);
      return lastBeforeViaChain(
        source,
        connectionKeyHash(source.key),
        chain,
        {
          count,
          before: before.s,
          beforePage,
          afterKey: after?.s,
          windowStart: plan.windowStarts[i],
        },
        bound,
      );
    }),
  );
  const failures: { readerIndex: number; error: unknown }[] = [];
  const lists: ReadItem<T>[][] = [];
  let windowHasMore = false;
  let total = 0;
  settled.forEach((result, i) => {
    if (result.status === 'rejected') {
      if (isFatal(result.reason)) throw result.reason;
      failures.push({ readerIndex: i, error: result.reason });
      lists.push([]);
      return;
    }
    lists.push(result.value.items);
    total += result.value.items.length;
    windowHasMore ||= result.value.windowHasMore;
  });
  windowHasMore ||= total > count;

  const merged = lists
    .flatMap((list, readerIndex) => list.map((item) => ({ item, readerIndex })))
    .sort((a, b) => compareSortKeys(a.item.key, b.item.key));
  const page = merged.slice(Math.max(0, merged.length - count));
  const failed = new Set(failures.map((failure) => failure.readerIndex));
  // A source that failed is out of the whole page and keeps this page's window end (C's key), so
  // the next page back still brings what it missed (as `walkWindow` does).
  const ends =
    failed.size === 0 ? undefined : lists.map((_, j) => (failed.has(j) ? before.s : undefined));
  const items = page.map(({ item }) => ({
    item,
    mark: {
      b: bound,
      s: item.key,
      positions: lists.map((list, j) =>
        failed.has(j)
          ? untouched(plan.windowStarts[j])
          : positionAfter(list, item.key, plan.windowStarts[j]),
      ),
      ...(ends === undefined ? {} : { ends }),
    },
  }));
  return { items, windowHasMore, failures };
}

/**
 * Where source j resumes after key `s`: its next item read here when there is one. Otherwise its
 * next item is at or after C (it may be C's own item, whose page no cursor names), so it resumes
 * just after the last item read here, or at the window start when none was: reading on from there
 * drops everything up to `s` and finds it.
 */
function positionAfter<T>(
  list: ReadItem<T>[],
  s: SortKey,
  windowStart: ReaderStart,
): ReaderPosition {
  const next = list.findIndex((item) => compareSortKeys(item.key, s) > 0);
  if (next !== -1) {
    const head = list[next];
    const last = list[list.length - 1];
    return {
      token: head.token,
      offset: head.offset,
      head: head.key,
      known: { count: list.length - next, lastTime: sortKeyTime(last.key) },
      consumed: s,
    };
  }
  const last = list[list.length - 1];
  if (last !== undefined) {
    if (!last.lastOfPage) return { token: last.token, offset: last.offset + 1, consumed: s };
    return last.pageNextToken === undefined
      ? { done: true }
      : { token: last.pageNextToken, offset: 0, consumed: s };
  }
  if (windowStart.done === true) return { done: true };
  return { token: windowStart.token, offset: windowStart.skipHint, consumed: s };
}

/** A source that failed keeps the window start: nothing of it counts as seen (as a forward walk). */
function untouched(windowStart: ReaderStart): ReaderPosition {
  if (windowStart.done === true) return { done: true };
  return { token: windowStart.token, offset: windowStart.skipHint, consumed: windowStart.consumed };
}

/**
 * `last: N, before: C` on one source without reading from the top: start at C's page, then step
 * back page by page through a `TokenChain`, reading each step forward up to where the last
 * one began, until N + 1 items of the window are in hand or the window's start is reached.
 *
 * Why it is safe: each step is an ordinary forward read that stops at the first key of the run
 * already read, so the runs join without a gap, whatever the cache says; a cache entry that is
 * missing or leads nowhere only ends the stepping, and the rest is read forward from the window
 * start (after `after`, or the top) up to the first run, as without the cache.
 *
 * Cost: each step back reads its page, and usually one more call to see the first key of the run
 * after it: that check is what catches a page that shifted in a service's offset token mode.
 * Danger: dropping that check to save the call reopens the gap it closes (the property tests with
 * jobs inserted between pages fail without it).
 */
import type { PageSource, SortKey } from './pageSource';
import { compareSortKeys } from './sortKey';
import { type ReadItem, type ReaderStart, SourceReader } from './sourceReader';
import { ChainRecorder, type TokenChain } from './tokenChain';
import { walkWindow } from './walkWindow';

/** What the backward walk needs of the request: the window and where to start. */
export interface BackwardPlan {
  count: number;
  /** Key of the `before` edge and the token of its page (`null` = first page), if known. */
  before: SortKey;
  beforePage: string | null | undefined;
  /** Key of the `after` edge (the window starts after it), and where a forward read resumes. */
  afterKey: SortKey | undefined;
  windowStart: ReaderStart;
}

/** Steps back at most this many pages before falling back to a forward read. */
const MAX_STEPS = 1000;

/** The last `count` items before `before`, stepping back page by page (see the module header). */
export async function lastBeforeViaChain<T>(
  source: PageSource<T>,
  k: string,
  cache: TokenChain,
  plan: BackwardPlan,
  bound: number,
): Promise<{ items: ReadItem<T>[]; windowHasMore: boolean }> {
  const recorder = new ChainRecorder(cache, k);
  try {
    return await stepBack(source, k, cache, plan, bound, recorder.onPage);
  } finally {
    await recorder.flush();
  }
}

async function stepBack<T>(
  source: PageSource<T>,
  k: string,
  cache: TokenChain,
  plan: BackwardPlan,
  bound: number,
  onPage: (token: string | undefined, nextToken: string) => void,
): Promise<{ items: ReadItem<T>[]; windowHasMore: boolean }> {
  const { count, afterKey } = plan;
  const runs: ReadItem<T>[][] = [];
  let total = 0;
  let stop = plan.before;
  let page = plan.beforePage;
  for (let step = 0; page !== undefined && step < MAX_STEPS; step++) {
    const token = page ?? undefined;
    const reader = new SourceReader(
      source,
      { token, skipHint: 0, consumed: afterKey },
      bound,
      onPage,
    );
    const run: ReadItem<T>[] = [];
    for (;;) {
      const item = reader.buffer[0];
      if (item !== undefined) {
        if (compareSortKeys(item.key, stop) >= 0) break;
        run.push(reader.take());
        continue;
      }
      const seen = reader.seenKey();
      if (reader.exhausted || (seen !== undefined && compareSortKeys(seen, stop) >= 0)) break;
      await reader.fetch(Infinity);
    }
    const first = reader.firstRawKey;
    if (first === undefined || compareSortKeys(first, stop) >= 0) {
      // Nothing of the window on this page (the `before` edge opens it, or it is empty): step
      // back without a run. On the first page there is nothing further back to read.
      if (token === undefined) break;
      page = await cache.previous(k, token);
      continue;
    }
    runs.unshift(run);
    total += run.length;
    const reachedStart =
      token === undefined || (afterKey !== undefined && compareSortKeys(first, afterKey) <= 0);
    if (reachedStart || total > count) {
      const items = runs.flat();
      return {
        items: items.slice(Math.max(0, items.length - count)),
        windowHasMore: total > count,
      };
    }
    stop = first;
    page = token === undefined ? undefined : await cache.previous(k, token);
  }
  // Read forward from the window start up to the first run: the last `count - total` of that.
  const rest = await walkWindow(
    [new SourceReader(source, plan.windowStart, bound, onPage)],
    { direction: 'backward', count: count - total, before: stop },
    { isFatal: () => true, mark: () => undefined },
  );
  const items = [...rest.items.map(({ item }) => item), ...runs.flat()];
  return { items, windowHasMore: rest.windowHasMore };
}

/**
 * The walk both connections share: a k-way merge over `SourceReader`s, in `SortKey` order, over
 * the window that starts where the readers start (after `after`) and ends before `before`.
 * Forward it hands out the first `count` items and proves whether one more exists; backward it
 * reads the whole window forward (tokens cannot go back) keeping the last `count + 1`.
 *
 * A round trip happens only when the merge cannot go on without one: a source has no known head
 * and its unfetched items could come before the smallest known head. That round then also reads
 * ahead every other source whose known items all fall among the items the page can still need
 * (so it may run dry before the page is full): sources are read together (`Promise.allSettled`),
 * not one after another as each runs dry. A first page asks every source at once.
 *
 * Danger: the merge is only as right as the sources' order. An item that comes back before a key
 * already handed out (a service not in `sortKeyOf` order) is dropped as a repeat.
 */
import type { SortKey } from './pageSource';
import { compareSortKeys, sortKeyTime } from './sortKey';
import type { ReadItem, SourceReader } from './sourceReader';

/** Which items a walk hands out: direction, count, and where the window ends. */
export interface WalkPlan {
  direction: 'forward' | 'backward';
  count: number;
  /** The window ends strictly before this key. */
  before?: SortKey;
  /**
   * Per reader, where its part of the window ends instead of `before` (`null` = it does not):
   * a source that failed during a backward page keeps the end of that page's window, so the next
   * page still brings the items it missed.
   */
  ends?: readonly (SortKey | null | undefined)[];
}

/** What the caller decides: which failures are fatal, what each item handed out records. */
export interface WalkHooks<T, M> {
  /** A rejection for which the whole call fails (thrown unchanged); otherwise the source drops out. */
  isFatal(error: unknown): boolean;
  /** Called as each item is handed out, after every reader has marked it consumed. */
  mark(item: ReadItem<T>, readerIndex: number): M;
}

/** One item handed out, the reader it came from, and what `mark` recorded for it. */
export interface WalkEmitted<T, M> {
  item: ReadItem<T>;
  readerIndex: number;
  mark: M;
}

/** What a walk found. */
export interface WalkOutcome<T, M> {
  /** The page, in connection order. */
  items: WalkEmitted<T, M>[];
  /** The window (of the sources that answered) has more than `count` items. */
  windowHasMore: boolean;
  failures: { readerIndex: number; error: unknown }[];
}

interface Head {
  readerIndex: number;
  key: SortKey;
}

/** Walks `readers` merged in key order over the window (see the module header). */
export async function walkWindow<T, M>(
  readers: SourceReader<T>[],
  plan: WalkPlan,
  hooks: WalkHooks<T, M>,
): Promise<WalkOutcome<T, M>> {
  const failures: { readerIndex: number; error: unknown }[] = [];
  const endOf = (readerIndex: number): SortKey | undefined => {
    const end = plan.ends?.[readerIndex];
    return end === undefined ? plan.before : end === null ? undefined : end;
  };
  const ends = readers.map((_, i) => endOf(i));
  const inWindowOf = (readerIndex: number, key: SortKey) => {
    const end = ends[readerIndex];
    return end === undefined || compareSortKeys(key, end) < 0;
  };

  async function fetchAll(indices: number[], want: number): Promise<void> {
    const results = await Promise.allSettled(indices.map((i) => readers[i].fetch(want)));
    let fatal: { error: unknown } | undefined;
    results.forEach((result, j) => {
      if (result.status === 'fulfilled') return;
      const error: unknown = result.reason;
      if (hooks.isFatal(error)) {
        fatal ??= { error };
        return;
      }
      const reader = readers[indices[j]];
      reader.failed = true;
      reader.failure = error;
      failures.push({ readerIndex: indices[j], error });
    });
    if (fatal !== undefined) throw fatal.error;
  }

  /**
   * The next item of the window, proven against every source, or `undefined` at the end.
   * `materialize`: items the caller will still hand out (0 = only prove that one exists: then
   * any known head in the window will do, even one known only from the cursor).
   */
  let materializedBefore = false;
  const readAhead = new Set<number>();
  async function nextHead(materialize: number): Promise<Head | undefined> {
    for (;;) {
      let min: Head | undefined;
      readers.forEach((reader, readerIndex) => {
        const key = reader.failed ? undefined : reader.headKey();
        // A head past its reader's end is not in the window: that reader has nothing more.
        if (key === undefined || !inWindowOf(readerIndex, key)) return;
        if (min === undefined || compareSortKeys(key, min.key) < 0) min = { readerIndex, key };
      });
      const toFetch = new Set<number>();
      readers.forEach((reader, i) => {
        if (reader.failed || !reader.needsFetch()) return;
        const seen = reader.seenKey();
        const end = ends[i];
        if (seen !== undefined && end !== undefined && compareSortKeys(seen, end) >= 0) return;
        if (seen !== undefined && min !== undefined && compareSortKeys(seen, min.key) >= 0) return;
        toFetch.add(i);
      });
      if (materialize === 0 && min !== undefined) return min; // any item proves "more"
      if (min !== undefined && materialize > 0 && readers[min.readerIndex].buffer.length === 0) {
        // The next item is only known by its key (from the cursor): fetch it. The first time,
        // alone: its page may well fill this one (a busy source among quiet ones). From the
        // second time on, with every other source known only by its head that this page may
        // still reach, so that interleaved sources cost one more round trip, not one each.
        if (materializedBefore)
          for (const i of headsThePageMayReach(readers, materialize, inWindowOf)) toFetch.add(i);
        toFetch.add(min.readerIndex);
        materializedBefore = true;
      }
      if (toFetch.size > 0) {
        // A round trip is needed anyway: take in it every other source this page may still drain.
        // At most once per reader and walk: its unknown items could all come first, and a second
        // guess could cost a call the page never needed.
        for (const i of readersThePageMayDrain(readers, materialize + 1, inWindowOf)) {
          if (readAhead.has(i) || toFetch.has(i)) continue;
          readAhead.add(i);
          toFetch.add(i);
        }
        // One more than the items still to hand out: the extra one proves (or disproves) that the
        // window goes on, so `hasNextPage` is exact without a call of its own.
        await fetchAll([...toFetch], materialize + 1);
        continue;
      }
      return min;
    }
  }

  function emit(head: Head): WalkEmitted<T, M> {
    const item = readers[head.readerIndex].take();
    for (const reader of readers) if (!reader.failed) reader.markConsumed(item.key);
    return { item, readerIndex: head.readerIndex, mark: hooks.mark(item, head.readerIndex) };
  }

  const { count } = plan;
  if (plan.direction === 'forward') {
    // Ask each time only for what the page still lacks, so a cursor's sources are not over-read.
    const items: WalkEmitted<T, M>[] = [];
    while (items.length < count) {
      const head = await nextHead(count - items.length);
      if (head === undefined) return { items, windowHasMore: false, failures };
      items.push(emit(head));
    }
    return { items, windowHasMore: (await nextHead(0)) !== undefined, failures };
  }
  if (count === 0) return { items: [], windowHasMore: (await nextHead(0)) !== undefined, failures };
  let tail: WalkEmitted<T, M>[] = [];
  for (;;) {
    const head = await nextHead(Infinity);
    if (head === undefined) break;
    tail.push(emit(head));
    // Keep the last `count + 1` (the extra one says an item precedes the page), trimming only
    // when the tail has doubled, so a long window costs one copy per `count + 1` items, not one
    // per item, and memory stays bounded whatever the window's length.
    if (tail.length > 2 * (count + 1)) tail = tail.slice(tail.length - (count + 1));
  }
  // A source that failed is left out of the whole page, not only after its failure: its window
  // then stays open up to this page's end (see `WalkPlan.ends`), and the next page brings all of
  // its items that this one would have shown. Items trimmed above come with the next page too.
  tail = tail.filter(({ readerIndex }) => !readers[readerIndex].failed);
  return {
    // The page is the last `count`; anything kept before them means `hasPreviousPage`.
    items: tail.slice(Math.max(0, tail.length - count)),
    windowHasMore: tail.length > count,
    failures,
  };
}

/**
 * Readers known only by their head (from a cursor) whose head may be among the next `n` items:
 * fewer than `n` items are known to come before it. Items known to come before a head: a source's
 * fetched items with smaller keys, and for another head-only source its known run (`count` items
 * when the run's last item is strictly newer than the head, else just its head).
 */
function headsThePageMayReach<T>(
  readers: SourceReader<T>[],
  n: number,
  inWindowOf: (readerIndex: number, key: SortKey) => boolean,
): number[] {
  const live = readers.filter((reader) => !reader.failed);
  const result: number[] = [];
  readers.forEach((candidate, index) => {
    const head = candidate.virtualHead;
    if (candidate.failed || candidate.buffer.length > 0 || head === undefined) return;
    if (!inWindowOf(index, head)) return;
    let before = 0;
    for (const reader of live) {
      if (reader === candidate || before >= n) continue;
      if (reader.buffer.length > 0) {
        for (const item of reader.buffer) {
          if (compareSortKeys(item.key, head) >= 0) break;
          before++;
        }
      } else if (
        reader.virtualHead !== undefined &&
        compareSortKeys(reader.virtualHead, head) < 0
      ) {
        const known = reader.virtualKnown;
        before += known !== undefined && known.lastTime > sortKeyTime(head) ? known.count : 1;
      }
    }
    if (before < n) result.push(index);
  });
  return result;
}

/**
 * Readers holding fetched items and more to read whose items may all be used by the next `n`
 * items of the page: fewer than `n` known items come before the last key they fetched (counted
 * as `headsThePageMayReach` counts). Such a reader may run dry before the page is full.
 */
function readersThePageMayDrain<T>(
  readers: SourceReader<T>[],
  n: number,
  inWindowOf: (readerIndex: number, key: SortKey) => boolean,
): number[] {
  const result: number[] = [];
  readers.forEach((candidate, index) => {
    const frontier = candidate.seenKey();
    if (candidate.failed || candidate.exhausted || candidate.buffer.length === 0) return;
    if (frontier === undefined || !inWindowOf(index, frontier)) return;
    let before = 0;
    for (const reader of readers) {
      if (reader.failed || before >= n) continue;
      if (reader.buffer.length > 0) {
        for (const item of reader.buffer) {
          if (compareSortKeys(item.key, frontier) >= 0) break;
          before++;
        }
      } else if (
        reader.virtualHead !== undefined &&
        compareSortKeys(reader.virtualHead, frontier) < 0
      ) {
        const known = reader.virtualKnown;
        before += known !== undefined && known.lastTime > sortKeyTime(frontier) ? known.count : 1;
      }
    }
    if (before < n) result.push(index);
  });
  return result;
}

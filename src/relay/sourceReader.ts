/**
 * Reads one `PageSource` forward, one upstream page at a time, from a resume point: the page
 * token to start at, the key up to which everything is already consumed, and the walk bound.
 *
 * It keeps the items it fetched but has not handed out yet, and drops on arrival every item at or
 * before the last key it has seen. That drop is what makes resuming by key work in a service's
 * offset token mode: newer jobs push older ones to later pages, so the page at a token may start
 * earlier than when the token was minted, and the next page may repeat items of this one.
 *
 * Danger: a failed fetch leaves the reader exactly as it was, so the merged feed can report the
 * source's previous position in its cursors; keep every state change after the `await`.
 */
import { ErrorCode, gatewayError } from '../errors/ErrorCode';
import type { PageSource, SortKey } from './pageSource';
import { compareSortKeys, sortKeyTime } from './sortKey';

/** An accepted item and where it came from. */
export interface ReadItem<T> {
  node: T;
  key: SortKey;
  /** Token of the page it came from (`undefined` = first page). */
  token: string | undefined;
  /** Its raw offset in that page. */
  offset: number;
  /** Every raw item after it in its page was rejected or a repeat: resume at `pageNextToken`. */
  lastOfPage: boolean;
  /** The nextToken of its page (`undefined` = its page was the last). */
  pageNextToken: string | undefined;
}

/** Where a reader starts. */
export type ReaderStart =
  | { done: true }
  | {
      done?: false;
      /** Page to fetch first (`undefined` = first page). */
      token: string | undefined;
      /** Raw items expected on that page before the first one wanted: sizes the first call. */
      skipHint: number;
      /** Everything at or before this key is consumed (`undefined` = nothing is). */
      consumed: SortKey | undefined;
      /** Key of the next accepted item, when an earlier request saw it (merged feed only). */
      head?: SortKey;
      /** How many accepted items from `head` on that request saw, and the time of the last. */
      known?: KnownRun;
    };

/** A run of accepted items known to follow a head: at least `count`, the last at `lastTime`. */
export interface KnownRun {
  count: number;
  lastTime: number;
}

/** A reader's position, as a merged cursor records it. */
export type ReaderPosition =
  | { done: true }
  | {
      done?: false;
      token: string | undefined;
      offset: number;
      head?: SortKey;
      known?: KnownRun;
      consumed: SortKey | undefined;
    };

/** Reads one `PageSource` forward from a resume point (see the module header). */
export class SourceReader<T> {
  readonly buffer: ReadItem<T>[] = [];
  /** Key of the next accepted item, known from a cursor but not fetched yet. */
  virtualHead: SortKey | undefined;
  /** What the cursor knew of the items from `virtualHead` on. */
  virtualKnown: KnownRun | undefined;
  /** Everything at or before this key was handed out or rejected. */
  consumed: SortKey | undefined;
  /** No page left to fetch. */
  exhausted: boolean;
  /** Key of the first raw item this reader received, whatever became of it. */
  firstRawKey: SortKey | undefined;
  /** The last fetch failed with this (merged feed: the source is out of this page). */
  failure: unknown;
  failed = false;

  private nextToken: string | undefined;
  private skipHint: number;
  /** The last raw key fetched: items at or before it are repeats. */
  private seen: SortKey | undefined;
  private fetchedAny = false;

  constructor(
    readonly source: PageSource<T>,
    start: ReaderStart,
    /** Walk bound: items whose time is later are not in the walk. */
    readonly bound: number,
    /** Told of every page read: its token and the nextToken it returned (fills a `TokenChain`). */
    private readonly onPage?: (token: string | undefined, nextToken: string) => void,
  ) {
    if (start.done === true) {
      this.exhausted = true;
      this.nextToken = undefined;
      this.skipHint = 0;
    } else {
      this.exhausted = false;
      this.nextToken = start.token;
      this.skipHint = start.skipHint;
      this.consumed = start.consumed;
      this.seen = start.consumed;
      this.virtualHead = start.head;
      this.virtualKnown = start.head !== undefined ? start.known : undefined;
    }
  }

  /** The next accepted key: buffered, or known from the cursor. */
  headKey(): SortKey | undefined {
    return this.buffer[0]?.key ?? this.virtualHead;
  }

  /** No head known and more pages to read: its next item is somewhere after `seenKey()`. */
  needsFetch(): boolean {
    return !this.exhausted && this.buffer.length === 0 && this.virtualHead === undefined;
  }

  /** Lower bound for unfetched items: they all come after this key. */
  seenKey(): SortKey | undefined {
    return this.seen;
  }

  take(): ReadItem<T> {
    const item = this.buffer.shift();
    if (item === undefined) throw new Error('SourceReader.take on an empty buffer');
    return item;
  }

  markConsumed(key: SortKey): void {
    if (this.consumed === undefined || compareSortKeys(key, this.consumed) > 0) this.consumed = key;
  }

  position(): ReaderPosition {
    const head = this.buffer[0];
    if (head !== undefined) {
      const last = this.buffer[this.buffer.length - 1];
      const known = { count: this.buffer.length, lastTime: sortKeyTime(last.key) };
      return {
        token: head.token,
        offset: head.offset,
        head: head.key,
        known,
        consumed: this.consumed,
      };
    }
    if (this.exhausted) return { done: true };
    return {
      token: this.nextToken,
      // Nothing fetched yet: still where the cursor put us, its offset included. After a fetch the
      // next page is a fresh one, whose first raw item is the next wanted.
      offset: this.fetchedAny ? 0 : this.skipHint,
      head: this.virtualHead,
      known: this.virtualKnown,
      consumed: this.consumed,
    };
  }

  /**
   * One upstream call for the next page. `want`: accepted items the caller may still use
   * (`Infinity` = all). The size is `min(maxPageSize, skip + want)`; with an `accept` filter the
   * yield is unknown, so the size is `maxPageSize` (fewer, larger calls).
   */
  async fetch(want: number): Promise<void> {
    if (this.exhausted) return;
    const { source } = this;
    const token = this.nextToken;
    // The skip hint only concerns the first page read: the raw items of the cursor's page that
    // precede the resume point. Asking for them plus `want` makes one call enough when nothing
    // shifted; at least 1, since the services refuse a page size of 0.
    const skip = this.fetchedAny ? 0 : this.skipHint;
    const max = Math.max(1, Math.floor(source.maxPageSize));
    const size = source.accept !== undefined ? max : Math.max(1, Math.min(max, skip + want));
    // The reader's first token is where an earlier request left off (a cursor, or a page the
    // token chain remembers); every later one came from a page this reader just read.
    const tokenFromCursor = !this.fetchedAny && token !== undefined;
    const origin = tokenFromCursor ? { tokenFromCursor } : undefined;
    const page = await source.fetchPage(token, size, origin);
    if (page.nextToken !== undefined && page.nextToken === token) {
      throw gatewayError(
        ErrorCode.UPSTREAM_UNAVAILABLE,
        'The service returned the same page token twice; paging stopped to avoid a loop',
        { sourceKey: source.key },
      );
    }
    if (page.nextToken !== undefined) this.onPage?.(token, page.nextToken);
    this.fetchedAny = true;
    this.virtualHead = undefined;
    this.virtualKnown = undefined;
    this.nextToken = page.nextToken;
    this.exhausted = page.nextToken === undefined;
    const accepted: ReadItem<T>[] = [];
    page.items.forEach((node, offset) => {
      const key = source.sortKeyOf(node);
      this.firstRawKey ??= key;
      // At or before a key already seen: a repeat (the skipped head of a resumed page, or an item
      // an offset token's shift pushed onto this page again). Raw offsets still count it.
      if (this.seen !== undefined && compareSortKeys(key, this.seen) <= 0) return;
      this.seen = key;
      if (sortKeyTime(key) > this.bound) return;
      if (source.accept !== undefined && !source.accept(node)) return;
      accepted.push({ node, key, token, offset, lastOfPage: false, pageNextToken: page.nextToken });
    });
    const last = accepted[accepted.length - 1];
    if (last !== undefined) last.lastOfPage = true;
    this.buffer.push(...accepted);
  }
}

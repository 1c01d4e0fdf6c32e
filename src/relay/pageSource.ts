/**
 * What the paging core needs from a service: one upstream page per call, in a fixed order.
 * Everything in `src/relay/` reaches upstream only through a `PageSource`, so the paging math
 * stays pure and is tested against an in-memory source (`test/relay/memorySource.ts`).
 *
 * Danger: `sortKeyOf` must agree with the order the service really returns. Cursors resume by
 * comparing keys, so a key that is not unique, or not in the service's order, shows up as a
 * skipped or repeated job rather than as an error.
 */

/**
 * Position of an item in a connection. Order: `time` descending (newest first), then the ties
 * ascending by plain string comparison (`<`), element by element. A missing time is `-Infinity`
 * (sorts last); `NaN` is read as `-Infinity`. The ties must make the key unique within the
 * connection, for the merged feed across all its sources: `[startMs, service, sourceId, jobId]`.
 */
export type SortKey = readonly [time: number, ...ties: string[]];

/**
 * One call for a page of a token-paged list: the token (`undefined` = first page) and how many
 * items to ask for. `tokenFromCursor` says the token came from a client's cursor (or what an
 * earlier request kept for it), not from a page read in this request: only such a token can have
 * expired in the client's hands, so only its rejection is `CURSOR_EXPIRED`.
 */
export interface PageRequest {
  token?: string;
  size: number;
  tokenFromCursor?: boolean;
}

/** One answer of the service's list call. `nextToken` absent = this was the last page. */
export interface ServicePage<T> {
  items: T[];
  nextToken?: string;
}

/** A forward-only, token-paged list the paging core reads (one per source and filter). */
export interface PageSource<T> {
  /**
   * Canonical key of this connection: service, resource ids and filters, in a fixed spelling.
   * Cursors are bound to (a hash of) it; a cursor minted under another key is refused.
   */
  readonly key: string;
  /** Largest page size the service accepts (Kendra / Q Business sync jobs 10, Q Connect 100). */
  readonly maxPageSize: number;
  /**
   * One upstream call. `token` undefined = first page; `size` is between 1 and `maxPageSize`.
   * Items come newest first, in `sortKeyOf` order. May reject: the core passes the error on
   * unchanged (the merged feed keeps going without the source, see `mergedConnection.ts`).
   * `origin.tokenFromCursor`: see `PageRequest`.
   */
  fetchPage(
    token: string | undefined,
    size: number,
    origin?: { tokenFromCursor?: boolean },
  ): Promise<ServicePage<T>>;
  /** The item's key, e.g. `[startTimeMs, service, sourceId, jobId]`. */
  sortKeyOf(item: T): SortKey;
  /** Filters the service could not apply, applied here; absent = accept all. Must be pure. */
  accept?(item: T): boolean;
}

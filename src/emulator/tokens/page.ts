/**
 * Cuts one page out of a sorted list and issues the token for the next, in either token mode:
 * `keyset` continues strictly after the sort key of the last item returned (newer items arriving
 * between pages shift nothing), `offset` skips the number of items already returned (newer items
 * push older ones onto later pages, as a naive service does).
 *
 * Danger: a token on the last page makes the SDK paginators ask again; the next token is issued
 * only when items remain after the page, so the last page carries none.
 */
import { ServiceError } from '../protocols/serviceError';
import { TokenError, type PageTokenCodec, type PagePosition, type SortKey } from './pageTokens';

/** How the next page is found: after the last key returned, or after a count. */
export type TokenMode = 'keyset' | 'offset';

/** The token codec and mode of one emulator. */
export interface PageContext {
  tokens: PageTokenCodec;
  mode: TokenMode;
}

/** One List request's paging members. */
export interface PageQuery {
  /**
   * What the token is bound to: service, operation, resource ids and filters (not the page size).
   */
  binding: string;
  maxResults: number;
  nextToken?: string;
  /** The wire name of the token member, for error messages (`NextToken` or `nextToken`). */
  tokenField: string;
}

/** Ids longer than this are not carried in a keyset token (it must fit 800 chars). */
const MAX_ID_IN_TOKEN = 512;

/** Newest first by start time, ties by id ascending, jobs without a start time last. */
export function jobSortKey(startMs: number | undefined, id: string): SortKey {
  return { rank: startMs === undefined ? Number.MAX_SAFE_INTEGER : -startMs, id };
}

/** Orders two sort keys: by rank, then by id (plain string comparison). */
export function compareKeys(a: SortKey, b: SortKey): number {
  if (a.rank !== b.rank) return a.rank < b.rank ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Sorts a copy of `items` by `keyOf` (each key computed once: histories can hold thousands of
 * jobs).
 */
export function sortByKey<T>(items: readonly T[], keyOf: (item: T) => SortKey): T[] {
  return items
    .map((item) => ({ item, key: keyOf(item) }))
    .sort((a, b) => compareKeys(a.key, b.key))
    .map(({ item }) => item);
}

/**
 * The page of `items` (already sorted by `keyOf`) that `query` asks for, and the token of the next
 * page when items remain. An undecodable, foreign or expired token is a ValidationException.
 */
export function listPage<T>(
  ctx: PageContext,
  items: readonly T[],
  keyOf: (item: T) => SortKey,
  query: PageQuery,
): { items: T[]; nextToken?: string } {
  const start = query.nextToken === undefined ? 0 : startIndex(items, keyOf, readToken(ctx, query));
  const end = Math.min(items.length, start + query.maxResults);
  const page = items.slice(start, end);
  if (end >= items.length || page.length === 0) return { items: page };
  return {
    items: page,
    nextToken: ctx.tokens.encode(query.binding, nextPosition(ctx.mode, items, keyOf, end)),
  };
}

function readToken(ctx: PageContext, query: PageQuery): PagePosition {
  try {
    return ctx.tokens.decode(query.nextToken as string, query.binding);
  } catch (error) {
    if (error instanceof TokenError)
      throw new ServiceError('ValidationException', error.message, { field: query.tokenField });
    throw error;
  }
}

function startIndex<T>(
  items: readonly T[],
  keyOf: (item: T) => SortKey,
  position: PagePosition,
): number {
  if ('offset' in position) return Math.min(position.offset, items.length);
  if ('after' in position) {
    const index = items.findIndex((item) => compareKeys(keyOf(item), position.after) > 0);
    return index === -1 ? items.length : index;
  }
  const firstOfRank = items.findIndex((item) => keyOf(item).rank >= position.rank);
  if (firstOfRank === -1) return items.length;
  const afterRank = items.findIndex((item) => keyOf(item).rank > position.rank);
  return Math.min(firstOfRank + position.skip, afterRank === -1 ? items.length : afterRank);
}

function nextPosition<T>(
  mode: TokenMode,
  items: readonly T[],
  keyOf: (item: T) => SortKey,
  end: number,
): PagePosition {
  if (mode === 'offset') return { offset: end };
  const last = keyOf(items[end - 1]);
  if (last.id.length <= MAX_ID_IN_TOKEN) return { after: last };
  const firstOfRank = items.findIndex((item) => keyOf(item).rank === last.rank);
  return { rank: last.rank, skip: end - firstOfRank };
}

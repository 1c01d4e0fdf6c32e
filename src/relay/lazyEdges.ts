/**
 * Edges whose cursor is encoded (and signed) only when something reads it: a client that selects
 * `nodes` and `pageInfo { endCursor }` pays for one cursor, not one per edge.
 */
import type { Edge, PageInfo } from '../model/connections';

/** An edge whose cursor is `encode()`d on first read, then kept. */
export function lazyEdge<T>(node: T, encode: () => string): Edge<T> {
  let cursor: string | undefined;
  return {
    node,
    get cursor() {
      cursor ??= encode();
      return cursor;
    },
  };
}

/** Page flags whose start and end cursors are those of the first and last of `edges`, on read. */
export function lazyPageInfo<T>(
  edges: Edge<T>[],
  flags: Pick<PageInfo, 'hasNextPage' | 'hasPreviousPage'>,
): PageInfo {
  return {
    ...flags,
    get startCursor() {
      return edges[0]?.cursor ?? null;
    },
    get endCursor() {
      return edges[edges.length - 1]?.cursor ?? null;
    },
  };
}

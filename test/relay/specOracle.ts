/**
 * The GraphQL Cursor Connections spec's pagination algorithm, applied to the full list: what every
 * page of `connectionFromPageSource` and `connectionFromMergedSources` must equal.
 * (https://relay.dev/graphql/connections.htm, "Pagination algorithm".)
 *
 * One reading is fixed here: `before` is looked up in the full list, as graphql-relay-js's
 * `connectionFromArraySlice` does, so an `after` at or past `before` gives an empty window. (Read
 * literally, the spec looks for `before` among the edges left after `after`, and ignores it there.)
 * `hasPreviousPage` with `after` and `hasNextPage` with `before` are true: the gateway can always
 * tell that the cursor's own item lies outside the window.
 */

export interface SpecArgs<N> {
  first?: number;
  after?: N;
  last?: number;
  before?: N;
}

export interface SpecPage<N> {
  nodes: N[];
  hasPreviousPage: boolean;
  hasNextPage: boolean;
}

/** ApplyCursorsToEdges(allEdges, before, after). */
export function applyCursorsToEdges<N>(
  allEdges: readonly N[],
  args: SpecArgs<N>,
  same: (a: N, b: N) => boolean,
): N[] {
  const find = (node: N) => {
    const index = allEdges.findIndex((edge) => same(edge, node));
    if (index === -1) throw new Error('oracle: a cursor names a node that is not in the list');
    return index;
  };
  const start = args.after !== undefined ? find(args.after) + 1 : 0;
  const end = args.before !== undefined ? find(args.before) : allEdges.length;
  return allEdges.slice(start, Math.max(start, end));
}

/** EdgesToReturn, HasPreviousPage and HasNextPage. */
export function specPage<N>(
  allEdges: readonly N[],
  args: SpecArgs<N>,
  same: (a: N, b: N) => boolean = Object.is,
): SpecPage<N> {
  const window = applyCursorsToEdges(allEdges, args, same);
  let edges = window;
  if (args.first !== undefined) {
    if (args.first < 0) throw new Error('oracle: first < 0');
    if (edges.length > args.first) edges = edges.slice(0, args.first);
  }
  if (args.last !== undefined) {
    if (args.last < 0) throw new Error('oracle: last < 0');
    if (edges.length > args.last) edges = edges.slice(edges.length - args.last);
  }
  const hasPreviousPage =
    args.last !== undefined ? window.length > args.last : args.after !== undefined;
  const hasNextPage =
    args.first !== undefined ? window.length > args.first : args.before !== undefined;
  return { nodes: edges, hasPreviousPage, hasNextPage };
}

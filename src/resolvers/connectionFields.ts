/** `nodes` of every connection type: the edges' nodes, so clients can skip `edges` when cursors are not needed. */
import type { Connection } from '../model/connections';

/** The resolvers every connection type shares. */
export const connectionFields = {
  nodes: <T>(connection: Connection<T>): T[] => connection.edges.map((edge) => edge.node),
};

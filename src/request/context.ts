/**
 * What every resolver gets: the request's loaders (new per request), the shared upstream and
 * catalog, and options. Danger: `loaders` must never outlive the request.
 */
import type { GraphQLError } from 'graphql';
import type { SourceCatalog } from '../catalog/SourceCatalog';
import { createLoaders, type Loaders } from './createLoaders';
import type { CursorStore } from '../relay/cursorStore';
import type { TokenChainCache } from '../relay/tokenChainCache';
import type { Upstream } from '../services/upstream';

/** Gateway-wide settings resolvers read. */
export interface GatewayOptions {
  /** Push filters down to the services where they can take them (default true). */
  pushdown: boolean;
  /** Development mode: upstream error details are shown to clients. */
  development: boolean;
  /** The clock of walk bounds and summaries. */
  now: () => number;
  /** Longest `jobSummary` window, in days. */
  summaryMaxDays: number;
}

/** What every resolver gets for one request. */
export interface GatewayContext {
  loaders: Loaders;
  upstream: Upstream;
  catalog: SourceCatalog;
  cursorStore: CursorStore;
  tokenChain: TokenChainCache;
  options: GatewayOptions;
  /** Failures of single sources, reported next to the data (see partialErrors.ts). */
  partialErrors: GraphQLError[];
}

/** What every request's context shares, built once per gateway. */
export interface GatewayShared {
  upstream: Upstream;
  catalog: SourceCatalog;
  cursorStore: CursorStore;
  /** Which upstream page preceded which: lets `last`/`before` start near the cursor. */
  tokenChain: TokenChainCache;
  options: GatewayOptions;
}

/** A fresh context for one GraphQL request. */
export function createContext(shared: GatewayShared): GatewayContext {
  return { ...shared, loaders: createLoaders(shared.upstream), partialErrors: [] };
}

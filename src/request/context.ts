/**
 * What every resolver gets: the request's loaders (new per request), the shared upstream and
 * catalog, and options. Danger: `loaders` must never outlive the request.
 */
import type { GraphQLError } from 'graphql';
import type { SourceCatalog } from '../catalog/SourceCatalog';
import { ANONYMOUS_CALLER, servicesOf, type Caller } from './caller';
import { restrictCatalog } from './callerCatalog';
import { createLoaders, type Loaders } from './createLoaders';
import type { FinishedRuns } from './finishedRuns';
import type { LookAhead } from './lookAhead';
import type { PageCache } from './pageCache';
import type { CursorSigner } from '../relay/cursorSignature';
import type { PositionStore } from '../relay/pagePositions';
import type { TokenChain } from '../relay/tokenChain';
import type { GatewayStore } from '../store/GatewayStore';
import type { ClientPositionStores } from '../store/positionStore';
import { attachCallBudget } from '../services/callBudget';
import type { Upstream } from '../services/upstream';
import { RequestCost } from './requestCost';
import type { JobUpdatesHub } from './jobUpdatesHub';

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
  /** The configured AWS region: ARNs of other regions are refused locally. */
  region?: string;
  /** Most upstream calls one request may make, estimated before and counted during execution. */
  maxCost: number;
  /** Most sources one subscription may cover (each is a poller to run). */
  maxSubscriptionSources: number;
}

/** What every resolver gets for one request. */
export interface GatewayContext {
  loaders: Loaders;
  upstream: Upstream;
  catalog: SourceCatalog;
  /** Where merged pages keep their cursor positions: this request's client's share of the store. */
  positions: PositionStore;
  tokenChain: TokenChain;
  cursorSigner: CursorSigner;
  /** Upstream job pages kept between requests; absent = none kept. */
  pageCache?: PageCache;
  /** Runs of finished jobs `jobSummary` counted before; absent = none kept. */
  finishedRuns?: FinishedRuns;
  /** Background reads of the next pages (`--look-ahead`); absent = off. */
  lookAhead?: LookAhead;
  options: GatewayOptions;
  /** The shared pollers behind subscriptions. */
  live: JobUpdatesHub;
  /** Failures of single sources, reported next to the data (see partialErrors.ts). */
  partialErrors: GraphQLError[];
  /** This request's upstream calls: estimate, count and limit. */
  cost: RequestCost;
  /** Who is asking, as the HTTP edge authenticated them; field scopes are checked against it. */
  caller: Caller;
  /** The request's id (also in its response header, errors and log lines). */
  requestId?: string;
}

/** What every request's context shares, built once per gateway. */
export interface GatewayShared {
  upstream: Upstream;
  catalog: SourceCatalog;
  /** Everything a later request needs from an earlier one (memory, or Redis shared by replicas). */
  store: GatewayStore;
  /** Cursor positions in `store`, a share per client. */
  positionStores: ClientPositionStores;
  /** Which upstream page preceded which: lets `last`/`before` start near the cursor. */
  tokenChain: TokenChain;
  /** Signs every cursor issued and verifies every cursor received. */
  cursorSigner: CursorSigner;
  /** Upstream job pages kept between requests (`pageCache.ts`); absent = none kept. */
  pageCache?: PageCache;
  /** Runs of finished jobs `jobSummary` counted before (`finishedRuns.ts`); absent = none kept. */
  finishedRuns?: FinishedRuns;
  /** Background reads of the next pages (`lookAhead.ts`, `--look-ahead`); absent = off. */
  lookAhead?: LookAhead;
  options: GatewayOptions;
  live: JobUpdatesHub;
  /** Told when a mutation changed a source's history (cached responses must not be served). */
  onHistoryChanged?: () => void;
}

/** Who sent a request: for store shares (an address, or an authenticated identity), scopes, logs. */
export interface RequestOrigin {
  client: string;
  /** The authenticated caller; absent = anonymous (a gateway without authentication). */
  caller?: Caller;
  requestId?: string;
}

/** A fresh context for one GraphQL request. */
export function createContext(
  shared: GatewayShared,
  origin: RequestOrigin = { client: 'local' },
): GatewayContext {
  const cost = new RequestCost(shared.options.maxCost);
  // Upstream charges the request's scope (set up by the HTTP edge) for every call it makes.
  attachCallBudget(cost);
  const caller = origin.caller ?? ANONYMOUS_CALLER;
  const services = servicesOf(caller.scopes);
  return {
    upstream: shared.upstream,
    catalog: services ? restrictCatalog(shared.catalog, services) : shared.catalog,
    tokenChain: shared.tokenChain,
    cursorSigner: shared.cursorSigner,
    options: shared.options,
    live: shared.live,
    positions: shared.positionStores.forClient(origin.client),
    pageCache: shared.pageCache,
    finishedRuns: shared.finishedRuns,
    lookAhead: shared.lookAhead,
    loaders: createLoaders(shared.upstream, {
      pageCache: shared.pageCache,
      onHistoryChanged: shared.onHistoryChanged,
    }),
    partialErrors: [],
    cost,
    caller,
    requestId: origin.requestId,
  };
}

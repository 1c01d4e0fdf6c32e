/**
 * What a gateway can be told: every field of `startGateway`'s configuration, and the defaults
 * other modules name. The CLI's flags map onto these fields. Danger: a field added here needs its
 * flag, its environment variable and its README row too (`test/server/configDocs.test.ts`).
 */
import type { DestinationStream } from 'pino';
import type { SourceCatalog } from '../catalog/SourceCatalog';
import type { Service } from '../model/services';
import type { Clock } from '../request/clock';
import type { PageCacheOptions } from '../request/pageCache';
import type { ClientOptions } from '../services/clients';
import type { Upstream } from '../services/upstream';
import type { GatewayStore } from '../store/GatewayStore';
import type { LiveBus } from '../store/LiveBus';
import type { DocumentLimits } from './documentLimits';
import type { AuthSettings } from './authenticate';

/** Everything `startGateway` can be told; the CLI's flags map onto these fields. */
export interface GatewayConfig {
  port?: number;
  host?: string;
  /** Where the services are: an emulator URL; undefined = AWS (the SDK's endpoint settings apply). */
  endpoint?: string;
  region?: string;
  /** SDK attempts per upstream call, retries included (default 3). */
  maxAttempts?: number;
  /** Upstream calls in flight per service (default 64 each); more wait within the time-out. */
  concurrency?: Partial<Record<Service, number>>;
  /** The whole life of one upstream call: waits for a slot or token, SDK retries (default 10 s). */
  upstreamTimeoutMs?: number;
  /**
   * Calls per second per operation. Default: AWS's quotas (upstreamQuotas.ts) on AWS, no limit
   * on an emulator (`endpoint` set).
   */
  upstreamRate?: number;
  /** Consecutive outages that open a service's circuit breaker (default 5). */
  breakerFailures?: number;
  /** How long an open breaker fails calls at once before one probe (default 15 000 ms). */
  breakerHalfOpenMs?: number;
  /** The sources served; default: discovery of everything the account has. */
  catalog?: (
    upstream: Upstream,
    options: { ttlSeconds?: number; now: () => number; store?: GatewayStore },
  ) => SourceCatalog;
  discoveryTtlSeconds?: number;
  development?: boolean;
  pushdown?: boolean;
  summaryMaxDays?: number;
  maxQueryDepth?: number;
  /** How long `close()` lets requests in flight finish before cutting them (default 10 s). */
  shutdownGraceMs?: number;
  /** Most upstream calls one request may make (default 1000): estimated before, counted during. */
  maxCost?: number;
  /** Limits on the document's shape (depth, aliases, root fields, tokens, directives). */
  documentLimits?: Partial<DocumentLimits>;
  now?: () => number;
  logLevel?: string;
  /**
   * Where state between requests lives: `memory` (default) or `redis://host:port[/db]`, shared
   * by replicas; or a store instance (tests).
   */
  store?: string | GatewayStore;
  /** Longest wait for one store call before it counts as unavailable (default 1000 ms). */
  storeTimeoutMs?: number;
  /** Told each time a Redis store's connection is ready, reconnections included (tests). */
  onStoreReady?: () => void;
  /** What is served, for the store's key prefix: the catalog file's text (default: discovery). */
  servedConfiguration?: string;
  /** Cursor secrets, the first signs and all verify; default: one random secret per process. */
  cursorSecrets?: readonly string[];
  /** Upstream job pages kept in the store (default on, `pageCache.ts` lifetimes); false = off. */
  pageCache?: PageCacheOptions | false;
  /** Bytes the default in-memory store keeps of pages (default 64 MiB). */
  pageCacheMaxBytes?: number;
  /** Read the next page of each source on a page in the background (needs the page cache). */
  lookAhead?: boolean;
  /** Seconds a whole query response is shared by identical queries (default 1; 0 = off). */
  responseCacheTtlSeconds?: number;
  /** Pause between two polls of a watched source (default 10 000 ms). */
  pollIntervalMs?: number;
  /** Pause while a job of the source is running (default 2 000 ms, never above the interval). */
  pollIntervalRunningMs?: number;
  /** Most sources one subscription may cover (default 50). */
  maxSubscriptionSources?: number;
  /** The clock the pollers sleep on (default: wall time); `now` defaults to its `now`. */
  clock?: Clock;
  /** The replicas' poll leases and channels instead of `store`'s (tests). */
  liveBus?: LiveBus;
  /** Where log lines go (default stdout). */
  logDestination?: DestinationStream;
  /** JWT (JWKS) and/or API keys; absent = no authentication. */
  auth?: AuthSettings;
  /** Serve a non-loopback listener without authentication (refused otherwise). */
  allowUnauthenticated?: boolean;
  /** Origins (or `https://*.example.com` patterns) browser pages may call from. */
  corsOrigins?: string[];
  /** Production defaults: introspection and the IDE off (default: NODE_ENV is production). */
  production?: boolean;
  /** Introspection queries (default: on, off in production). */
  introspection?: boolean;
  /** GraphiQL for browsers on GET /graphql, assets under /ide/ (default: on, off in production). */
  ide?: boolean;
  /** Resolve AWS region and credentials before listening; refuse to start without either. */
  startupCheck?: boolean;
  /** The services answering readiness probes (default all three). */
  servedServices?: Service[];
  /** Least time between two readiness probes of a service (default 30 000 ms). */
  readinessIntervalMs?: number;
  /** Credentials for the SDK clients instead of the default chain (embedding, tests). */
  credentials?: ClientOptions['credentials'];
}

/** The default cost budget of one request, in upstream calls. */
export const DEFAULT_MAX_COST = 1000;
/** How long a shutdown waits for requests in flight. */
export const DEFAULT_SHUTDOWN_GRACE_MS = 10_000;

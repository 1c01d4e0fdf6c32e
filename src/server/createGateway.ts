/**
 * Assembles and starts one gateway: SDK clients → Upstream (limits, time-outs, error mapping) →
 * catalog → schema → Apollo Server → HTTP edge (request ids, access log, CORS, auth).
 * Everything shared lives here; everything per request is made by `createContext`.
 * Danger: `close()` must be awaited so sockets and SDK clients end; and a listener reachable from
 * the network must not start without authentication unless the operator said so.
 */
import { randomUUID } from 'node:crypto';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import pino from 'pino';
import type { SourceCatalog } from '../catalog/SourceCatalog';
import { DiscoveryCatalog } from '../catalog/discoveryCatalog';
import { perService, type Service } from '../model/services';
import { FinishedRuns } from '../request/finishedRuns';
import { LookAhead } from '../request/lookAhead';
import { currentRequestScope } from '../request/requestScope';
import { MeasuredCatalog } from '../catalog/measuredCatalog';
import { buildSchema } from './buildSchema';
import { openGatewayStore } from './openGatewayStore';
import { PageCache } from '../request/pageCache';
import { DEFAULT_RESPONSE_CACHE_TTL_SECONDS, ResponseCache } from './responseCache';
import { configScope } from './configScope';
import { findAwsSettingsProblems } from '../services/awsSettings';
import { createAwsClients, destroyAwsClients } from '../services/clients';
import { Upstream, UPSTREAM_DEFAULTS } from '../services/upstream';
import { defaultRateLimit, UNLIMITED, type RateLimit } from '../services/upstreamQuotas';
import {
  createContext,
  type GatewayContext,
  type GatewayOptions,
  type GatewayShared,
} from '../request/context';
import type { CostHints } from '../request/estimateCost';
import {
  DEFAULT_DOCUMENT_LIMITS,
  documentLimitsPlugin,
  parseOptionsOf,
  tokenLimitRefusal,
  type DocumentLimits,
} from './documentLimits';
import { accessLogPlugin } from './accessLogPlugin';
import { authConfigured, createAuthenticator } from './authenticate';
import { createCorsPolicy } from './corsPolicy';
import { costPlugin } from './costPlugin';
import { noStorePlugins } from './noStorePlugin';
import { createFormatError } from './formatError';
import { trackRequests } from './drainHttp';
import { createHttpServer, listen } from './httpServer';
import { isLoopback } from './isLoopback';
import { createIdeRoutes } from './ide/serveIde';
import { createMetrics } from './metrics';
import { oncePerInterval } from './oncePerInterval';
import { partialErrorsPlugin } from './partialErrorsPlugin';
import type { ReadinessCheck } from './readiness';
import { createLiveBus } from './createLiveBus';
import { DEFAULT_MAX_COST, DEFAULT_SHUTDOWN_GRACE_MS, type GatewayConfig } from './gatewayConfig';

export type { GatewayConfig } from './gatewayConfig';
import { createSubscriptionServer } from './subscriptionServer';
import { systemClock } from '../request/clock';
import { JobUpdatesHub } from '../request/jobUpdatesHub';
import { serviceProbes } from './serviceProbes';

/** Sources per service a cost estimate assumes before the first listing. */
const ASSUMED_SOURCES_PER_SERVICE = 10;
/** Calls a listing of the served sources is estimated at when none is fresh. */
const DISCOVERY_CALLS_ESTIMATE = 10;

/** The rate limit of each operation (see GatewayConfig.upstreamRate). */
function rateLimitOf(config: GatewayConfig): (service: Service, operation: string) => RateLimit {
  const rate = config.upstreamRate;
  if (rate !== undefined) return () => ({ rate, burst: Math.max(1, Math.ceil(rate * 2)) });
  return config.endpoint ? () => UNLIMITED : defaultRateLimit;
}

/** What the cost estimate knows before a request runs: source counts, whether a listing is due. */
function costHintsOf(catalog: MeasuredCatalog, now: () => number): () => CostHints {
  return () => {
    const size = catalog.size();
    const discoveryCalls = size.fresh ? 0 : DISCOVERY_CALLS_ESTIMATE;
    return { sources: size.sources, discoveryCalls, now: now() };
  };
}

/** A started gateway: its URL, its catalog, and `close()`. */
export interface RunningGateway {
  url: string;
  port: number;
  catalog: SourceCatalog;
  /** Resolves once background work (look-ahead reads) has settled. */
  settled(): Promise<void>;
  /** The pollers behind subscriptions (how many sources this process polls: `pollerCount`). */
  live: JobUpdatesHub;
  /**
   * Stops accepting, lets requests in flight finish (up to the grace period), then closes Apollo,
   * the upstream clients and the store. Resolves false when the grace period ran out.
   */
  close(): Promise<boolean>;
}

/** A setting that stops the gateway from starting; the message says what to change. */
export class StartupError extends Error {}

/** An AWS settings problem is logged at most once per this interval, per kind of problem. */
const SETTINGS_LOG_INTERVAL_MS = 60_000;

/** Builds and starts a gateway (see the module header). */
export async function startGateway(config: GatewayConfig = {}): Promise<RunningGateway> {
  const host = config.host ?? '127.0.0.1';
  if (!isLoopback(host) && !authConfigured(config.auth) && !config.allowUnauthenticated) {
    throw new StartupError(
      `Refusing to listen on ${host} without authentication: anyone who can reach it could start ` +
        'and stop syncs. Set GATEWAY_JWKS_URL (--jwks-url) or GATEWAY_API_KEYS_FILE ' +
        '(--api-keys-file), or pass --allow-unauthenticated (GATEWAY_ALLOW_UNAUTHENTICATED=true) ' +
        'to serve anyone.',
    );
  }
  const production = config.production ?? process.env.NODE_ENV === 'production';
  // The gateway's own GraphiQL (`ide/`), never Apollo's landing page, which loads from a CDN.
  const ide = config.ide ?? !production;
  const logger = pino(
    {
      level: config.logLevel ?? 'info',
      redact: ['*.credentials', '*.secretAccessKey', '*.authorization'],
    },
    config.logDestination,
  );
  const metrics = createMetrics(() => upstream.snapshot());
  const clock = config.clock ?? systemClock;
  const options: GatewayOptions = {
    pushdown: config.pushdown ?? true,
    development: config.development ?? false,
    now: config.now ?? (() => clock.now()),
    summaryMaxDays: config.summaryMaxDays ?? 31,
    maxCost: config.maxCost ?? DEFAULT_MAX_COST,
    region: config.region,
    maxSubscriptionSources: config.maxSubscriptionSources ?? 50,
  };
  const authenticate = authConfigured(config.auth)
    ? createAuthenticator(config.auth!, options.now)
    : undefined;
  const cors = createCorsPolicy({
    origins: config.corsOrigins ?? [],
    development: options.development,
  });
  const clients = createAwsClients({
    endpoint: config.endpoint,
    region: config.region,
    maxAttempts: config.maxAttempts,
    credentials: config.credentials,
    sockets: perService(
      (service) => config.concurrency?.[service] ?? UPSTREAM_DEFAULTS.concurrency,
    ),
  });
  if (config.startupCheck) {
    const problems = await findAwsSettingsProblems(clients);
    if (problems.length > 0) {
      destroyAwsClients(clients);
      const list = problems.join('\n- ');
      throw new StartupError(
        `The AWS settings are incomplete:\n- ${list}\n(--no-startup-check skips this check.)`,
      );
    }
  }
  const upstream = new Upstream(clients, {
    concurrency: config.concurrency,
    timeoutMs: config.upstreamTimeoutMs,
    rateLimit: rateLimitOf(config),
    breakerFailures: config.breakerFailures,
    breakerHalfOpenMs: config.breakerHalfOpenMs,
    now: options.now,
    exposeUpstreamErrors: options.development,
    onCall: (event) => metrics.recordCall(event),
    onStart: () => {
      const request = currentRequestScope();
      if (request) request.upstreamCalls += 1;
      const log = request?.log ?? logger;
      return (event) => log.debug(event, 'upstream call');
    },
  });
  const state = await openGatewayStore(config, clients, {
    now: options.now,
    onError: (error) => logger.warn({ err: error }, 'store connection error'),
  });
  // Discovered source lists live in the store too (`catalog` namespace): replicas share them.
  const catalogOptions = {
    ttlSeconds: config.discoveryTtlSeconds,
    now: options.now,
    store: state.shared.store,
  };
  const listed = config.catalog
    ? config.catalog(upstream, catalogOptions)
    : new DiscoveryCatalog(upstream, catalogOptions);
  const catalog = new MeasuredCatalog(listed, {
    ttlMs: (config.discoveryTtlSeconds ?? 300) * 1000,
    now: options.now,
    assumedPerService: ASSUMED_SOURCES_PER_SERVICE,
  });
  const scope = configScope(clients, {
    endpoint: config.endpoint,
    region: config.region,
    pushdown: options.pushdown,
  });
  const pageCache =
    config.pageCache === false
      ? undefined
      : new PageCache(state.shared.store, scope, config.pageCache, options.now);
  const finishedRuns =
    config.pageCache === false
      ? undefined
      : new FinishedRuns(state.shared.store, scope, config.pageCache?.finishedTtlMs, options.now);
  const lookAhead = config.lookAhead && pageCache !== undefined ? new LookAhead() : undefined;
  const liveBus =
    config.liveBus ??
    (await createLiveBus(
      typeof config.store === 'string' && state.redisPrefix
        ? { url: config.store, prefix: state.redisPrefix }
        : undefined,
      (error) => logger.warn({ err: error }, 'live bus connection error'),
    ));
  const pollIntervalMs = config.pollIntervalMs ?? 10_000;
  if (!(pollIntervalMs > 0) || !((config.pollIntervalRunningMs ?? 1) > 0)) {
    throw new Error('The poll intervals must be greater than 0.');
  }
  const live = new JobUpdatesHub(liveBus, {
    upstream,
    pageCache,
    clock,
    owner: randomUUID(),
    intervalMs: pollIntervalMs,
    runningIntervalMs: Math.min(config.pollIntervalRunningMs ?? 2_000, pollIntervalMs),
    onPoll: (event) => {
      metrics.recordPoll(event);
      if (event.error) logger.warn({ err: event.error, service: event.service }, 'poll failed');
    },
  });
  metrics.watchPolledSources(() => live.pollerCount);
  const responseTtl = config.responseCacheTtlSeconds ?? DEFAULT_RESPONSE_CACHE_TTL_SECONDS;
  const responses =
    responseTtl > 0 ? new ResponseCache(state.shared.store, responseTtl, scope) : undefined;
  const shared: GatewayShared = {
    upstream,
    catalog,
    options,
    ...state.shared,
    pageCache,
    finishedRuns,
    lookAhead,
    live,
    onHistoryChanged: responses ? () => responses.forget() : undefined,
  };
  const servedServices = config.servedServices ?? ['KENDRA', 'QBUSINESS', 'QCONNECT'];
  const readinessChecks: ReadinessCheck[] = [
    state.readinessCheck,
    ...serviceProbes(upstream, servedServices, {
      intervalMs: config.readinessIntervalMs,
      now: options.now,
    }),
  ];

  const documentLimits: DocumentLimits = {
    ...DEFAULT_DOCUMENT_LIMITS,
    ...(config.maxQueryDepth !== undefined ? { maxDepth: config.maxQueryDepth } : {}),
    ...config.documentLimits,
  };
  // Inside a request, its own logger (every line carries the request id).
  const logOf = () => currentRequestScope()?.log ?? logger;
  const logSettingsProblem = oncePerInterval(SETTINGS_LOG_INTERVAL_MS, options.now);
  const formatGatewayError = createFormatError({
    development: options.development,
    log: (error, formatted) =>
      logOf().error({ err: error, path: formatted.path }, 'masked internal error'),
    onSettingsProblem: (error, formatted) => {
      if (!logSettingsProblem(String(formatted.extensions?.reason))) return;
      // The SDK's own error says which providers it tried; the client saw only our message.
      const cause = (error as { originalError?: unknown }).originalError ?? error;
      const { reason, service } = formatted.extensions ?? {};
      logOf().error(
        { err: cause, reason, service },
        `${formatted.message} (logged at most once a minute)`,
      );
    },
  });
  const formatError: typeof formatGatewayError = (formatted, error) =>
    formatGatewayError(tokenLimitRefusal(formatted, documentLimits), error);
  const schema = buildSchema();
  const apollo = new ApolloServer<GatewayContext>({
    schema,
    includeStacktraceInErrorResponses: options.development,
    ...(state.apolloCache ? { cache: state.apolloCache } : {}),
    introspection: config.introspection ?? !production,
    // The CLI drains on SIGTERM/SIGINT; Apollo's own handler would stop before the drain.
    stopOnTerminationSignals: false,
    formatError,
    // Compact JSON: Apollo's default indents every response, a tenth of a large page's time.
    stringifyResult: (result) => JSON.stringify(result),
    parseOptions: parseOptionsOf(documentLimits),
    plugins: [
      // A subgraph would otherwise send routers per-field traces, raw error messages included.
      ApolloServerPluginInlineTraceDisabled(),
      // Apollo's landing page loads Sandbox from a CDN; the gateway serves its own IDE instead.
      ApolloServerPluginLandingPageDisabled(),
      documentLimitsPlugin(documentLimits),
      costPlugin(costHintsOf(catalog, options.now)),
      partialErrorsPlugin((error) => formatError(error.toJSON(), error)),
      accessLogPlugin(),
      ...noStorePlugins<GatewayContext>(),
      // Last: a response is kept only once every plugin that may add an error has run.
      ...(responses?.plugins() ?? []),
    ],
  });
  await apollo.start();
  const http = createHttpServer({
    apollo,
    context: async (req, request) =>
      createContext(shared, {
        // An authenticated caller's store share follows them across addresses.
        client: request.caller
          ? `${request.caller.via}:${request.caller.name}`
          : (req.socket.remoteAddress ?? 'unknown'),
        caller: request.caller,
        requestId: request.requestId,
      }),
    metrics: metrics.registry,
    logger,
    readinessChecks,
    onError: (error) => logOf().error({ err: error }, 'request failed'),
    authenticate,
    cors,
    ide: ide ? createIdeRoutes('/graphql') : undefined,
  });
  const requests = trackRequests(http);
  const subscriptions = createSubscriptionServer({
    http,
    schema,
    // The same credentials as over HTTP, sent in `connection_init`'s payload.
    authenticate,
    context: async (caller, request) =>
      createContext(shared, {
        client: caller
          ? `${caller.via}:${caller.name}`
          : (request.socket.remoteAddress ?? 'unknown'),
        caller,
      }),
    documentLimits,
    formatError,
  });
  const port = await listen(http, config.port ?? 4000, host);
  const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  return {
    url: `http://${shownHost}:${port}/graphql`,
    port,
    catalog,
    live,
    settled: () => shared.lookAhead?.settled() ?? Promise.resolve(),
    async close() {
      // Subscriptions end first (clients receive `complete`), then their sockets close.
      await live.close();
      await subscriptions.close();
      await liveBus.close();
      shared.lookAhead?.close();
      await shared.lookAhead?.settled();
      const drained = await requests.drain(config.shutdownGraceMs ?? DEFAULT_SHUTDOWN_GRACE_MS);
      await apollo.stop();
      await state.close();
      destroyAwsClients(clients);
      return drained;
    },
  };
}

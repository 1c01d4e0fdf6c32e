/**
 * `npm start`: the gateway on its embedded emulator with demo data (default), or on AWS with
 * `--upstream aws`. Every flag has an environment variable, for containers.
 * Danger: with `--upstream aws` the SDK's default credential chain runs; nothing here prints them.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { CatalogConfig } from '../catalog/configCatalog';
import { loadCatalogConfig } from '../catalog/loadCatalogConfig';
import { perService, type Service } from '../model/services';
import { parseCursorSecrets } from '../relay/cursorSignature';
import { startEmulator } from '../emulator';
import type { AuthSettings } from './authenticate';
import { USAGE } from './cliUsage';
import { startGateway, type GatewayConfig } from './createGateway';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      upstream: { type: 'string' },
      config: { type: 'string' },
      region: { type: 'string' },
      seed: { type: 'string' },
      scale: { type: 'string' },
      'token-mode': { type: 'string' },
      latency: { type: 'string' },
      concurrency: { type: 'string' },
      timeout: { type: 'string' },
      rate: { type: 'string' },
      'breaker-failures': { type: 'string' },
      'breaker-half-open': { type: 'string' },
      'discovery-ttl': { type: 'string' },
      store: { type: 'string' },
      'store-timeout': { type: 'string' },
      'cursor-secret': { type: 'string' },
      'max-cost': { type: 'string' },
      'max-depth': { type: 'string' },
      'max-aliases': { type: 'string' },
      'max-root-fields': { type: 'string' },
      'max-tokens': { type: 'string' },
      'shutdown-grace': { type: 'string' },
      'page-cache-ttl': { type: 'string' },
      'live-page-ttl': { type: 'string' },
      'page-cache-mb': { type: 'string' },
      'look-ahead': { type: 'boolean' },
      'response-cache-ttl': { type: 'string' },
      'poll-interval': { type: 'string' },
      'poll-interval-running': { type: 'string' },
      'max-subscription-sources': { type: 'string' },
      dev: { type: 'boolean' },
      'jwks-url': { type: 'string' },
      'jwt-issuer': { type: 'string' },
      'jwt-audience': { type: 'string' },
      'jwt-clock-tolerance': { type: 'string' },
      'api-keys-file': { type: 'string' },
      'allow-unauthenticated': { type: 'boolean' },
      'cors-origin': { type: 'string', multiple: true },
      introspection: { type: 'boolean' },
      ide: { type: 'boolean' },
      'no-startup-check': { type: 'boolean' },
      'readiness-interval': { type: 'string' },
      help: { type: 'boolean' },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const env = process.env;
  const number = (name: string, raw: string | undefined): number | undefined => {
    if (raw === undefined) return undefined;
    const value = Number(raw);
    if (!Number.isFinite(value) || value < 0)
      throw new UsageError(`--${name} must be a non-negative number, got "${raw}"`);
    return value;
  };
  const seconds = (value: number | undefined) => (value === undefined ? undefined : value * 1000);
  const production = env.NODE_ENV === 'production';
  if (production && !values.upstream && !env.GATEWAY_UPSTREAM) {
    throw new UsageError(
      'NODE_ENV is production: name the upstream with --upstream aws (or GATEWAY_UPSTREAM=aws); ' +
        'the demo emulator is never a silent default in production ' +
        '(--upstream emulator to mean it).',
    );
  }
  const upstreamMode = values.upstream ?? env.GATEWAY_UPSTREAM ?? 'emulator';
  if (upstreamMode !== 'emulator' && upstreamMode !== 'aws') {
    throw new UsageError(`--upstream must be "emulator" or "aws", got "${upstreamMode}"`);
  }
  const tokenMode = values['token-mode'] ?? env.GATEWAY_TOKEN_MODE ?? 'keyset';
  if (tokenMode !== 'keyset' && tokenMode !== 'offset') {
    throw new UsageError(`--token-mode must be "keyset" or "offset", got "${tokenMode}"`);
  }
  const positive = (name: string, raw: string | undefined): number | undefined => {
    const value = number(name, raw);
    if (value === 0) throw new UsageError(`--${name} must be greater than 0`);
    return value;
  };
  const concurrency = positive('concurrency', values.concurrency ?? env.GATEWAY_CONCURRENCY);
  const configFile = values.config ?? env.GATEWAY_CONFIG;
  const catalogConfig = configFile ? loadCatalogConfig(configFile) : undefined;
  const store = values.store ?? env.GATEWAY_STORE ?? 'memory';
  if (store !== 'memory' && !/^rediss?:\/\/[^/]/.test(store)) {
    throw new UsageError(
      `--store must be "memory" or a redis://host:port[/db] URL, got "${store}"`,
    );
  }
  const secretList = values['cursor-secret'] ?? env.GATEWAY_CURSOR_SECRET;
  const cursorSecrets = secretList === undefined ? undefined : parseCursorSecrets(secretList);
  if (cursorSecrets?.some((secret) => secret.length === 0)) {
    throw new UsageError('--cursor-secret: every comma-separated secret must be non-empty');
  }

  const config: GatewayConfig = {
    port: number('port', values.port ?? env.PORT) ?? 4000,
    host: values.host ?? env.HOST ?? '127.0.0.1',
    region: values.region ?? catalogConfig?.region ?? env.AWS_REGION,
    development: switchOf('dev', values.dev, env.GATEWAY_DEV) ?? env.NODE_ENV === 'development',
    concurrency: concurrency ? perService(() => concurrency) : undefined,
    upstreamTimeoutMs: number('timeout', values.timeout ?? env.GATEWAY_TIMEOUT_MS),
    upstreamRate: positive('rate', values.rate ?? env.GATEWAY_UPSTREAM_RATE),
    breakerFailures: number(
      'breaker-failures',
      values['breaker-failures'] ?? env.GATEWAY_BREAKER_FAILURES,
    ),
    breakerHalfOpenMs: number(
      'breaker-half-open',
      values['breaker-half-open'] ?? env.GATEWAY_BREAKER_HALF_OPEN_MS,
    ),
    discoveryTtlSeconds: number(
      'discovery-ttl',
      values['discovery-ttl'] ?? env.GATEWAY_DISCOVERY_TTL,
    ),
    catalog: catalogConfig?.catalog,
    store,
    storeTimeoutMs: number('store-timeout', values['store-timeout'] ?? env.GATEWAY_STORE_TIMEOUT),
    cursorSecrets,
    servedConfiguration: configFile ? readFileSync(configFile, 'utf8') : undefined,
    maxCost: number('max-cost', values['max-cost'] ?? env.GATEWAY_MAX_COST),
    documentLimits: definedOnly({
      maxDepth: number('max-depth', values['max-depth'] ?? env.GATEWAY_MAX_DEPTH),
      maxAliases: number('max-aliases', values['max-aliases'] ?? env.GATEWAY_MAX_ALIASES),
      maxRootFields: number(
        'max-root-fields',
        values['max-root-fields'] ?? env.GATEWAY_MAX_ROOT_FIELDS,
      ),
      maxTokens: number('max-tokens', values['max-tokens'] ?? env.GATEWAY_MAX_TOKENS),
    }),
    shutdownGraceMs: number(
      'shutdown-grace',
      values['shutdown-grace'] ?? env.GATEWAY_SHUTDOWN_GRACE_MS,
    ),
    pageCache: pageCacheOf(
      number('page-cache-ttl', values['page-cache-ttl'] ?? env.GATEWAY_PAGE_CACHE_TTL),
      number('live-page-ttl', values['live-page-ttl'] ?? env.GATEWAY_LIVE_PAGE_TTL),
    ),
    pageCacheMaxBytes: megabytes(
      number('page-cache-mb', values['page-cache-mb'] ?? env.GATEWAY_PAGE_CACHE_MB),
    ),
    lookAhead: values['look-ahead'] ?? env.GATEWAY_LOOK_AHEAD === 'true',
    responseCacheTtlSeconds: number(
      'response-cache-ttl',
      values['response-cache-ttl'] ?? env.GATEWAY_RESPONSE_CACHE_TTL,
    ),
    pollIntervalMs: seconds(
      number('poll-interval', values['poll-interval'] ?? env.GATEWAY_POLL_INTERVAL),
    ),
    pollIntervalRunningMs: seconds(
      number(
        'poll-interval-running',
        values['poll-interval-running'] ?? env.GATEWAY_POLL_INTERVAL_RUNNING,
      ),
    ),
    maxSubscriptionSources: number(
      'max-subscription-sources',
      values['max-subscription-sources'] ?? env.GATEWAY_MAX_SUBSCRIPTION_SOURCES,
    ),
    production,
    introspection: switchOf('introspection', values.introspection, env.GATEWAY_INTROSPECTION),
    ide: switchOf('ide', values.ide, env.GATEWAY_IDE),
    auth: authSettings(values, env, number),
    allowUnauthenticated: switchOf(
      'allow-unauthenticated',
      values['allow-unauthenticated'],
      env.GATEWAY_ALLOW_UNAUTHENTICATED,
    ),
    corsOrigins: (values['cors-origin'] ?? [env.GATEWAY_CORS_ORIGINS ?? ''])
      .flatMap((entry) => entry.split(','))
      .map((entry) => entry.trim())
      .filter((entry) => entry.length > 0),
    startupCheck:
      upstreamMode === 'aws' &&
      !values['no-startup-check'] &&
      switchOf('startup-check', undefined, env.GATEWAY_STARTUP_CHECK) !== false,
    servedServices: catalogConfig ? servedServices(catalogConfig.config) : undefined,
    readinessIntervalMs: secondsToMs(
      number('readiness-interval', values['readiness-interval'] ?? env.GATEWAY_READINESS_INTERVAL),
    ),
  };

  let emulator: Awaited<ReturnType<typeof startEmulator>> | undefined;
  if (upstreamMode === 'emulator') {
    emulator = await startEmulator({
      port: 0,
      demo: {
        seed: number('seed', values.seed ?? env.GATEWAY_SEED),
        scale: number('scale', values.scale ?? env.GATEWAY_SCALE),
      },
      tokenMode,
      latencyMs: number('latency', values.latency ?? env.GATEWAY_LATENCY_MS),
    });
    config.endpoint = emulator.url;
    config.region = config.region ?? 'us-east-1';
  }
  const gateway = await startGateway(config);
  // Loopback reads better as localhost (browsers and curl try both address families).
  console.log(
    `syncjobs-gateway ready at ${gateway.url.replace(/\/\/(127\.0\.0\.1|0\.0\.0\.0|\[::\]|\[::1\]):/, '//localhost:')}`,
  );
  if (emulator)
    console.log(
      `embedded AWS emulator (demo data) at ${emulator.url}  (control API: ${emulator.url}/_emulator/stats)`,
    );
  else console.log('upstream: AWS (SDK default credentials and region)');
  if (!config.auth) console.log('authentication: off (every caller has every scope)');

  // One bad promise must not take every client down with it: log it and keep serving.
  process.on('unhandledRejection', (reason) =>
    console.error('unhandled rejection (still serving):', reason),
  );

  // Graceful stop: no new connections, requests in flight finish (up to --shutdown-grace), then
  // the upstream clients and the store close and the process exits 0. A second signal is ignored.
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping; requests in flight may finish`);
    try {
      const drained = await gateway.close();
      if (!drained) console.error('shutdown grace period over: requests still in flight were cut');
      await emulator?.close();
      process.exit(0);
    } catch (error) {
      console.error('shutdown failed:', (error as Error).message);
      process.exit(1);
    }
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/** The page cache's lifetimes from the flags, in seconds; a finished-page lifetime of 0 = off. */
function pageCacheOf(
  finishedSeconds: number | undefined,
  liveSeconds: number | undefined,
): GatewayConfig['pageCache'] {
  if (finishedSeconds === 0) return false;
  return {
    finishedTtlMs: finishedSeconds === undefined ? undefined : finishedSeconds * 1000,
    liveTtlMs: liveSeconds === undefined ? undefined : liveSeconds * 1000,
  };
}

function megabytes(value: number | undefined): number | undefined {
  return value === undefined ? undefined : Math.floor(value * 2 ** 20);
}

class UsageError extends Error {}

/** The object without its undefined members, so defaults apply to what was not given. */
function definedOnly<T extends object>(object: T): Partial<T> {
  const defined = Object.entries(object).filter(([, value]) => value !== undefined);
  return Object.fromEntries(defined) as Partial<T>;
}

const secondsToMs = (seconds: number | undefined) =>
  seconds === undefined ? undefined : seconds * 1000;

/** A boolean option: the flag when given, else its environment variable (true/false, 1/0). */
function switchOf(
  name: string,
  flag: boolean | undefined,
  raw: string | undefined,
): boolean | undefined {
  if (flag !== undefined) return flag;
  if (raw === undefined || raw === '') return undefined;
  if (/^(true|1|yes|on)$/i.test(raw)) return true;
  if (/^(false|0|no|off)$/i.test(raw)) return false;
  throw new UsageError(`--${name}: its environment variable must be true or false, got "${raw}"`);
}

type Values = Record<string, string | boolean | string[] | undefined>;

/** JWT and API key settings from flags and environment; undefined when neither is set. */
function authSettings(
  values: Values,
  env: NodeJS.ProcessEnv,
  number: (name: string, raw: string | undefined) => number | undefined,
): AuthSettings | undefined {
  const text = (flag: string, variable: string) =>
    (values[flag] as string | undefined) ?? env[variable] ?? undefined;
  const jwksUrl = text('jwks-url', 'GATEWAY_JWKS_URL');
  const apiKeysFile = text('api-keys-file', 'GATEWAY_API_KEYS_FILE');
  if (!jwksUrl && !apiKeysFile) return undefined;
  let jwt: AuthSettings['jwt'];
  if (jwksUrl) {
    const issuer = text('jwt-issuer', 'GATEWAY_JWT_ISSUER');
    const audience = text('jwt-audience', 'GATEWAY_JWT_AUDIENCE');
    if (!issuer || !audience) {
      throw new UsageError(
        '--jwks-url needs --jwt-issuer and --jwt-audience (GATEWAY_JWT_ISSUER, GATEWAY_JWT_AUDIENCE)',
      );
    }
    try {
      new URL(jwksUrl);
    } catch {
      throw new UsageError(`--jwks-url must be a URL, got "${jwksUrl}"`);
    }
    const toleranceText = text('jwt-clock-tolerance', 'GATEWAY_JWT_CLOCK_TOLERANCE');
    const tolerance = number('jwt-clock-tolerance', toleranceText);
    jwt = { jwksUrl, issuer, audience, clockToleranceSeconds: tolerance };
  }
  return { jwt, apiKeysFile };
}

/** The services a configuration file serves (a service left out is not served). */
function servedServices(config: CatalogConfig): Service[] {
  const served: Service[] = [];
  if (config.kendra) served.push('KENDRA');
  if (config.qbusiness) served.push('QBUSINESS');
  if (config.qconnect) served.push('QCONNECT');
  return served;
}

main().catch((error: Error) => {
  if (
    error instanceof UsageError ||
    (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
  ) {
    console.error(`${error.message}\n\n${USAGE}`);
    process.exit(2);
  }
  console.error(error.message);
  process.exit(1);
});

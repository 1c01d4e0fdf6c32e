/**
 * The CLI's `--help` text: every flag, its environment variable and its default. Danger: the
 * README's configuration table and `.env.example` must say the same (`test/server/configDocs.test.ts`
 * compares them with this text).
 */

/** What `npm start -- --help` prints. */
export const USAGE = `Usage: npm start -- [options]
  --port N               HTTP port of the gateway (env PORT, default 4000)
  --host H               address to listen on (env HOST, default 127.0.0.1)
  --upstream MODE        emulator (default): an embedded emulator with demo data; aws: real AWS
                         (SDK default credentials and region; AWS_ENDPOINT_URL[_<SERVICE>] honoured)
                         (env GATEWAY_UPSTREAM)
  --config FILE          a gateway.yaml / .json listing the sources to serve (default: discovery)
                         (env GATEWAY_CONFIG)
  --region R             AWS region (env AWS_REGION)
  --seed N               demo data seed (emulator mode) (env GATEWAY_SEED, default 1)
  --scale N              N jobs in every demo data source (emulator mode) (env GATEWAY_SCALE)
  --token-mode MODE      emulator token mode: keyset (default) or offset (env GATEWAY_TOKEN_MODE)
  --latency MS           emulator latency on every operation (env GATEWAY_LATENCY_MS, default 0)
  --concurrency N        upstream calls in flight per service (env GATEWAY_CONCURRENCY, default 64)
  --timeout MS           whole life of one upstream call: waiting, SDK retries included
                         (env GATEWAY_TIMEOUT_MS, default 10000)
  --rate N               upstream calls per second per operation (env GATEWAY_UPSTREAM_RATE;
                         default: the AWS quotas on AWS, none on the emulator)
  --breaker-failures N   consecutive upstream outages that open a service's circuit breaker
                         (env GATEWAY_BREAKER_FAILURES, default 5)
  --breaker-half-open MS how long an open breaker fails calls before one probe
                         (env GATEWAY_BREAKER_HALF_OPEN_MS, default 15000)
  --discovery-ttl S      seconds a discovered source list is reused
                         (env GATEWAY_DISCOVERY_TTL, default 300)
  --store URL            memory (default) or redis://host:port[/db]: where cursor positions, token
                         chains and caches live; replicas share one (env GATEWAY_STORE)
  --store-timeout MS     longest wait for one store call (env GATEWAY_STORE_TIMEOUT, default 1000)
  --cursor-secret S[,S]  secrets that sign cursors; the first signs, all verify (env
                         GATEWAY_CURSOR_SECRET; default: random per process; replicas share one)
  --max-cost N           most upstream calls one request may make
                         (env GATEWAY_MAX_COST, default 1000)
  --max-depth N          deepest selection nesting (env GATEWAY_MAX_DEPTH, default 12)
  --max-aliases N        most aliases in a document (env GATEWAY_MAX_ALIASES, default 30)
  --max-root-fields N    most root fields in an operation (env GATEWAY_MAX_ROOT_FIELDS, default 20)
  --max-tokens N         most tokens in a document (env GATEWAY_MAX_TOKENS, default 5000)
  --shutdown-grace MS    on SIGTERM/SIGINT, time for requests in flight to finish
                         (env GATEWAY_SHUTDOWN_GRACE_MS, default 10000)
  --page-cache-ttl S     seconds a page of finished jobs stays cached (env GATEWAY_PAGE_CACHE_TTL,
                         default 600; 0 = no page cache)
  --live-page-ttl S      seconds a first page or a page with running jobs stays cached
                         (env GATEWAY_LIVE_PAGE_TTL, default 5)
  --page-cache-mb N      megabytes of pages kept in memory (env GATEWAY_PAGE_CACHE_MB, default 64)
  --look-ahead           read the next page of each source in the background after a page with
                         more after it (env GATEWAY_LOOK_AHEAD=true; default off)
  --response-cache-ttl S seconds identical queries share one response
                         (env GATEWAY_RESPONSE_CACHE_TTL, default 1; 0 = off)
  --poll-interval S      seconds between two polls of a source watched by subscriptions
                         (env GATEWAY_POLL_INTERVAL, default 10)
  --poll-interval-running S  the same while a job of the source runs
                         (env GATEWAY_POLL_INTERVAL_RUNNING, default 2)
  --max-subscription-sources N  most sources one subscription may cover
                         (env GATEWAY_MAX_SUBSCRIPTION_SOURCES, default 50)
  --dev                  development mode: upstream error details and stack traces in responses
                         (env GATEWAY_DEV, or NODE_ENV=development)
  --jwks-url URL         verify JWT bearer tokens against this JWKS (env GATEWAY_JWKS_URL)
  --jwt-issuer ISS       the "iss" tokens must carry; required with --jwks-url
                         (env GATEWAY_JWT_ISSUER)
  --jwt-audience AUD     the "aud" tokens must carry; required with --jwks-url
                         (env GATEWAY_JWT_AUDIENCE)
  --jwt-clock-tolerance S  allowed clock skew for exp/nbf, seconds
                         (env GATEWAY_JWT_CLOCK_TOLERANCE, default 30)
  --api-keys-file FILE   static API keys, one "<name> <key> <scopes...>" a line
                         (env GATEWAY_API_KEYS_FILE)
  --allow-unauthenticated  serve a non-loopback address without authentication
                         (env GATEWAY_ALLOW_UNAUTHENTICATED=true)
  --cors-origin O        a web origin allowed to call from a browser, or https://*.example.com;
                         repeat or comma-separate (env GATEWAY_CORS_ORIGINS)
  --introspection        allow introspection (env GATEWAY_INTROSPECTION; default off in production)
  --ide                  serve the IDE page (env GATEWAY_IDE; default off in production)
  --no-startup-check     in aws mode, start even when credentials or region do not resolve
                         (env GATEWAY_STARTUP_CHECK=false)
  --readiness-interval S least seconds between two /readyz probes of a service
                         (env GATEWAY_READINESS_INTERVAL, default 30)
  --help`;

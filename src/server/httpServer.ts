/**
 * The gateway's HTTP front. Every request gets an id (`x-request-id`), a logger carrying it and
 * one access log line (accessLog.ts); then CORS, then the routes: `/graphql` goes to Apollo Server after
 * authentication (a browser's bare GET gets the IDE when it is on, its assets under `/ide/`),
 * `/healthz` answers liveness, `/readyz` readiness (readiness.ts), `/metrics` Prometheus metrics. Bodies are JSON of at most 1 MiB
 * (413 above, 415 for another media type; see readJsonBody.ts).
 * Danger: this is the process's edge; a bad request must end as a 4xx response, never as an
 * exception that escapes the handler or as a reset connection, and no credential may reach the
 * access log.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { HeaderMap, type ApolloServer } from '@apollo/server';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import { ErrorCode } from '../errors/ErrorCode';
import type { GatewayContext } from '../request/context';
import { runInRequestScope, type RequestScope } from '../request/requestScope';
import { lazyRequestLogger, logAccess } from './accessLog';
import { AuthFailure, type Authenticate } from './authenticate';
import { readiness, type ReadinessCheck } from './readiness';
import { HttpError, readJsonBody } from './readJsonBody';
import { requestIdOf } from './requestId';
import type { IdeRoutes } from './ide/serveIde';

export interface HttpServerOptions {
  apollo: ApolloServer<GatewayContext>;
  /** The context of one GraphQL request, made from its HTTP request and its scope. */
  context: (req: http.IncomingMessage, request: RequestScope) => Promise<GatewayContext>;
  metrics: Registry;
  logger: Logger;
  onError: (error: unknown) => void;
  /** Undefined: no authentication (every caller is anonymous). */
  authenticate?: Authenticate;
  /** The CORS step: resolves true when it answered the request (a preflight). */
  cors: (req: http.IncomingMessage, res: http.ServerResponse) => Promise<boolean>;
  /** What `/readyz` checks (default: nothing, always ready). */
  readinessChecks?: readonly ReadinessCheck[];
  /** The IDE's page and assets; absent when the IDE is off. */
  ide?: IdeRoutes;
}

function sendJson(
  res: http.ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { ...headers, 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

/** An error body of the edge's own (not Apollo's), with the request's id. */
function sendError(
  res: http.ServerResponse,
  scope: RequestScope,
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
): void {
  scope.errorCodes.add(code);
  sendJson(
    res,
    status,
    { errors: [{ message, extensions: { code, requestId: scope.requestId } }] },
    headers,
  );
}

/** The gateway's HTTP server, not yet listening (see the module header). */
export function createHttpServer(options: HttpServerOptions): http.Server {
  return http.createServer((req, res) => {
    const requestId = requestIdOf(req);
    const log = lazyRequestLogger(options.logger, requestId);
    const scope: RequestScope = {
      requestId,
      get log() {
        return log();
      },
      upstreamCalls: 0,
      errorCodes: new Set(),
    };
    let failure: unknown;
    logAccess(options.logger, req, res, scope, () => failure);
    res.setHeader('x-request-id', scope.requestId);
    // The failure handler runs in the request's scope too, so its log line has the request id.
    void runInRequestScope(scope, () =>
      handle(options, scope, req, res).catch((error: unknown) => {
        const known = error instanceof HttpError;
        if (!known) {
          failure = error;
          options.onError(error);
        }
        if (res.headersSent) {
          res.end();
        } else if (known) {
          sendError(res, scope, error.status, error.code, error.message);
        } else {
          sendError(res, scope, 500, ErrorCode.INTERNAL_SERVER_ERROR, 'Internal server error');
        }
      }),
    );
  });
}

async function handle(
  options: HttpServerOptions,
  scope: RequestScope,
  req: http.IncomingMessage,
  res: http.ServerResponse,
): Promise<void> {
  if (await options.cors(req, res)) return;
  const url = new URL(req.url ?? '/', 'http://gateway');
  if (url.pathname === '/healthz') return sendJson(res, 200, { status: 'ok' });
  if (url.pathname === '/readyz') {
    const report = await readiness(options.readinessChecks ?? []);
    return sendJson(res, report.httpStatus, report.body);
  }
  if (url.pathname === '/metrics') {
    res.writeHead(200, { 'content-type': options.metrics.contentType });
    res.end(await options.metrics.metrics());
    return;
  }
  if (options.ide?.(req, res, url)) return;
  if (url.pathname !== '/graphql' && url.pathname !== '/') {
    return sendError(
      res,
      scope,
      404,
      ErrorCode.NOT_FOUND,
      `No route ${url.pathname}; the API is at /graphql`,
    );
  }
  // The IDE's page (a bare GET) loads without credentials: a browser cannot send them when
  // navigating. Anything else may run an operation (a GET with only a persisted query's hash
  // too), so it needs them.
  const idePage = req.method === 'GET' && url.search === '';
  if (!idePage && options.authenticate) {
    try {
      scope.caller = await options.authenticate(req.headers.authorization);
    } catch (error) {
      if (!(error instanceof AuthFailure)) throw error;
      const code =
        error.status === 401 ? ErrorCode.UNAUTHENTICATED : ErrorCode.UPSTREAM_UNAVAILABLE;
      if (error.status === 503)
        scope.log.warn({ reason: error.message }, 'token could not be checked');
      return sendError(res, scope, error.status, code, error.message, {
        'www-authenticate': error.challenge,
      });
    }
  }
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  let body: unknown;
  if (req.method === 'POST') body = await readJsonBody(req);
  // The request scope is its call scope too: its upstream calls are charged to its own budget.
  const response = await options.apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: {
      method: (req.method ?? 'GET').toUpperCase(),
      headers,
      search: url.search,
      body,
    },
    context: () => options.context(req, scope),
  });
  for (const [key, value] of response.headers) res.setHeader(key, value);
  res.statusCode = response.status ?? 200;
  if (response.body.kind === 'complete') {
    res.end(response.body.string);
    return;
  }
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}

/** Listens on `host:port` (0 = a free port); resolves to the port. */
export function listen(server: http.Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

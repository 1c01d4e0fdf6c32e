/**
 * The gateway's HTTP front: `/graphql` goes to Apollo Server (its landing page on GET without a
 * query), `/healthz` answers liveness, `/readyz` readiness (`readiness.ts`), `/metrics` serves
 * Prometheus metrics. Bodies are JSON of at most 1 MiB (413 above, 415 for another media type;
 * see readJsonBody.ts). Danger: this is the process's edge; a bad request must end as a 4xx
 * response, never as an exception that escapes the handler or as a reset connection.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { HeaderMap, type ApolloServer } from '@apollo/server';
import type { Registry } from 'prom-client';
import type { GatewayContext } from '../request/context';
import { type ReadinessCheck, readiness } from './readiness';
import { runInCallScope } from '../services/callBudget';
import { HttpError, readJsonBody } from './readJsonBody';

export interface HttpServerOptions {
  apollo: ApolloServer<GatewayContext>;
  /** The context of one GraphQL request, made from its HTTP request. */
  context: (req: http.IncomingMessage) => Promise<GatewayContext>;
  metrics: Registry;
  /** What `/readyz` checks (default: nothing, always ready). */
  readinessChecks?: readonly ReadinessCheck[];
  onError: (error: unknown) => void;
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

/** The gateway's HTTP server, not yet listening (see the module header). */
export function createHttpServer(options: HttpServerOptions): http.Server {
  return http.createServer((req, res) => {
    handle(options, req, res).catch((error: unknown) => {
      const known = error instanceof HttpError;
      if (!known) options.onError(error);
      if (!res.headersSent) {
        const status = known ? error.status : 500;
        const message = known ? error.message : 'Internal server error';
        const code = known ? error.code : 'INTERNAL_SERVER_ERROR';
        sendJson(res, status, { errors: [{ message, extensions: { code } }] });
      } else {
        res.end();
      }
    });
  });
}

async function handle(options: HttpServerOptions, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://gateway');
  res.setHeader('access-control-allow-origin', '*');
  if (req.method === 'OPTIONS') {
    res.writeHead(204, {
      'access-control-allow-methods': 'GET, POST, OPTIONS',
      'access-control-allow-headers': 'content-type, apollo-require-preflight, x-apollo-operation-name',
    });
    res.end();
    return;
  }
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
  if (url.pathname !== '/graphql' && url.pathname !== '/') {
    return sendJson(res, 404, { errors: [{ message: `No route ${url.pathname}; the API is at /graphql`, extensions: { code: 'NOT_FOUND' } }] });
  }
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  let body: unknown;
  if (req.method === 'POST') body = await readJsonBody(req);
  // One call scope per request: its upstream calls are charged to its own budget.
  const response = await runInCallScope(() =>
    options.apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: {
        method: (req.method ?? 'GET').toUpperCase(),
        headers,
        search: url.search,
        body,
      },
      context: () => options.context(req),
    }),
  );
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

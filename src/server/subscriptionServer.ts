/**
 * Subscriptions over WebSocket: the `graphql-ws` protocol (`graphql-ws` on a `ws` server) on the
 * HTTP server's `/graphql`, next to queries. Only subscriptions are served here (queries and
 * mutations go over HTTP, where partial errors, limits and the access log apply); the depth limit
 * and error masking are the same as over HTTP. `authenticate` reads the credential from
 * `connection_init`'s payload (`{ "authorization": "Bearer <credential>" }`, as the HTTP header).
 *
 * Danger: sockets outlive requests. `close()` must end every subscription (the client receives
 * `complete`) before the sockets close, or clients see an abnormal closure and reconnect-storm.
 */
import type http from 'node:http';
import {
  GraphQLError,
  getOperationAST,
  parse,
  validate,
  type GraphQLFormattedError,
  type GraphQLSchema,
} from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { GatewayContext } from '../request/context';
import { documentLimitRefusal, parseOptionsOf, type DocumentLimits } from './documentLimits';

export interface SubscriptionServerOptions<Caller> {
  http: http.Server;
  schema: GraphQLSchema;
  /**
   * A fresh context per subscription, for the connection's caller (undefined: anonymous) and the
   * HTTP request that opened the socket.
   */
  context: (caller: Caller | undefined, request: http.IncomingMessage) => Promise<GatewayContext>;
  /**
   * The caller of a connection, from the `authorization` of `connection_init`'s payload; a
   * rejection refuses the connection (closed with 4403 Forbidden). Default: anonymous.
   */
  authenticate?: (authorization: string | undefined) => Promise<Caller>;
  /** The same document limits as over HTTP. */
  documentLimits: DocumentLimits;
  formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
}

export interface SubscriptionServer {
  /** Open WebSocket connections. */
  readonly connections: number;
  /**
   * Waits (at most `graceMs`) until every running subscription has ended and its `complete` is
   * on the wire, then closes every socket and stops accepting new ones. End the subscriptions
   * first (the hub's `close()`).
   */
  close(graceMs?: number): Promise<void>;
}

function refuse(message: string, code: string): GraphQLError[] {
  return [new GraphQLError(message, { extensions: { code } })];
}

export function createSubscriptionServer<Caller>(
  options: SubscriptionServerOptions<Caller>,
): SubscriptionServer {
  const callers = new WeakMap<object, Caller>();
  const wss = new WebSocketServer({ server: options.http, path: '/graphql' });
  // Running subscriptions by connection and id; `drained` wakes `close()` when none is left.
  const running = new Set<string>();
  const connectionIds = new WeakMap<object, number>();
  let nextConnection = 0;
  const keyOf = (ctx: object, id: string) => {
    if (!connectionIds.has(ctx)) connectionIds.set(ctx, nextConnection++);
    return `${connectionIds.get(ctx)}:${id}`;
  };
  let drained: (() => void) | undefined;
  const format = (errors: readonly GraphQLError[]) =>
    errors.map((error) => options.formatError(error.toJSON(), error));
  const cleanup = useServer(
    {
      schema: options.schema,
      onConnect: async (ctx) => {
        if (!options.authenticate) return true;
        const authorization = ctx.connectionParams?.authorization;
        try {
          callers.set(
            ctx,
            await options.authenticate(
              typeof authorization === 'string' ? authorization : undefined,
            ),
          );
          return true;
        } catch {
          return false;
        }
      },
      context: (ctx) => options.context(callers.get(ctx), ctx.extra.request),
      onSubscribe: (_ctx, _id, payload) => {
        let document;
        try {
          document = parse(payload.query, parseOptionsOf(options.documentLimits));
        } catch (error) {
          return refuse((error as Error).message, 'GRAPHQL_PARSE_FAILED');
        }
        const invalid = validate(options.schema, document);
        if (invalid.length > 0) {
          return invalid.map(
            (error) =>
              new GraphQLError(error.message, {
                nodes: error.nodes,
                extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
              }),
          );
        }
        const operation = getOperationAST(document, payload.operationName);
        if (!operation)
          return refuse(
            'No operation to run in the document (or `operationName` is missing).',
            'BAD_REQUEST',
          );
        if (operation.operation !== 'subscription') {
          return refuse(
            'Only subscriptions are served over WebSocket; send queries and mutations with HTTP POST.',
            'BAD_REQUEST',
          );
        }
        const refusal = documentLimitRefusal(
          options.schema,
          document,
          operation,
          options.documentLimits,
        );
        if (refusal) return [refusal];
        return {
          schema: options.schema,
          document,
          operationName: payload.operationName,
          variableValues: payload.variables,
        };
      },
      onOperation: (ctx, id, _payload, _args, result) => {
        if (Symbol.asyncIterator in Object(result)) running.add(keyOf(ctx, id));
      },
      onComplete: (ctx, id) => {
        running.delete(keyOf(ctx, id));
        if (running.size === 0) drained?.();
      },
      onError: (_ctx, _id, _payload, errors) => format(errors),
      onNext: (_ctx, _id, _payload, _args, result) =>
        result.errors ? { ...result, errors: format(result.errors) } : undefined,
    },
    wss,
  );
  return {
    get connections() {
      return wss.clients.size;
    },
    async close(graceMs = 5_000) {
      if (running.size > 0) {
        let timer: NodeJS.Timeout | undefined;
        await new Promise<void>((resolve) => {
          drained = resolve;
          timer = setTimeout(resolve, graceMs);
        });
        clearTimeout(timer);
      }
      // `onComplete` runs just before its message is sent: one turn later it is on the socket,
      // ahead of the close frame.
      await new Promise((resolve) => setImmediate(resolve));
      await cleanup.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

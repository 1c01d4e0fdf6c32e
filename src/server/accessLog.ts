/**
 * One access log line per HTTP request, written when its response closes: `request completed`
 * (info), `request failed` (error, status 500 and above, with the error when one was thrown) or
 * `request aborted` (warn, the client left first), with the request's id, method, path, status,
 * duration, operation, upstream calls, error codes and caller.
 *
 * Why not pino-http: it makes two child loggers per request and binds the request object to one
 * of them (serialized, then redacted, whether anything logs or not), a fifth of the gateway's own
 * time on a small request. Here the request's logger is a child made only when something logs.
 * Danger: headers and bodies never reach a line; they carry credentials.
 */
import type http from 'node:http';
import type { Logger } from 'pino';
import type { RequestScope } from '../request/requestScope';

/** Starts the line of `req`: it is written once `res` closes, from what `scope` gathered. */
export function logAccess(
  logger: Logger,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  scope: RequestScope,
  failure: () => unknown,
): void {
  const started = performance.now();
  res.once('close', () => {
    const line = {
      requestId: scope.requestId,
      method: req.method,
      path: new URL(req.url ?? '/', 'http://gateway').pathname,
      status: res.statusCode,
      durationMs: Math.round(performance.now() - started),
      operationName: scope.operationName,
      upstreamCalls: scope.upstreamCalls,
      errorCodes: [...scope.errorCodes],
      caller: scope.caller?.name,
    };
    const error = failure();
    if (!res.writableFinished) logger.warn(line, 'request aborted');
    else if (error !== undefined || res.statusCode >= 500)
      logger.error({ ...line, err: error }, 'request failed');
    else logger.info(line, 'request completed');
  });
}

/** The request's logger: a child carrying its id, made the first time something logs. */
export function lazyRequestLogger(logger: Logger, requestId: string): () => Logger {
  let child: Logger | undefined;
  return () => (child ??= logger.child({ requestId }));
}

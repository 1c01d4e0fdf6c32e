/**
 * What the HTTP edge knows about the request being served, reachable from anywhere in its async
 * call tree (Node's AsyncLocalStorage): its id, its logger, its caller, and the tallies of the
 * access log line (upstream calls, error codes, operation name). Danger: read it where the call
 * starts, in the request's own async context; a callback run later by a shared queue may run in
 * another request's context.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger } from 'pino';
import type { Caller } from './caller';

export interface RequestScope {
  requestId: string;
  /** A child logger whose every line carries the request id. */
  log: Logger;
  caller?: Caller;
  operationName?: string;
  /** Upstream calls made for this request (discovery included). */
  upstreamCalls: number;
  /** The `extensions.code` of every error the response carries. */
  errorCodes: Set<string>;
}

const storage = new AsyncLocalStorage<RequestScope>();

/** Runs `work` with `scope` as the current request. */
export function runInRequestScope<T>(scope: RequestScope, work: () => T): T {
  return storage.run(scope, work);
}

/** The request being served, or undefined outside one (start-up, probes, timers). */
export function currentRequestScope(): RequestScope | undefined {
  return storage.getStore();
}

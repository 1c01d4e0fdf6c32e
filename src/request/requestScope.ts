/**
 * What the HTTP edge knows about the request being served, reachable from anywhere in its async
 * call tree: its id, its logger, its caller, and the tallies of the access log line (upstream
 * calls, error codes, operation name). It is the request's call scope too (`callBudget.ts`), so
 * one async store serves both. Danger: read it where the call starts, in the request's own async
 * context; a callback run later by a shared queue may run in another request's context.
 */
import type { Logger } from 'pino';
import { currentCallScope, runInCallScope, type CallScope } from '../services/callBudget';
import type { Caller } from './caller';

export interface RequestScope extends CallScope {
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

/** Runs `work` with `scope` as the current request (and as its call scope). */
export function runInRequestScope<T>(scope: RequestScope, work: () => T): T {
  return runInCallScope(work, scope);
}

/** The request being served, or undefined outside one (start-up, probes, timers). */
export function currentRequestScope(): RequestScope | undefined {
  const scope = currentCallScope();
  return scope !== undefined && 'requestId' in scope ? (scope as RequestScope) : undefined;
}

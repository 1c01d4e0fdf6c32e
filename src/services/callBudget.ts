/**
 * Which request an upstream call belongs to, without threading it through every function: the
 * HTTP edge runs each request in its own async scope (Node's AsyncLocalStorage, the gateway's
 * only one: every store costs every promise a little), the request's context attaches its budget
 * to that scope, and `Upstream` charges the scope's budget before each call (discovery and
 * mutations included). The request layer keeps its own fields in the same scope object
 * (`requestScope.ts`).
 * Danger: async work started inside a request (timers, pollers, look-ahead reads) stays charged
 * to that request, even after its response; start it through `outsideCallScope` when it serves
 * more than that request. Work outside any request scope is charged to no one.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

/** What `Upstream` charges: one unit per call; it throws once the request's budget is spent. */
export interface CallBudget {
  spend(): void;
}

/** The scope of one request as this layer sees it: the budget its calls are charged to. */
export interface CallScope {
  budget?: CallBudget;
}

const storage = new AsyncLocalStorage<CallScope>();

/** Runs `fn` (one request) in `scope`, a fresh one by default, that a budget can be attached to. */
export function runInCallScope<T>(fn: () => T, scope: CallScope = {}): T {
  return storage.run(scope, fn);
}

/** The scope of the request this code runs for, if any. */
export function currentCallScope(): CallScope | undefined {
  return storage.getStore();
}

/** Attaches the current request's budget to its scope; outside a scope it does nothing. */
export function attachCallBudget(budget: CallBudget): void {
  const scope = storage.getStore();
  if (scope) scope.budget = budget;
}

/** The budget of the request this code runs for, if any. */
export function currentCallBudget(): CallBudget | undefined {
  return storage.getStore()?.budget;
}

/** Runs `fn` outside any request's scope: for background work no one request should pay for. */
export function outsideCallScope<T>(fn: () => T): T {
  return storage.exit(fn);
}

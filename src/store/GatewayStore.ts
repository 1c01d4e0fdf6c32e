/**
 * The one interface for everything a later request needs from an earlier one: server-side cursor
 * positions, the token chains behind `last`/`before`, discovered source lists and cached upstream
 * pages. In memory by default (`memoryStore.ts`); shared by replicas when it is Redis.
 *
 * Danger: it may be remote and down. A read that fails throws `StoreUnavailableError`; callers
 * that need the entry for a correct answer turn it into a clear error, callers that only save work
 * (caches) treat it as a miss. Never answer from a guess.
 */

/** What each kind of entry is for; a namespace also selects its own byte budget. */
export type StoreNamespace = 'cursor' | 'chain' | 'catalog' | 'page' | 'response';

/** State between requests, by namespace, with a time to live (see the module header). */
export interface GatewayStore {
  /** The value under `key`, or `undefined` when unknown or expired. */
  get<T>(namespace: StoreNamespace, key: string): Promise<T | undefined>;
  /** Keeps `value` (JSON-serializable) under `key` for `ttlMs`. */
  set<T>(namespace: StoreNamespace, key: string, value: T, ttlMs: number): Promise<void>;
  delete(namespace: StoreNamespace, key: string): Promise<void>;
  /** Whether the store can be read now; `reason` says why not. */
  health(): Promise<{ ok: true } | { ok: false; reason: string }>;
  close(): Promise<void>;
}

/** The store could not be reached or did not answer in time. */
export class StoreUnavailableError extends Error {
  override readonly name = 'StoreUnavailableError';
}

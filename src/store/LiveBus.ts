/**
 * What replicas share so that live job updates scale with sources, not with subscribers: a poll
 * lease per source (only its holder polls), a channel per source on which the holder publishes
 * changes to every replica, and the last seen state of a source, so a new holder continues where
 * the last one stopped. In one process (`memoryLiveBus.ts`) every lease is granted and a channel is
 * a local call; with Redis (`redisLiveBus.ts`) they are `SET NX PX`, pub/sub and a key with a TTL.
 *
 * Danger: a lease is a time-out, not a guarantee: a holder that stalls past `ttlMs` may poll
 * alongside its successor once. Messages must therefore be idempotent for their receivers.
 */

export interface LiveBus {
  /**
   * Takes the lease of `key` for `owner` when nobody holds it, or extends it when `owner` does.
   * True when `owner` holds it for the next `ttlMs`.
   */
  holdLease(key: string, owner: string, ttlMs: number): Promise<boolean>;
  /** Gives the lease up, if `owner` holds it. */
  releaseLease(key: string, owner: string): Promise<void>;
  publish(channel: string, message: string): Promise<void>;
  /** Calls `onMessage` with every message published on `channel` until the returned stop. */
  subscribe(channel: string, onMessage: (message: string) => void): Promise<() => Promise<void>>;
  /** The last state saved under `key`, or undefined. */
  load(key: string): Promise<string | undefined>;
  save(key: string, value: string, ttlMs: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * Which page came before which: token → token of the previous page, per connection, filled by
 * every page a connection reads. `last: N, before: C` uses it to start reading a few pages before
 * C instead of at the top of the list (`backwardWalk.ts`).
 *
 * Danger: an entry is a hint, never trusted for correctness: a walk that starts from it checks
 * that it read enough items before C, and otherwise falls back to reading from the window start.
 * Memory: at most `maxEntries` entries of two tokens each (service tokens can be ~1 kB).
 */

export interface TokenChainCacheOptions {
  /** Most entries kept, least recently used first out (default 5 000). */
  maxEntries?: number;
}

export class TokenChainCache {
  private readonly entries = new Map<string, string | null>();
  private readonly maxEntries: number;

  constructor(options: TokenChainCacheOptions = {}) {
    this.maxEntries = options.maxEntries ?? 5_000;
  }

  get size(): number {
    return this.entries.size;
  }

  /** The page at `token` (`undefined` = first page) of connection `k` returned `nextToken`. */
  record(k: string, token: string | undefined, nextToken: string): void {
    const entry = `${k}\n${nextToken}`;
    this.entries.delete(entry);
    this.entries.set(entry, token ?? null);
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.maxEntries) break;
      this.entries.delete(oldest);
    }
  }

  /**
   * The token of the page before the page at `token`: a string, `null` when that page is the
   * first page, `undefined` when unknown.
   */
  previous(k: string, token: string): string | null | undefined {
    const entry = `${k}\n${token}`;
    const previous = this.entries.get(entry);
    if (previous === undefined) return undefined;
    this.entries.delete(entry);
    this.entries.set(entry, previous);
    return previous;
  }
}

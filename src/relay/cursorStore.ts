/**
 * Server-side positions for merged-feed cursors too long to carry (see `mergedCursor.ts`): a
 * bounded in-memory map, least recently used first out, each entry living `ttlMs`.
 *
 * Danger: it is per process. Behind a load balancer with several gateway processes, or after a
 * restart, a handle minted elsewhere is unknown here and its cursor fails with `CURSOR_EXPIRED`;
 * inject a shared store (same two methods) if that matters.
 */

export interface CursorStore {
  /** The value stored under `handle`, or `undefined` when unknown or expired. */
  get(handle: string): string | undefined;
  set(handle: string, value: string): void;
}

export interface InMemoryCursorStoreOptions {
  /** Most entries kept (default 10 000). */
  maxEntries?: number;
  /** Most characters kept over all values (default 16 000 000, about 32 MB). */
  maxChars?: number;
  /** How long an entry lives after it was last written or read (default 30 minutes). */
  ttlMs?: number;
  now?: () => number;
}

export class InMemoryCursorStore implements CursorStore {
  private readonly entries = new Map<string, { value: string; expiresAt: number }>();
  private chars = 0;
  private readonly maxEntries: number;
  private readonly maxChars: number;
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(options: InMemoryCursorStoreOptions = {}) {
    this.maxEntries = options.maxEntries ?? 10_000;
    this.maxChars = options.maxChars ?? 16_000_000;
    this.ttlMs = options.ttlMs ?? 30 * 60_000;
    this.now = options.now ?? Date.now;
  }

  get size(): number {
    return this.entries.size;
  }

  get(handle: string): string | undefined {
    const entry = this.entries.get(handle);
    if (entry === undefined) return undefined;
    this.remove(handle);
    if (entry.expiresAt <= this.now()) return undefined;
    this.insert(handle, entry.value);
    return entry.value;
  }

  set(handle: string, value: string): void {
    this.remove(handle);
    this.insert(handle, value);
    // Map iteration is insertion order: the first entries are the least recently used.
    for (const [oldest, entry] of this.entries) {
      const expired = entry.expiresAt <= this.now();
      if (!expired && this.entries.size <= this.maxEntries && this.chars <= this.maxChars) break;
      if (oldest === handle) break;
      this.remove(oldest);
    }
  }

  private insert(handle: string, value: string): void {
    this.entries.set(handle, { value, expiresAt: this.now() + this.ttlMs });
    this.chars += value.length;
  }

  private remove(handle: string): void {
    const entry = this.entries.get(handle);
    if (entry === undefined) return;
    this.entries.delete(handle);
    this.chars -= entry.value.length;
  }
}

/** The process-wide store the merged feed uses unless one is injected. */
export const defaultCursorStore: CursorStore = new InMemoryCursorStore();

/**
 * Which page came before which: token → token of the previous page, per connection, filled by
 * every page a connection reads. `last: N, before: C` uses it to start reading a few pages before
 * C instead of at the top of the list (`backwardWalk.ts`). Kept in the gateway's store (`chain`
 * namespace), so every replica learns from the pages any of them read.
 *
 * Danger: an entry is a hint, never trusted for correctness: a walk that starts from it checks
 * that it read enough items before C, and otherwise falls back to reading from the window start.
 * So neither method may fail: a store that cannot be reached reads as "unknown".
 */

export interface TokenChain {
  /** The page at `token` (`undefined` = first page) of connection `k` returned `nextToken`. */
  record(k: string, token: string | undefined, nextToken: string): Promise<void>;
  /**
   * The token of the page before the page at `token`: a string, `null` when that page is the
   * first page, `undefined` when unknown (or the store cannot say).
   */
  previous(k: string, token: string): Promise<string | null | undefined>;
}

/** Records the pages a walk reads, and waits for all of them before the walk answers. */
export class ChainRecorder {
  private readonly pending: Promise<void>[] = [];

  constructor(
    private readonly chain: TokenChain | undefined,
    private readonly k: string,
  ) {}

  /** The `onPage` hook of a `SourceReader`. */
  readonly onPage = (token: string | undefined, nextToken: string): void => {
    if (this.chain) this.pending.push(this.chain.record(this.k, token, nextToken));
  };

  /** Waits for the recorded pages to be kept (never rejects: entries are hints). */
  async flush(): Promise<void> {
    await Promise.allSettled(this.pending.splice(0));
  }
}

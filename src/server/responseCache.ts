/**
 * Whole responses to repeated queries, shared for a second or so: a dashboard that thirty
 * browsers poll with the same query is then computed once per lifetime, not once per browser.
 * Apollo's response-cache plugin does the caching. The entries live in the gateway's store (its
 * clock; with Redis, its replicas; in memory, a byte bound of their own), keyed by the document,
 * its variables, the caller's scopes, the gateway's configuration scope and a history epoch that
 * every start or stop of a sync moves on: after a mutation, this replica answers afresh (another
 * may serve an older answer until it expires).
 *
 * Only queries are cached, and only whole successes: a response with errors, partial ones
 * included, is never stored. Danger: a field whose answer depends on the caller beyond their
 * scopes would leak through here; none does today (add it to the key if one ever does).
 */
import type { ApolloServerPlugin, GraphQLRequestContext } from '@apollo/server';
import responseCachePlugin from '@apollo/server-plugin-response-cache';
import type { KeyValueCache } from '@apollo/utils.keyvaluecache';
import type { GatewayContext } from '../request/context';
import type { GatewayStore } from '../store/GatewayStore';

/** Default lifetime of a cached response, in seconds (0 turns the cache off). */
export const DEFAULT_RESPONSE_CACHE_TTL_SECONDS = 1;

/** Apollo's cache interface over the gateway's store (its `response` namespace). */
class StoreKeyValueCache implements KeyValueCache<string> {
  constructor(private readonly store: GatewayStore) {}

  async get(key: string): Promise<string | undefined> {
    // A store that cannot be read is a miss: the response is computed, never refused.
    return this.store.get<string>('response', key).catch(() => undefined);
  }

  async set(key: string, value: string, options?: { ttl?: number | null }): Promise<void> {
    const ttlMs = (options?.ttl ?? 0) * 1000;
    if (ttlMs > 0) await this.store.set('response', key, value, ttlMs).catch(() => {});
  }

  async delete(key: string): Promise<void> {
    await this.store.delete('response', key).catch(() => {});
  }
}

export class ResponseCache {
  private epoch = 0;

  constructor(
    private readonly store: GatewayStore,
    private readonly ttlSeconds: number,
    /** The configuration and credentials digest pages are keyed by. */
    private readonly scope: () => Promise<string>,
  ) {}

  /** Every response cached so far is not served again (a sync started or stopped). */
  forget(): void {
    this.epoch += 1;
  }

  /** The plugins that serve and keep responses (after every plugin that may add errors). */
  plugins(): ApolloServerPlugin<GatewayContext>[] {
    const ttlSeconds = this.ttlSeconds;
    return [
      {
        // Every query may be kept `ttlSeconds`: the gateway gives no per-field cache hints (their
        // collection costs every field), so the policy is set once per request here.
        async requestDidStart() {
          return {
            async willSendResponse({ operation, overallCachePolicy }) {
              if (operation?.operation === 'query')
                overallCachePolicy.replace({ maxAge: ttlSeconds, scope: 'PUBLIC' });
            },
          };
        },
      },
      responseCachePlugin<GatewayContext>({
        cache: new StoreKeyValueCache(this.store),
        extraCacheKeyData: async ({ contextValue }: GraphQLRequestContext<GatewayContext>) => ({
          scopes: [...contextValue.caller.scopes].sort(),
          configuration: await this.scope(),
          epoch: this.epoch,
        }),
        shouldWriteToCache: async ({ contextValue }) => contextValue.partialErrors.length === 0,
      }),
    ];
  }
}

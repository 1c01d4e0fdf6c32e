/**
 * Opens what outlives a request for one gateway: the store (memory, or Redis named by
 * `--store`), the cursor positions and token chains kept in it, the cursor signer, the Apollo
 * cache, and the store's readiness check.
 *
 * Danger: with Redis, the key prefix must name this configuration exactly (sources, region,
 * endpoint, credentials): two gateways that differ in any of it must never share entries.
 */
import type { KeyValueCache } from '@apollo/utils.keyvaluecache';
import {
  type CursorSigner,
  createCursorSigner,
  createProcessCursorSigner,
} from '../relay/cursorSignature';
import type { AwsClients } from '../services/clients';
import type { GatewayStore } from '../store/GatewayStore';
import { createMemoryStore } from '../store/memoryStore';
import { type ClientPositionStores, createPositionStores } from '../store/positionStore';
import { createRedisStore } from '../store/redisStore';
import { storePrefix } from '../store/storePrefix';
import { createTokenChain } from '../store/tokenChainStore';
import type { TokenChain } from '../relay/tokenChain';
import type { ReadinessCheck } from './readiness';

export interface StoreSettings {
  store?: string | GatewayStore;
  storeTimeoutMs?: number;
  /** Told each time a Redis store's connection is ready again (see `createRedisStore`). */
  onStoreReady?: () => void;
  servedConfiguration?: string;
  cursorSecrets?: readonly string[];
  /** Bytes the in-memory store keeps of pages (default: `memoryStore.ts`'s). */
  pageCacheMaxBytes?: number;
  endpoint?: string;
  region?: string;
}

export interface OpenedStore {
  shared: {
    store: GatewayStore;
    positionStores: ClientPositionStores;
    tokenChain: TokenChain;
    cursorSigner: CursorSigner;
  };
  /** For Apollo Server's `cache` option when the store is Redis. */
  apolloCache?: KeyValueCache<string>;
  readinessCheck: ReadinessCheck;
  /** The key prefix of this configuration when the store is Redis (other Redis users share it). */
  redisPrefix?: string;
  /** Closes the store if it was opened here (a store passed in belongs to the caller). */
  close(): Promise<void>;
}

/** Throws on a `--store` that is neither `memory` nor a `redis://` URL. */
export async function openGatewayStore(
  settings: StoreSettings,
  clients: AwsClients,
  hooks: { now: () => number; onError: (error: unknown) => void },
): Promise<OpenedStore> {
  let store: GatewayStore;
  let apolloCache: KeyValueCache<string> | undefined;
  let redisPrefix: string | undefined;
  const spec = settings.store ?? 'memory';
  if (typeof spec !== 'string') {
    store = spec;
  } else if (spec === 'memory') {
    const budgets = settings.pageCacheMaxBytes ? { page: settings.pageCacheMaxBytes } : undefined;
    store = createMemoryStore({ now: hooks.now, budgets });
  } else if (/^rediss?:\/\//.test(spec)) {
    const prefix = storePrefix({
      served: settings.servedConfiguration ?? 'discovery',
      region: settings.region ?? (await clients.kendra.config.region().catch(() => undefined)),
      endpoint: settings.endpoint ?? process.env.AWS_ENDPOINT_URL,
      credentials: await credentialsIdentity(clients),
    });
    const redis = createRedisStore({
      url: spec,
      prefix,
      timeoutMs: settings.storeTimeoutMs,
      onError: hooks.onError,
      onReady: settings.onStoreReady,
    });
    store = redis;
    apolloCache = redis.apolloCache;
    redisPrefix = prefix;
  } else {
    throw new Error(`--store must be "memory" or a redis://host:port[/db] URL, got "${spec}"`);
  }
  const secrets = settings.cursorSecrets;
  return {
    shared: {
      store,
      positionStores: createPositionStores(store, { now: hooks.now }),
      tokenChain: createTokenChain(store),
      cursorSigner:
        secrets && secrets.length > 0 ? createCursorSigner(secrets) : createProcessCursorSigner(),
    },
    apolloCache,
    redisPrefix,
    readinessCheck: { name: 'store', check: () => store.health() },
    close: async () => {
      if (typeof spec === 'string') await store.close();
    },
  };
}

/** The access key id of the clients' credentials (only ever hashed), or `default` when unknown. */
async function credentialsIdentity(clients: AwsClients): Promise<string> {
  try {
    const credentials = await clients.kendra.config.credentials();
    return credentials.accessKeyId;
  } catch {
    return 'default';
  }
}

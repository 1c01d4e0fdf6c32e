/**
 * Upstream job pages kept in the store (namespace `page`) between requests, so a client walking a
 * history forwards or backwards makes each upstream page be read once across the whole walk.
 * A page is keyed by the gateway's scope (endpoint, region, credentials), the source, the filter
 * pushed down to the service, and its page token; a page answered while another request waits for
 * it is shared (one call in flight per key, in this process).
 *
 * Lifetimes: a page whose jobs are all finished is history that no longer changes and lives
 * `finishedTtlMs` (default 10 minutes: no longer than the services' page tokens stay usable, since
 * its `nextToken` is replayed). A first page, or a page holding a running job, lives `liveTtlMs`
 * (default 5 s): new jobs appear on the first page and running jobs change state.
 *
 * Danger: the store may be remote and down. Every store failure is a miss (read) or is dropped
 * (write); a page is never answered from a guess, and an entry of another scope is never read.
 */
import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { ImportJobModel, JobModel, SyncJobModel } from '../model/jobs';
import { FINISHED_STATES, jobStateOf } from '../model/jobState';
import { serviceOf } from '../model/services';
import { sourceKey, type JobSourceRef } from '../model/sources';
import type { ServicePage } from '../relay/pageSource';
import type { GatewayStore } from '../store/GatewayStore';
import { canonicalKey } from './canonicalKey';

export interface PageCacheOptions {
  /** Lifetime of a page whose jobs are all finished (default 600 000 ms). */
  finishedTtlMs?: number;
  /** Lifetime of a first page or of a page with a running job (default 5 000 ms). */
  liveTtlMs?: number;
  /** Decoded pages kept in this process besides the store (default 2 000). */
  decodedPages?: number;
}

/** What a page's key is made of, besides the scope. */
export interface PageAddress {
  /** `sourceKey` with its service, e.g. `KENDRA:index/ds`. */
  source: string;
  /** What the service was asked to filter (status, window), canonical. */
  query: unknown;
  token: string | undefined;
}

/** The `source` part of a page's address. */
export function pageCacheSource(ref: JobSourceRef): string {
  return `${serviceOf(ref)}:${sourceKey(ref)}`;
}

export const DEFAULT_FINISHED_PAGE_TTL_MS = 600_000;
export const DEFAULT_LIVE_PAGE_TTL_MS = 5_000;

export class PageCache {
  private readonly inFlight = new Map<string, Promise<ServicePage<JobModel>>>();
  /**
   * Pages this process decoded lately, by key: a page for a key never changes while it lives, so
   * a hit skips the store's JSON (most of a cached request's time). Never longer than the store
   * keeps it; an entry another replica wrote lives here only `liveTtlMs`.
   */
  private readonly decoded: LRUCache<string, ServicePage<JobModel>>;
  /** Per source, bumped by `forget`: part of every key, so older entries are never read again. */
  private readonly generations = new Map<string, number>();
  private readonly finishedTtlMs: number;
  private readonly liveTtlMs: number;

  constructor(
    private readonly store: GatewayStore,
    /** Resolves to a text naming the configuration and credentials; pages never cross scopes. */
    private readonly scope: () => Promise<string>,
    options: PageCacheOptions = {},
    /** The clock of the decoded pages' lifetimes (the store's own clock). */
    now: () => number = Date.now,
  ) {
    this.finishedTtlMs = options.finishedTtlMs ?? DEFAULT_FINISHED_PAGE_TTL_MS;
    this.liveTtlMs = options.liveTtlMs ?? DEFAULT_LIVE_PAGE_TTL_MS;
    this.decoded = new LRUCache({
      max: options.decodedPages ?? 2_000,
      ttlAutopurge: false,
      perf: { now },
    });
  }

  /** The page at `address`: from the store, from a call already in flight, or from `fetch`. */
  async read<T extends JobModel>(
    address: PageAddress,
    fetch: () => Promise<ServicePage<T>>,
  ): Promise<ServicePage<T>> {
    const key = await this.keyOf(address);
    const pending = this.inFlight.get(key);
    if (pending !== undefined) return pending as Promise<ServicePage<T>>;
    const load = this.load(key, address, fetch);
    this.inFlight.set(key, load);
    try {
      return await load;
    } finally {
      this.inFlight.delete(key);
    }
  }

  /**
   * Forgets every page of `source` (after a mutation changed its history). Process-local: another
   * replica still serves its own entries until they expire (first pages: `liveTtlMs`).
   */
  forget(ref: JobSourceRef): void {
    const source = pageCacheSource(ref);
    this.generations.set(source, (this.generations.get(source) ?? 0) + 1);
  }

  /** A cached page, or `undefined` (a store failure reads as a miss). */
  async peek<T extends JobModel>(address: PageAddress): Promise<ServicePage<T> | undefined> {
    return (await this.get(await this.keyOf(address))) as ServicePage<T> | undefined;
  }

  private async load<T extends JobModel>(
    key: string,
    address: PageAddress,
    fetch: () => Promise<ServicePage<T>>,
  ) {
    const cached = await this.get(key);
    if (cached !== undefined) return cached as ServicePage<T>;
    const page = await fetch();
    const finished = address.token !== undefined && page.items.every(isFinished);
    const ttl = finished ? this.finishedTtlMs : this.liveTtlMs;
    this.decoded.set(key, page as ServicePage<JobModel>, { ttl });
    // Written once the caller has moved on (its next call sent): this process reads the decoded
    // copy meanwhile, and encoding the page is not on the walk's critical path.
    setImmediate(() =>
      this.store.set<StoredPage>('page', key, toStored(page), ttl).catch(() => undefined),
    );
    return page;
  }

  private async get(key: string): Promise<ServicePage<JobModel> | undefined> {
    const known = this.decoded.get(key);
    if (known !== undefined) return known;
    try {
      const stored = await this.store.get<StoredPage>('page', key);
      if (stored === undefined) return undefined;
      const page = fromStored(stored);
      this.decoded.set(key, page, { ttl: this.liveTtlMs });
      return page;
    } catch {
      return undefined;
    }
  }

  private async keyOf(address: PageAddress): Promise<string> {
    const generation = this.generations.get(address.source) ?? 0;
    const text = canonicalKey([
      await this.scope(),
      address.source,
      generation,
      address.query,
      address.token ?? null,
    ]);
    return createHash('sha256').update(text).digest('base64url');
  }
}

/** A job that will not change any more (its state is final). */
export function isFinished(job: JobModel): boolean {
  return FINISHED_STATES.includes(jobStateOf(job)) || jobStateOf(job) === 'DELETED';
}

/** A page as JSON: dates as epoch ms, everything else as it is. */
interface StoredPage {
  items: unknown[];
  nextToken?: string;
}

const SYNC_DATES = ['startedAt', 'endedAt'] as const;
const IMPORT_DATES = ['createdTime', 'lastModifiedTime'] as const;

function toStored(page: ServicePage<JobModel>): StoredPage {
  const items = page.items.map((job) => {
    const out: Record<string, unknown> = { ...job };
    for (const field of job.kind === 'SyncJob' ? SYNC_DATES : IMPORT_DATES) {
      const value = out[field];
      if (value instanceof Date) out[field] = value.getTime();
    }
    return out;
  });
  return page.nextToken === undefined ? { items } : { items, nextToken: page.nextToken };
}

function fromStored(stored: StoredPage): ServicePage<JobModel> {
  const items = stored.items.map((raw) => {
    const job = { ...(raw as Record<string, unknown>) };
    for (const field of job.kind === 'SyncJob' ? SYNC_DATES : IMPORT_DATES) {
      if (typeof job[field] === 'number') job[field] = new Date(job[field] as number);
    }
    return job as unknown as SyncJobModel | ImportJobModel;
  });
  return stored.nextToken === undefined ? { items } : { items, nextToken: stored.nextToken };
}

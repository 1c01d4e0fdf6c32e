/**
 * A catalog that remembers how many sources each service had at its last listing, so a document's
 * cost can be estimated before execution without listing anything. Danger: the numbers are as old
 * as the last listing; before the first one they are an assumption (`assumedPerService`).
 */
import { serviceOf, type Service } from '../model/services';
import type { NodeRef } from '../model/sources';
import type { CatalogListing, ContainerListing, SourceCatalog } from './SourceCatalog';

export interface CatalogSize {
  sources: Record<Service, number>;
  /** Whether a listing younger than the time to live is known (a request then lists nothing). */
  fresh: boolean;
}

export class MeasuredCatalog implements SourceCatalog {
  private last?: { at: number; sources: Record<Service, number> };

  constructor(
    private readonly inner: SourceCatalog,
    private readonly options: { ttlMs: number; now: () => number; assumedPerService: number },
  ) {}

  serves(ref: NodeRef): Promise<boolean> {
    return this.inner.serves(ref);
  }

  containers(): Promise<ContainerListing> {
    return this.inner.containers();
  }

  async list(): Promise<CatalogListing> {
    const listing = await this.inner.list();
    const sources: Record<Service, number> = { KENDRA: 0, QBUSINESS: 0, QCONNECT: 0 };
    for (const source of listing.sources) sources[serviceOf(source)] += 1;
    // A service that failed keeps its previous count: it will be asked again.
    for (const failure of listing.failures)
      sources[failure.service] =
        this.last?.sources[failure.service] ?? this.options.assumedPerService;
    this.last = { at: this.options.now(), sources };
    return listing;
  }

  /** The source counts of the last listing, or the assumption before any. */
  size(): CatalogSize {
    if (!this.last) {
      const n = this.options.assumedPerService;
      return { sources: { KENDRA: n, QBUSINESS: n, QCONNECT: n }, fresh: false };
    }
    return {
      sources: this.last.sources,
      fresh: this.options.now() - this.last.at < this.options.ttlMs,
    };
  }
}

/**
 * The set of sources the gateway serves. Resolvers ask it before addressing a resource upstream,
 * so an id outside the served set is NOT_FOUND without a call for it.
 */
import type { Service } from '../model/services';
import type { ContainerRef, JobSourceRef, NodeRef } from '../model/sources';

/** What `list()` found: the served sources, and the services whose listing failed. */
export interface CatalogListing {
  sources: JobSourceRef[];
  /** Services (or parents) whose listing failed: their sources are missing from `sources`. */
  failures: { service: Service; error: Error }[];
}

/** What `containers()` found: the served indexes and applications, and the failed services. */
export interface ContainerListing {
  /** Every served Kendra index, Q Business application and Q Business index. */
  containers: ContainerRef[];
  /** Services (or parents) whose listing failed: their containers are missing. */
  failures: { service: Service; error: Error }[];
}

/**
 * Which sources the gateway serves: discovered (`DiscoveryCatalog`) or configured
 * (`ConfigCatalog`).
 */
export interface SourceCatalog {
  /** Is this index, application, data source or knowledge base served? */
  serves(ref: NodeRef): Promise<boolean>;
  /** Every served data source and knowledge base. Never rejects for an upstream failure. */
  list(): Promise<CatalogListing>;
  /** Every served index and application, to browse from. Never rejects for an upstream failure. */
  containers(): Promise<ContainerListing>;
}

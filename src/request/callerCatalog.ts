/**
 * The catalog as a caller restricted to some services sees it: sources of other services are
 * neither listed nor served, so their ids are NOT_FOUND (their existence is not revealed) and
 * cross-service lists, feeds and summaries leave them out without asking their service.
 * Danger: this wraps the shared catalog per request; it must add no state of its own.
 */
import type { CatalogListing, ContainerListing, SourceCatalog } from '../catalog/SourceCatalog';
import { serviceOf, type Service } from '../model/services';

/** `catalog` limited to `services`. */
export function restrictCatalog(
  catalog: SourceCatalog,
  services: ReadonlySet<Service>,
): SourceCatalog {
  return {
    async serves(ref) {
      return services.has(serviceOf(ref)) && catalog.serves(ref);
    },
    async list(): Promise<CatalogListing> {
      const listing = await catalog.list();
      return {
        sources: listing.sources.filter((source) => services.has(serviceOf(source))),
        failures: listing.failures.filter((failure) => services.has(failure.service)),
      };
    },
    async containers(): Promise<ContainerListing> {
      const listing = await catalog.containers();
      return {
        containers: listing.containers.filter((ref) => services.has(serviceOf(ref))),
        failures: listing.failures.filter((failure) => services.has(failure.service)),
      };
    },
  };
}

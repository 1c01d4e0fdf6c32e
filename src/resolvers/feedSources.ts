/**
 * Which sources a cross-service query reads: every served source, narrowed by `services` and
 * `sources` (JobSource ids). Catalog failures (a service that could not be listed) are reported as
 * partial errors of the field, with the service, so the other services still answer.
 */
import type { GraphQLResolveInfo } from 'graphql';
import { badUserInput, ErrorCode, gatewayError } from '../errors/ErrorCode';
import { fromGlobalId } from '../model/globalId';
import { serviceOf } from '../model/services';
import { sourceKey, type JobSourceRef } from '../model/sources';
import type { GatewayContext } from '../request/context';
import { reportPartialError } from '../request/partialErrors';

/** Which sources a cross-service query names: services and JobSource ids. */
export interface SourceSelection {
  services?: readonly string[] | null;
  sources?: readonly string[] | null;
}

const SOURCE_KINDS = new Set(['KendraDataSource', 'QBusinessDataSource', 'QConnectKnowledgeBase']);

/** The served sources a filter selects. */
export async function selectSources(
  context: GatewayContext,
  info: GraphQLResolveInfo,
  selection: SourceSelection,
): Promise<JobSourceRef[]> {
  const wanted = selection.sources?.map((id) => {
    const ref = fromGlobalId(id);
    if (!SOURCE_KINDS.has(ref.kind)) {
      throw badUserInput(
        `\`sources\` takes JobSource ids (data sources and knowledge bases); "${id}" is a ${ref.kind}.`,
      );
    }
    return ref as JobSourceRef;
  });
  const listing = await context.catalog.list();
  for (const failure of listing.failures) {
    if (selection.services && !selection.services.includes(failure.service)) continue;
    reportPartialError(context, info, failure.error, { service: failure.service, sourceId: null });
  }
  let sources = listing.sources;
  if (selection.services)
    sources = sources.filter((s) => selection.services!.includes(serviceOf(s)));
  if (wanted) {
    const idOf = (ref: JobSourceRef) => `${serviceOf(ref)}:${sourceKey(ref)}`;
    const wantedIds = new Set(wanted.map(idOf));
    sources = sources.filter((s) => wantedIds.has(idOf(s)));
    const servedIds = new Set(sources.map(idOf));
    const failedServices = new Set(listing.failures.map((f) => f.service));
    const missing = wanted.filter(
      (ref) => !failedServices.has(serviceOf(ref)) && !servedIds.has(idOf(ref)),
    );
    if (missing.length > 0) {
      throw gatewayError(
        ErrorCode.NOT_FOUND,
        `${missing.length} of the \`sources\` ids are not served by this gateway.`,
      );
    }
  }
  return sources;
}

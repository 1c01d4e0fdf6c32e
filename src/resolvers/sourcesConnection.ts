/**
 * Connections over sources (`Query.sources`, `KendraIndex.dataSources`, `QBusinessIndex.dataSources`).
 * The served set is small and already listed by the catalog, so it is paged in memory, through the
 * same relay engine as jobs (an in-memory `PageSource` sorted by service and source id), so cursors
 * and page flags behave the same everywhere.
 */
import { canonicalKey } from '../request/canonicalKey';
import type { Connection } from '../model/connections';
import { serviceOf } from '../model/services';
import { sourceKey, type JobSourceRef } from '../model/sources';
import { arrayPageSource } from '../relay/arrayPageSource';
import type { SortKey } from '../relay/pageSource';
import { checkPageSourceArgs, connectionFromPageSource } from '../relay/connection';
import type { GatewayContext } from '../request/context';
import type { ConnectionArgs } from '../relay/connectionArgs';

/** Sources are in service, then source id order. */
const sourceSortKey = (ref: JobSourceRef): SortKey => [0, serviceOf(ref), sourceKey(ref)];

/** A connection over the given sources, bound to `key` (what selected them). */
export function sourcesConnection(
  context: GatewayContext,
  args: ConnectionArgs,
  key: unknown,
  refs: JobSourceRef[],
): Promise<Connection<JobSourceRef>> {
  return connectionFromPageSource(arrayPageSource(canonicalKey(key), refs, sourceSortKey), args, {
    now: context.options.now,
    signer: context.cursorSigner,
  });
}

/** Refuses bad arguments or cursors of a sources connection bound to `key`, before any listing. */
export function checkSourcesArgs(
  context: GatewayContext,
  args: ConnectionArgs,
  key: unknown,
): void {
  checkPageSourceArgs(args, canonicalKey(key), context.cursorSigner);
}

/** The data sources of one Kendra or Q Business index. */
export async function sourcesOfParent(
  context: GatewayContext,
  args: ConnectionArgs,
  parent: string,
  predicate: (ref: JobSourceRef) => boolean,
): Promise<Connection<JobSourceRef>> {
  checkSourcesArgs(context, args, { parent });
  const listing = await context.catalog.list();
  return sourcesConnection(context, args, { parent }, listing.sources.filter(predicate));
}

/**
 * `Query.jobs` (one feed over every served source, a lazy k-way merge) and `Query.sources`.
 * A source that fails is left out of the page and reported in `errors[]` with its service and
 * JobSource id; the cursor keeps its place, so the next page asks it again.
 */
import type { GraphQLResolveInfo } from 'graphql';
import { jobPageSource } from '../request/jobPageSource';
import { toGlobalId } from '../model/globalId';
import type { Connection } from '../model/connections';
import type { JobModel } from '../model/jobs';
import { serviceOf } from '../model/services';
import { sourceKey, type JobSourceRef } from '../model/sources';
import { checkMergedFeedArgs, connectionFromMergedSources } from '../relay/mergedConnection';
import type { JobFilter, SourceFilter } from '../schema/generated';
import type { GatewayContext } from '../request/context';
import { reportPartialError } from '../request/partialErrors';
import { scheduleLookAhead } from '../request/scheduleLookAhead';
import { walkAnchor } from '../relay/peekWalkBound';
import { selectSources } from './feedSources';
import { selectsCursors } from './selectsCursors';
import type { ConnectionArgs } from '../relay/connectionArgs';
import { listOf, windowOf } from './jobConnections';
import { checkSourcesArgs, sourcesConnection } from './sourcesConnection';

/** `Query.jobs`: the merged feed over the selected sources; failed sources are partial errors. */
export async function jobsFeed(
  context: GatewayContext,
  info: GraphQLResolveInfo,
  args: ConnectionArgs & { filter?: JobFilter | null },
): Promise<Connection<JobModel>> {
  const filter = args.filter ?? {};
  const anchor = await walkAnchor(args, context.options.now, {
    signer: context.cursorSigner,
    positions: context.positions,
  });
  const predicate = { states: listOf(filter.states), ...windowOf(filter, anchor) };
  // Bound to the filter, not to the sources: a source discovered mid-walk does not void cursors.
  const key = JSON.stringify({
    filter: predicate,
    services: filter.services ?? null,
    sources: filter.sources ?? null,
  });
  // A forged or altered cursor is refused before discovery asks the services anything.
  checkMergedFeedArgs(args, key, context.cursorSigner);
  const refs = await selectSources(context, info, filter);
  const pageSources = refs.map((ref) =>
    jobPageSource(context.loaders, ref, predicate, { pushdown: context.options.pushdown }),
  );
  const byKey = new Map(pageSources.map((source, i) => [source.key, refs[i]]));
  const result = await connectionFromMergedSources(pageSources, args, {
    // The walk starts when the window was counted from, so both stay fixed while it pages.
    now: () => anchor,
    positions: context.positions,
    signer: context.cursorSigner,
    key,
    tokenChain: context.tokenChain,
    cursors: selectsCursors(info),
  });
  for (const failure of result.failures) {
    const ref = byKey.get(failure.sourceKey);
    reportPartialError(context, info, failure.error, {
      service: ref ? serviceOf(ref) : null,
      sourceId: ref ? toGlobalId(ref) : null,
    });
  }
  scheduleLookAhead(context, result, args.last == null);
  return { edges: result.edges, pageInfo: result.pageInfo };
}

/** `Query.sources`: the served sources, by service and name search, as a connection. */
export async function sourcesList(
  context: GatewayContext,
  info: GraphQLResolveInfo,
  args: ConnectionArgs & { filter?: SourceFilter | null },
): Promise<Connection<JobSourceRef>> {
  const services = args.filter?.services ?? undefined;
  const search = args.filter?.search?.trim().toLowerCase() || undefined;
  checkSourcesArgs(context, args, { services: services ?? null, search: search ?? null });
  const refs = await selectSources(context, info, { services });
  const matches = async (ref: JobSourceRef) => {
    if (!search) return true;
    if (sourceKey(ref).toLowerCase().includes(search)) return true;
    try {
      return (await context.loaders.loadSourceDetails(ref)).name.toLowerCase().includes(search);
    } catch (error) {
      reportPartialError(context, info, error, {
        service: serviceOf(ref),
        sourceId: toGlobalId(ref),
      });
      return false;
    }
  };
  const kept = await Promise.all(refs.map(matches));
  return sourcesConnection(
    context,
    args,
    { services: services ?? null, search: search ?? null },
    refs.filter((_, i) => kept[i]),
  );
}

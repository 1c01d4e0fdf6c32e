/**
 * Fields every `JobSource` has (Kendra and Q Business data sources, Q Connect knowledge bases).
 * Names, types and statuses come from one describe/get call per source and request, made only when
 * a query asks for them (or not at all when discovery already brought them).
 */
import { toGlobalId } from '../model/globalId';
import type { JobSourceRef } from '../model/sources';
import { ownId, serviceOf } from '../model/services';
import type { SourceJobFilter } from '../schema/generated';
import type { GatewayContext } from '../request/context';
import type { ConnectionArgs } from '../relay/connectionArgs';
import { walkAnchor } from '../relay/peekWalkBound';
import { jobConnection, listOf, windowOf } from './jobConnections';

const details = (ref: JobSourceRef, context: GatewayContext) =>
  context.loaders.loadSourceDetails(ref);

/** Resolvers of the `JobSource` interface's fields, spread into each source type. */
export const jobSourceFields = {
  id: (ref: JobSourceRef) => toGlobalId(ref),
  service: (ref: JobSourceRef) => serviceOf(ref),
  sourceId: (ref: JobSourceRef) => ownId(ref),
  name: async (ref: JobSourceRef, _: unknown, context: GatewayContext) =>
    (await details(ref, context)).name,
  type: async (ref: JobSourceRef, _: unknown, context: GatewayContext) =>
    (await details(ref, context)).type ?? null,
  status: async (ref: JobSourceRef, _: unknown, context: GatewayContext) =>
    (await details(ref, context)).status ?? null,
  description: async (ref: JobSourceRef, _: unknown, context: GatewayContext) =>
    (await details(ref, context)).description ?? null,
  indexId: (ref: JobSourceRef) => (ref.kind === 'QConnectKnowledgeBase' ? null : ref.indexId),
  applicationId: (ref: JobSourceRef) =>
    ref.kind === 'QBusinessDataSource' ? ref.applicationId : null,
  jobs: async (
    ref: JobSourceRef,
    args: ConnectionArgs & { filter?: SourceJobFilter | null },
    context: GatewayContext,
  ) => {
    const anchor = await walkAnchor(args, context.options.now, { signer: context.cursorSigner });
    const predicate = { states: listOf(args.filter?.states), ...windowOf(args.filter, anchor) };
    return jobConnection(context, ref, predicate, args, anchor);
  },
};

/** Creation and update times (data sources; knowledge bases have none). */
export const timestampFields = {
  createdAt: async (ref: JobSourceRef, _: unknown, context: GatewayContext) =>
    (await details(ref, context)).createdAt ?? null,
  updatedAt: async (ref: JobSourceRef, _: unknown, context: GatewayContext) =>
    (await details(ref, context)).updatedAt ?? null,
};

/** A service-specific extra (languageCode, syncSchedule, knowledgeBaseArn). */
export const extraField =
  (name: string) =>
  async (ref: JobSourceRef, _: unknown, context: GatewayContext): Promise<string | null> =>
    (await details(ref, context)).extra?.[name] ?? null;

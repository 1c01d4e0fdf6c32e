/** `KendraIndex` and `KendraDataSource`. */
import { toGlobalId } from '../model/globalId';
import type { KendraDataSourceResolvers, KendraIndexResolvers } from '../schema/generated';
import { walkAnchor } from '../relay/peekWalkBound';
import { jobConnection, listOf, windowOf } from './jobConnections';
import { extraField, jobSourceFields, timestampFields } from './JobSource';
import { kendraDataSourceRef, served } from './sourceRefs';
import { sourcesOfParent } from './sourcesConnection';

export const KendraIndex: KendraIndexResolvers = {
  id: (ref) => toGlobalId(ref),
  indexId: (ref) => ref.indexId,
  // A ref from a list carries what the list call returned: no describe call for those fields.
  name: async (ref, _, context) =>
    ref.name ?? ref.details?.name ?? (await context.loaders.kendraIndex.load(ref.indexId)).name,
  edition: async (ref, _, context) =>
    (await context.loaders.kendraIndex.load(ref.indexId)).edition ?? null,
  status: async (ref, _, context) =>
    (ref.details ?? (await context.loaders.kendraIndex.load(ref.indexId))).status ?? null,
  description: async (ref, _, context) =>
    (await context.loaders.kendraIndex.load(ref.indexId)).description ?? null,
  createdAt: async (ref, _, context) =>
    (await context.loaders.kendraIndex.load(ref.indexId)).createdAt ?? null,
  updatedAt: async (ref, _, context) =>
    (await context.loaders.kendraIndex.load(ref.indexId)).updatedAt ?? null,
  dataSource: (ref, { id }, context) => served(context, kendraDataSourceRef(ref.indexId, id)),
  dataSources: (ref, args, context) =>
    sourcesOfParent(
      context,
      args,
      `kendra/${ref.indexId}`,
      (s) => s.kind === 'KendraDataSource' && s.indexId === ref.indexId,
    ),
};

export const KendraDataSource: KendraDataSourceResolvers = {
  ...jobSourceFields,
  ...timestampFields,
  languageCode: extraField('languageCode'),
  index: (ref) => ({ kind: 'KendraIndex', indexId: ref.indexId, name: ref.indexName }),
  syncJobs: async (ref, args, context) => {
    const anchor = await walkAnchor(args, context.options.now, { signer: context.cursorSigner });
    const predicate = { statuses: listOf(args.filter?.status), ...windowOf(args.filter, anchor) };
    return jobConnection(context, ref, predicate, args, anchor);
  },
};

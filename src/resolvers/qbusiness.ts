/** `QBusinessApplication`, `QBusinessIndex` and `QBusinessDataSource`. */
import { toGlobalId } from '../model/globalId';
import type { GatewayContext } from '../request/context';
import type {
  QBusinessApplicationResolvers,
  QBusinessDataSourceResolvers,
  QBusinessIndexResolvers,
} from '../schema/generated';
import { walkAnchor } from '../relay/peekWalkBound';
import { qbusinessIndexList } from './containerLists';
import { jobConnection, listOf, windowOf } from './jobConnections';
import { extraField, jobSourceFields, timestampFields } from './JobSource';
import { qbusinessDataSourceRef, qbusinessIndexRef, served } from './sourceRefs';
import { sourcesOfParent } from './sourcesConnection';

export const QBusinessApplication: QBusinessApplicationResolvers = {
  id: (ref) => toGlobalId(ref),
  applicationId: (ref) => ref.applicationId,
  // A ref from a list carries what the list call returned: no get call for those fields.
  name: async (ref, _, context) =>
    ref.details?.name ?? (await context.loaders.qbusinessApplication.load(ref.applicationId)).name,
  status: async (ref, _, context) =>
    (ref.details ?? (await context.loaders.qbusinessApplication.load(ref.applicationId))).status ??
    null,
  identityType: async (ref, _, context) =>
    (await context.loaders.qbusinessApplication.load(ref.applicationId)).identityType ?? null,
  createdAt: async (ref, _, context) =>
    (await context.loaders.qbusinessApplication.load(ref.applicationId)).createdAt ?? null,
  updatedAt: async (ref, _, context) =>
    (await context.loaders.qbusinessApplication.load(ref.applicationId)).updatedAt ?? null,
  index: (ref, { id }, context) => served(context, qbusinessIndexRef(ref.applicationId, id)),
  indices: (ref, args, context, info) => qbusinessIndexList(context, info, ref, args),
};

const indexDetails = (ref: { applicationId: string; indexId: string }, context: GatewayContext) =>
  context.loaders.qbusinessIndex.load({ applicationId: ref.applicationId, indexId: ref.indexId });

export const QBusinessIndex: QBusinessIndexResolvers = {
  id: (ref) => toGlobalId(ref),
  indexId: (ref) => ref.indexId,
  applicationId: (ref) => ref.applicationId,
  name: async (ref, _, context) =>
    ref.name ?? ref.details?.name ?? (await indexDetails(ref, context)).name,
  status: async (ref, _, context) =>
    (ref.details ?? (await indexDetails(ref, context))).status ?? null,
  createdAt: async (ref, _, context) => (await indexDetails(ref, context)).createdAt ?? null,
  updatedAt: async (ref, _, context) => (await indexDetails(ref, context)).updatedAt ?? null,
  application: (ref) => ({ kind: 'QBusinessApplication', applicationId: ref.applicationId }),
  dataSource: (ref, { id }, context) => served(context, qbusinessDataSourceRef(ref, id)),
  dataSources: (ref, args, context) =>
    sourcesOfParent(
      context,
      args,
      `qbusiness/${ref.applicationId}/${ref.indexId}`,
      (s) =>
        s.kind === 'QBusinessDataSource' &&
        s.applicationId === ref.applicationId &&
        s.indexId === ref.indexId,
    ),
};

export const QBusinessDataSource: QBusinessDataSourceResolvers = {
  ...jobSourceFields,
  ...timestampFields,
  syncSchedule: extraField('syncSchedule'),
  index: (ref) => ({
    kind: 'QBusinessIndex',
    applicationId: ref.applicationId,
    indexId: ref.indexId,
    name: ref.indexName,
  }),
  syncJobs: async (ref, args, context) => {
    const anchor = await walkAnchor(args, context.options.now, { signer: context.cursorSigner });
    const predicate = { statuses: listOf(args.filter?.status), ...windowOf(args.filter, anchor) };
    return jobConnection(context, ref, predicate, args, anchor);
  },
};

/** `QConnectKnowledgeBase`. Q Connect's ListImportJobs takes no filter: every part applies in the gateway. */
import type { QConnectKnowledgeBaseResolvers } from '../schema/generated';
import { jobConnection, listOf, windowOf } from './jobConnections';
import { extraField, jobSourceFields } from './JobSource';

export const QConnectKnowledgeBase: QConnectKnowledgeBaseResolvers = {
  ...jobSourceFields,
  knowledgeBaseId: (ref) => ref.knowledgeBaseId,
  knowledgeBaseArn: extraField('knowledgeBaseArn'),
  importJobs: (ref, args, context) =>
    jobConnection(
      context,
      ref,
      {
        statuses: listOf(args.filter?.status),
        types: listOf(args.filter?.type),
        ...windowOf(
          { startedAfter: args.filter?.createdAfter, startedBefore: args.filter?.createdBefore },
          'createdAfter',
          'createdBefore',
        ),
      },
      args,
    ),
};

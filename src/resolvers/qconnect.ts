/** `QConnectKnowledgeBase`. Q Connect's ListImportJobs takes no filter: every part applies in the gateway. */
import type { QConnectKnowledgeBaseResolvers } from '../schema/generated';
import { walkAnchor } from '../relay/peekWalkBound';
import { jobConnection, listOf, windowOf } from './jobConnections';
import { extraField, jobSourceFields } from './JobSource';

export const QConnectKnowledgeBase: QConnectKnowledgeBaseResolvers = {
  ...jobSourceFields,
  knowledgeBaseId: (ref) => ref.knowledgeBaseId,
  knowledgeBaseArn: extraField('knowledgeBaseArn'),
  importJobs: async (ref, args, context) => {
    const anchor = await walkAnchor(args, context.options.now, { signer: context.cursorSigner });
    const window = windowOf(
      {
        startedAfter: args.filter?.createdAfter,
        startedBefore: args.filter?.createdBefore,
        startedWithin: args.filter?.createdWithin,
      },
      anchor,
      { after: 'createdAfter', before: 'createdBefore', within: 'createdWithin' },
    );
    const predicate = {
      statuses: listOf(args.filter?.status),
      types: listOf(args.filter?.type),
      ...window,
    };
    return jobConnection(context, ref, predicate, args, anchor);
  },
};

/** Entry points: objects by global id, the services' resources by their own ids, and the cross-service feed. */
import { badUserInput } from '../errors/ErrorCode';
import type { QueryResolvers } from '../schema/generated';
import { kendraIndexList, knowledgeBaseList, qbusinessApplicationList } from './containerLists';
import { jobsFeed, sourcesList } from './feed';
import { jobSummary } from './jobSummary';
import { resolveNode } from './resolveNode';
import { kendraIndexRef, qbusinessApplicationRef, served, servedKnowledgeBase } from './sourceRefs';

/** Most ids `nodes(ids:)` takes. */
export const MAX_NODES = 100;

export const Query: QueryResolvers = {
  node: (_, { id }, context) => resolveNode(context, id),
  nodes: (_, { ids }, context) => {
    if (ids.length > MAX_NODES) {
      throw badUserInput(`\`nodes\` takes at most ${MAX_NODES} ids, got ${ids.length}.`);
    }
    return ids.map((id) => resolveNode(context, id)) as never;
  },
  kendraIndex: (_, { id }, context) => served(context, kendraIndexRef(id)),
  qbusinessApplication: (_, { id }, context) => served(context, qbusinessApplicationRef(id)),
  qconnectKnowledgeBase: (_, { id }, context) => servedKnowledgeBase(context, id),
  kendraIndexes: (_, args, context, info) => kendraIndexList(context, info, args),
  qbusinessApplications: (_, args, context, info) => qbusinessApplicationList(context, info, args),
  qconnectKnowledgeBases: (_, args, context, info) => knowledgeBaseList(context, info, args),
  sources: (_, args, context, info) => sourcesList(context, info, args),
  jobs: (_, args, context, info) => jobsFeed(context, info, args),
  jobSummary: (_, { filter }, context, info) => jobSummary(context, info, filter),
};

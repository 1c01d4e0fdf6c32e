/** Entry points of issue 4: objects by global id, and the three services' resources by their own ids. */
import { badUserInput } from '../errors/ErrorCode';
import type { QueryResolvers } from '../schema/generated';
import { resolveNode } from './resolveNode';
import { kendraIndexRef, knowledgeBaseRef, qbusinessApplicationRef, served } from './sourceRefs';

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
  qconnectKnowledgeBase: (_, { id }, context) => served(context, knowledgeBaseRef(id)),
};

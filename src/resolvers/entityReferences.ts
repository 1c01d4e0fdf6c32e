/**
 * Federation entity look-ups (`_entities`): a representation `{ __typename, id }` from a router
 * back to its object, through the same per-request loaders as `node(id:)`, so the representations
 * of one `_entities` call are fetched together and deduplicated. Danger: a representation is
 * client input; an id of another type than its `__typename` is null, never a mistyped object.
 */
import type { JobModel } from '../model/jobs';
import type { NodeRef } from '../model/sources';
import type { GatewayContext } from '../request/context';
import { resolveNode } from './resolveNode';

type Kind = (NodeRef | JobModel)['kind'];

interface Representation {
  id: string;
}

/** The kinds each entity type (object or entity interface) stands for. */
const KINDS_OF: Record<string, readonly Kind[]> = {
  Job: ['SyncJob', 'ImportJob'],
  JobSource: ['KendraDataSource', 'QBusinessDataSource', 'QConnectKnowledgeBase'],
};

async function resolveEntity(
  typeName: string,
  representation: Representation,
  context: GatewayContext,
) {
  if (typeof representation.id !== 'string') return null;
  const found = await resolveNode(context, representation.id);
  if (!found || !(KINDS_OF[typeName] ?? [typeName]).includes(found.kind)) return null;
  // A copy: the federation library marks the result with its __typename.
  return { ...found };
}

/** `{ __resolveReference }` for one entity type. */
export function entityReference(typeName: string) {
  return {
    __resolveReference: (representation: Representation, context: GatewayContext) =>
      resolveEntity(typeName, representation, context),
  };
}

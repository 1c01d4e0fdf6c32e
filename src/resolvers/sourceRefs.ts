/**
 * Entry points take the services' own ids or the objects' global ids (`id`); this turns them into
 * references after checking their form (BAD_USER_INPUT) and that the gateway serves them
 * (NOT_FOUND, without an upstream call for an id outside the served set). A global id is told
 * from a service id by decoding: no service id decodes as one of ours (theirs are at most 36
 * characters of the models' patterns, or an ARN; ours are base64url of a versioned tuple).
 */
import { ErrorCode, badUserInput, gatewayError } from '../errors/ErrorCode';
import { fromGlobalId } from '../model/globalId';
import type {
  KendraDataSourceRef,
  KendraIndexRef,
  NodeRef,
  QBusinessApplicationRef,
  QBusinessDataSourceRef,
  QBusinessIndexRef,
  QConnectKnowledgeBaseRef,
} from '../model/sources';
import {
  isKnowledgeBaseArn,
  kendraDataSourceId,
  kendraIndexId,
  knowledgeBaseId,
  qbusinessId,
} from '../model/serviceIds';
import { getKnowledgeBase } from '../services/qconnect/resources';
import { ownId, RESOURCE_LABELS } from '../model/services';
import type { GatewayContext } from '../request/context';

/** Resolves to the ref when served; NOT_FOUND otherwise. */
export async function served<T extends NodeRef>(context: GatewayContext, ref: T): Promise<T> {
  if (await context.catalog.serves(ref)) return ref;
  throw gatewayError(
    ErrorCode.NOT_FOUND,
    `No ${RESOURCE_LABELS[ref.kind]} "${ownId(ref)}" is served by this gateway.`,
    {
      resource: RESOURCE_LABELS[ref.kind],
    },
  );
}

/** The reference a global id names when it is one of ours; undefined for any other text. */
function globalRef<K extends NodeRef['kind']>(
  id: string,
  kind: K,
): Extract<NodeRef, { kind: K }> | undefined {
  let ref;
  try {
    ref = fromGlobalId(id);
  } catch {
    return undefined;
  }
  if (ref.kind !== kind) {
    throw badUserInput(
      `Expected the id of a ${RESOURCE_LABELS[kind]}, got the id of a ${ref.kind}.`,
    );
  }
  return ref as Extract<NodeRef, { kind: K }>;
}

/** A child's global id must name a child of this parent; anything else is not served here. */
function underParent<T extends NodeRef>(ref: T, parentMatches: boolean): T {
  if (parentMatches) return ref;
  const label = RESOURCE_LABELS[ref.kind];
  throw gatewayError(ErrorCode.NOT_FOUND, `No ${label} "${ownId(ref)}" under this parent.`, {
    resource: label,
  });
}

/** A Kendra index from a client's id or global id (BAD_USER_INPUT when malformed). */
export const kendraIndexRef = (id: string): KendraIndexRef =>
  globalRef(id, 'KendraIndex') ?? { kind: 'KendraIndex', indexId: kendraIndexId(id) };

/** A Kendra data source of an index, from a client's id or global id. */
export function kendraDataSourceRef(indexId: string, id: string): KendraDataSourceRef {
  const global = globalRef(id, 'KendraDataSource');
  if (global) return underParent(global, global.indexId === indexId);
  return { kind: 'KendraDataSource', indexId, dataSourceId: kendraDataSourceId(id) };
}

/** A Q Business application from a client's id or global id. */
export const qbusinessApplicationRef = (id: string): QBusinessApplicationRef =>
  globalRef(id, 'QBusinessApplication') ?? {
    kind: 'QBusinessApplication',
    applicationId: qbusinessId(id, 'application'),
  };

/** A Q Business index of an application, from a client's id or global id. */
export function qbusinessIndexRef(applicationId: string, id: string): QBusinessIndexRef {
  const global = globalRef(id, 'QBusinessIndex');
  if (global) return underParent(global, global.applicationId === applicationId);
  return { kind: 'QBusinessIndex', applicationId, indexId: qbusinessId(id, 'index') };
}

/** A Q Business data source of an index, from a client's id or global id. */
export function qbusinessDataSourceRef(
  parent: QBusinessIndexRef,
  id: string,
): QBusinessDataSourceRef {
  const global = globalRef(id, 'QBusinessDataSource');
  if (global) {
    const matches =
      global.applicationId === parent.applicationId && global.indexId === parent.indexId;
    return underParent(global, matches);
  }
  return {
    kind: 'QBusinessDataSource',
    applicationId: parent.applicationId,
    indexId: parent.indexId,
    dataSourceId: qbusinessId(id, 'data source'),
  };
}

/**
 * A knowledge base from a client's id, ARN (an ARN of another region is refused) or global id.
 */
export const knowledgeBaseRef = (idOrArn: string, region?: string): QConnectKnowledgeBaseRef =>
  globalRef(idOrArn, 'QConnectKnowledgeBase') ?? {
    kind: 'QConnectKnowledgeBase',
    knowledgeBaseId: knowledgeBaseId(idOrArn, region),
  };

/**
 * A knowledge base by id or ARN, when served. An ARN must be the served knowledge base's own: the
 * listing's ARN decides when it has one; otherwise the ARN goes upstream unchanged, and the
 * service refuses another account's as it would for any caller.
 */
export async function servedKnowledgeBase(
  context: GatewayContext,
  idOrArn: string,
): Promise<QConnectKnowledgeBaseRef> {
  const ref = await served(context, knowledgeBaseRef(idOrArn, context.options.region));
  if (!isKnowledgeBaseArn(idOrArn)) return ref;
  const listed = (await context.catalog.list()).sources.find(
    (s): s is QConnectKnowledgeBaseRef =>
      s.kind === 'QConnectKnowledgeBase' && s.knowledgeBaseId === ref.knowledgeBaseId,
  );
  const knownArn = listed?.details?.extra?.knowledgeBaseArn;
  const arn =
    knownArn ?? (await getKnowledgeBase(context.upstream, idOrArn)).extra?.knowledgeBaseArn;
  if (arn !== idOrArn) {
    throw gatewayError(
      ErrorCode.NOT_FOUND,
      `No Q Connect knowledge base "${idOrArn.slice(0, 160)}" is served by this gateway.`,
      {
        resource: RESOURCE_LABELS.QConnectKnowledgeBase,
      },
    );
  }
  return listed ?? ref;
}

/**
 * Entry points take the services' own ids; this turns them into references after checking their
 * form (BAD_USER_INPUT) and that the gateway serves them (NOT_FOUND, without an upstream call for
 * an id outside the served set).
 */
import { ErrorCode, gatewayError } from '../errors/ErrorCode';
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

/** A Kendra index from a client's id (BAD_USER_INPUT when malformed). */
export const kendraIndexRef = (id: string): KendraIndexRef => ({
  kind: 'KendraIndex',
  indexId: kendraIndexId(id),
});
/** A Kendra data source of an index, from a client's id. */
export const kendraDataSourceRef = (indexId: string, id: string): KendraDataSourceRef => ({
  kind: 'KendraDataSource',
  indexId,
  dataSourceId: kendraDataSourceId(id),
});
/** A Q Business application from a client's id. */
export const qbusinessApplicationRef = (id: string): QBusinessApplicationRef => ({
  kind: 'QBusinessApplication',
  applicationId: qbusinessId(id, 'application'),
});
/** A Q Business index of an application, from a client's id. */
export const qbusinessIndexRef = (applicationId: string, id: string): QBusinessIndexRef => ({
  kind: 'QBusinessIndex',
  applicationId,
  indexId: qbusinessId(id, 'index'),
});
/** A Q Business data source of an index, from a client's id. */
export const qbusinessDataSourceRef = (
  parent: QBusinessIndexRef,
  id: string,
): QBusinessDataSourceRef => ({
  kind: 'QBusinessDataSource',
  applicationId: parent.applicationId,
  indexId: parent.indexId,
  dataSourceId: qbusinessId(id, 'data source'),
});
/** A knowledge base from a client's id or ARN (an ARN of another region is refused). */
export const knowledgeBaseRef = (idOrArn: string, region?: string): QConnectKnowledgeBaseRef => ({
  kind: 'QConnectKnowledgeBase',
  knowledgeBaseId: knowledgeBaseId(idOrArn, region),
});

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

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
import { kendraDataSourceId, kendraIndexId, knowledgeBaseId, qbusinessId } from '../model/serviceIds';
import { ownId, RESOURCE_LABELS } from '../model/services';
import type { GatewayContext } from '../request/context';

/** Resolves to the ref when served; NOT_FOUND otherwise. */
export async function served<T extends NodeRef>(context: GatewayContext, ref: T): Promise<T> {
  if (await context.catalog.serves(ref)) return ref;
  throw gatewayError(ErrorCode.NOT_FOUND, `No ${RESOURCE_LABELS[ref.kind]} "${ownId(ref)}" is served by this gateway.`, {
    resource: RESOURCE_LABELS[ref.kind],
  });
}

/** A Kendra index from a client's id (BAD_USER_INPUT when malformed). */
export const kendraIndexRef = (id: string): KendraIndexRef => ({ kind: 'KendraIndex', indexId: kendraIndexId(id) });
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
export const qbusinessDataSourceRef = (parent: QBusinessIndexRef, id: string): QBusinessDataSourceRef => ({
  kind: 'QBusinessDataSource',
  applicationId: parent.applicationId,
  indexId: parent.indexId,
  dataSourceId: qbusinessId(id, 'data source'),
});
/** A knowledge base from a client's id or ARN. */
export const knowledgeBaseRef = (idOrArn: string): QConnectKnowledgeBaseRef => ({
  kind: 'QConnectKnowledgeBase',
  knowledgeBaseId: knowledgeBaseId(idOrArn),
});

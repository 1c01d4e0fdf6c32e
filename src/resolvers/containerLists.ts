/**
 * The lists to start browsing from: `Query.kendraIndexes`, `Query.qbusinessApplications`,
 * `Query.qconnectKnowledgeBases` and `QBusinessApplication.indices`. They page the catalog's
 * served set in memory (one listing per service, shared by all requests, no call per item), through
 * the same relay engine as every other connection. A service whose listing fails is reported as a
 * partial error and the list holds what the others served.
 */
import type { GraphQLResolveInfo } from 'graphql';
import type { Connection } from '../model/connections';
import type {
  ContainerRef,
  KendraIndexRef,
  QBusinessApplicationRef,
  QBusinessIndexRef,
  QConnectKnowledgeBaseRef,
} from '../model/sources';
import { checkPageSourceArgs, connectionFromPageSource } from '../relay/connection';
import { arrayPageSource } from '../relay/arrayPageSource';
import type { SortKey } from '../relay/pageSource';
import { canonicalKey } from '../request/canonicalKey';
import type { GatewayContext } from '../request/context';
import { reportPartialError } from '../request/partialErrors';
import type { ConnectionArgs } from '../relay/connectionArgs';

type Listed = ContainerRef | QConnectKnowledgeBaseRef;

/** Lists are in id order. */
const listedKey = (ref: Listed): SortKey => [0, ref.kind, idOf(ref)];

function idOf(ref: Listed): string {
  switch (ref.kind) {
    case 'KendraIndex':
      return ref.indexId;
    case 'QBusinessApplication':
      return ref.applicationId;
    case 'QBusinessIndex':
      return `${ref.applicationId}/${ref.indexId}`;
    case 'QConnectKnowledgeBase':
      return ref.knowledgeBaseId;
  }
}

/**
 * A list's connection: its arguments and cursors are checked (signature, connection) before the
 * catalog is asked anything, then `refs()` gives the served items.
 */
async function listConnection<T extends Listed>(
  context: GatewayContext,
  args: ConnectionArgs,
  key: unknown,
  refs: () => Promise<T[]>,
): Promise<Connection<T>> {
  const canonical = canonicalKey(key);
  checkPageSourceArgs(args, canonical, context.cursorSigner);
  return connectionFromPageSource(arrayPageSource(canonical, await refs(), listedKey), args, {
    now: context.options.now,
    signer: context.cursorSigner,
  });
}

async function containersOf<K extends ContainerRef['kind']>(
  context: GatewayContext,
  info: GraphQLResolveInfo,
  kind: K,
): Promise<Extract<ContainerRef, { kind: K }>[]> {
  const service = kind === 'KendraIndex' ? 'KENDRA' : 'QBUSINESS';
  const listing = await context.catalog.containers();
  for (const failure of listing.failures) {
    if (failure.service === service)
      reportPartialError(context, info, failure.error, { service, sourceId: null });
  }
  return listing.containers.filter(
    (ref): ref is Extract<ContainerRef, { kind: K }> => ref.kind === kind,
  );
}

/** Every served Kendra index. */
export function kendraIndexList(
  context: GatewayContext,
  info: GraphQLResolveInfo,
  args: ConnectionArgs,
): Promise<Connection<KendraIndexRef>> {
  return listConnection(context, args, { list: 'kendraIndexes' }, () =>
    containersOf(context, info, 'KendraIndex'),
  );
}

/** Every served Q Business application. */
export function qbusinessApplicationList(
  context: GatewayContext,
  info: GraphQLResolveInfo,
  args: ConnectionArgs,
): Promise<Connection<QBusinessApplicationRef>> {
  return listConnection(context, args, { list: 'qbusinessApplications' }, () =>
    containersOf(context, info, 'QBusinessApplication'),
  );
}

/** The served indices of one Q Business application. */
export function qbusinessIndexList(
  context: GatewayContext,
  info: GraphQLResolveInfo,
  application: QBusinessApplicationRef,
  args: ConnectionArgs,
): Promise<Connection<QBusinessIndexRef>> {
  const { applicationId } = application;
  return listConnection(context, args, { list: 'indices', applicationId }, async () =>
    (await containersOf(context, info, 'QBusinessIndex')).filter(
      (ref) => ref.applicationId === applicationId,
    ),
  );
}

/** Every served Q Connect knowledge base. */
export function knowledgeBaseList(
  context: GatewayContext,
  info: GraphQLResolveInfo,
  args: ConnectionArgs,
): Promise<Connection<QConnectKnowledgeBaseRef>> {
  return listConnection(context, args, { list: 'qconnectKnowledgeBases' }, async () => {
    const listing = await context.catalog.list();
    for (const failure of listing.failures) {
      if (failure.service === 'QCONNECT') {
        reportPartialError(context, info, failure.error, { service: 'QCONNECT', sourceId: null });
      }
    }
    return listing.sources.filter(
      (ref): ref is QConnectKnowledgeBaseRef => ref.kind === 'QConnectKnowledgeBase',
    );
  });
}

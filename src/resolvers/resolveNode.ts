/**
 * `Query.node` / `Query.nodes`: a global id back to its object, or null when the object does not
 * exist (or is not served). A data source or knowledge base that discovery listed is answered from
 * its listing; other resources are checked with one describe call each (deduped per request);
 * a sync job is found by asking its data source for jobs started at exactly its start time; an
 * import job by GetImportJob. Upstream failures other than "not found" are errors, not nulls.
 */
import type { GraphQLError } from 'graphql';
import { ErrorCode } from '../errors/ErrorCode';
import { fromGlobalId, type JobLocator } from '../model/globalId';
import type { JobModel, SyncJobModel } from '../model/jobs';
import { sourceKey, type NodeRef } from '../model/sources';
import { jobPageSource } from '../request/jobPageSource';
import { eachPage } from '../services/eachPage';
import type { GatewayContext } from '../request/context';

function isNotFound(error: unknown): boolean {
  return (error as GraphQLError)?.extensions?.code === ErrorCode.NOT_FOUND;
}

async function nullIfNotFound<T>(promise: Promise<T>): Promise<T | null> {
  try {
    return await promise;
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}

async function existingRef(context: GatewayContext, ref: NodeRef): Promise<NodeRef | null> {
  if (!(await context.catalog.serves(ref))) return null;
  const { loaders } = context;
  switch (ref.kind) {
    case 'KendraIndex':
      return (await nullIfNotFound(loaders.kendraIndex.load(ref.indexId))) && ref;
    case 'QBusinessApplication':
      return (await nullIfNotFound(loaders.qbusinessApplication.load(ref.applicationId))) && ref;
    case 'QBusinessIndex':
      return (await nullIfNotFound(loaders.qbusinessIndex.load(ref))) && ref;
    case 'KendraDataSource':
    case 'QBusinessDataSource':
    case 'QConnectKnowledgeBase': {
      // Discovery listed it with its details: it exists, and no describe call is needed.
      const listed = (await context.catalog.list()).sources.find(
        (source) =>
          source.kind === ref.kind &&
          source.details !== undefined &&
          sourceKey(source) === sourceKey(ref),
      );
      if (listed !== undefined) return listed;
      return (await nullIfNotFound(loaders.loadSourceDetails(ref))) && ref;
    }
  }
}

async function findSyncJob(
  context: GatewayContext,
  locator: Extract<JobLocator, { kind: 'SyncJob' }>,
) {
  if (!(await context.catalog.serves(locator.source))) return null;
  const at = locator.startedAtMs !== undefined ? new Date(locator.startedAtMs) : undefined;
  const source = jobPageSource<SyncJobModel>(context.loaders, locator.source, {
    startedAfter: at,
    startedBefore: at,
  });
  try {
    for await (const page of eachPage(
      (request) => source.fetchPage(request.token, request.size),
      source.maxPageSize,
    )) {
      const job = page.items.find((item) => item.executionId === locator.executionId);
      if (job) return job;
    }
    return null;
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}

/** The object behind a global id, or null. A malformed id is BAD_USER_INPUT. */
export async function resolveNode(
  context: GatewayContext,
  id: string,
): Promise<NodeRef | JobModel | null> {
  const locator = fromGlobalId(id);
  switch (locator.kind) {
    case 'SyncJob':
      return findSyncJob(context, locator);
    case 'ImportJob':
      if (
        !(await context.catalog.serves({
          kind: 'QConnectKnowledgeBase',
          knowledgeBaseId: locator.knowledgeBaseId,
        }))
      ) {
        return null;
      }
      return nullIfNotFound(context.loaders.importJob.load(locator));
    default:
      return existingRef(context, locator);
  }
}

/**
 * Amazon Q in Connect's four operations over restJson1: ListKnowledgeBases, GetKnowledgeBase,
 * ListImportJobs, GetImportJob. A path `knowledgeBaseId` may be the id or the derived ARN
 * `arn:aws:wisdom:us-east-1:123456789012:knowledge-base/<id>`.
 *
 * Danger: the ARN arrives percent-encoded as one path segment (`%3A`, `%2F`); the router decodes
 * segments only after splitting. An unknown knowledge base is ResourceNotFoundException in
 * ListImportJobs too, although the model lists only AccessDenied and Validation there (the
 * client's shared error table still throws the typed class).
 */
import type { HandlerDeps } from '../store/handlerDeps';
import { optionalString, pageSize, requiredString } from '../protocols/inputChecks';
import * as shapes from '../fixture/modelShapes';
import { jobSortKey, listPage, type PageQuery } from '../tokens/page';
import {
  matchRoute,
  restJsonError,
  restJsonReply,
  splitPath,
  type RestRoute,
} from '../protocols/restJson';
import { ServiceError } from '../protocols/serviceError';
import type { KnowledgeBase } from '../store/records';
import { isChangedItem } from '../faults/unknownValues';
import type { CallOptions, EmulatorRequest, OperationCall } from '../protocols/wire';
import * as render from './render';

const BASE = ['knowledgeBases', ':knowledgeBaseId'];
const ROUTES: readonly RestRoute[] = [
  { method: 'GET', operation: 'ListKnowledgeBases', pattern: ['knowledgeBases'] },
  { method: 'GET', operation: 'GetKnowledgeBase', pattern: BASE },
  { method: 'GET', operation: 'ListImportJobs', pattern: [...BASE, 'importJobs'] },
  { method: 'GET', operation: 'GetImportJob', pattern: [...BASE, 'importJobs', ':importJobId'] },
];

interface Input {
  labels: Record<string, string>;
  query: URLSearchParams;
}
type Operation = (input: Input, deps: HandlerDeps, options: CallOptions) => object;

const OPERATIONS: Record<string, Operation> = {
  ListKnowledgeBases({ query }, { store, page }, { unknownValues }) {
    const pageQuery = readPageQuery(
      query,
      'qconnect|ListKnowledgeBases',
      shapes.PAGE_SIZE_RANGES.qconnect.ListKnowledgeBases,
    );
    const bases = store.knowledgeBases();
    const result = listPage(
      page,
      bases,
      (base) => ({ rank: bases.indexOf(base), id: base.id }),
      pageQuery,
    );
    return {
      knowledgeBaseSummaries: result.items.map((base, i) =>
        render.knowledgeBaseSummary(base, isChangedItem(unknownValues, i)),
      ),
      nextToken: result.nextToken,
    };
  },

  GetKnowledgeBase({ labels }, deps, { unknownValues }) {
    return {
      knowledgeBase: render.knowledgeBaseData(findKnowledgeBase(deps, labels), unknownValues),
    };
  },

  ListImportJobs({ labels, query }, deps, { unknownValues }) {
    requiredString(labels.knowledgeBaseId, 'knowledgeBaseId', shapes.QCONNECT_UUID_OR_ARN);
    const unbound = readPageQuery(query, '', shapes.PAGE_SIZE_RANGES.qconnect.ListImportJobs);
    const base = findKnowledgeBase(deps, labels);
    // bound to the resolved id, so a token serves the id and the ARN form of the same request alike
    const pageQuery = { ...unbound, binding: `qconnect|ListImportJobs|${base.id}` };
    const result = listPage(
      deps.page,
      deps.store.importJobs(base),
      (job) => jobSortKey(job.createdMs, job.importJobId),
      pageQuery,
    );
    return {
      importJobSummaries: result.items.map((job, i) =>
        render.importJobSummary(base, job, isChangedItem(unknownValues, i)),
      ),
      nextToken: result.nextToken,
    };
  },

  GetImportJob({ labels }, deps, { unknownValues }) {
    const importJobId = requiredString(labels.importJobId, 'importJobId', shapes.QCONNECT_UUID);
    const base = findKnowledgeBase(deps, labels);
    const job = base.importJobs.find((candidate) => candidate.importJobId === importJobId);
    if (!job) {
      throw new ServiceError(
        'ResourceNotFoundException',
        `Import job ${importJobId} not found in knowledge base ${base.id}.`,
        { resourceId: importJobId },
      );
    }
    return { importJob: render.importJobData(base, job, unknownValues, deps.store.now()) };
  },
};

function findKnowledgeBase({ store }: HandlerDeps, labels: Record<string, string>): KnowledgeBase {
  const id = requiredString(labels.knowledgeBaseId, 'knowledgeBaseId', shapes.QCONNECT_UUID_OR_ARN);
  const base = store.knowledgeBase(id);
  if (!base)
    throw new ServiceError('ResourceNotFoundException', `Knowledge base ${id} not found.`, {
      resourceId: id,
    });
  return base;
}

function readPageQuery(query: URLSearchParams, binding: string, max: number): PageQuery {
  return {
    binding,
    maxResults: pageSize(query.get('maxResults') ?? undefined, 'maxResults', max),
    nextToken: optionalString(
      query.get('nextToken') ?? undefined,
      'nextToken',
      shapes.QCONNECT_NON_EMPTY_STRING,
    ),
    tokenField: 'nextToken',
  };
}

/** Routes a request whose path starts with `/knowledgeBases`. */
export function routeQConnect(request: EmulatorRequest, deps: HandlerDeps): OperationCall {
  const segments = splitPath(request.path);
  const match = segments ? matchRoute(ROUTES, request.method, segments) : undefined;
  const labels = match?.labels ?? {};
  const base =
    labels.knowledgeBaseId === undefined
      ? undefined
      : deps.store.knowledgeBase(labels.knowledgeBaseId);
  return {
    service: 'qconnect',
    operation: match?.operation ?? 'Unknown',
    resourceIds: [labels.knowledgeBaseId, base?.id, labels.importJobId].filter(
      (id): id is string => id !== undefined,
    ),
    execute(options) {
      if (match === undefined || match.status !== undefined) {
        throw new ServiceError(
          'UnknownOperationException',
          `No Amazon Q in Connect operation matches ${request.method} ${request.path}.`,
          {
            status: match?.status ?? 404,
          },
        );
      }
      return restJsonReply(
        OPERATIONS[match.operation]({ labels, query: request.query }, deps, options),
      );
    },
    encodeError: (error) => restJsonError('qconnect', error),
  };
}

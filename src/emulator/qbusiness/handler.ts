/**
 * Amazon Q Business's nine operations over restJson1 (served over HTTP/1.1 and h2c alike):
 * ListApplications, GetApplication, ListIndices, GetIndex, ListDataSources, GetDataSource,
 * ListDataSourceSyncJobs, StartDataSourceSyncJob, StopDataSourceSyncJob.
 *
 * Danger: the status filter travels as the query parameter `syncStatus`, not under its member
 * name `statusFilter`; the time window as RFC 3339 `startTime` / `endTime`.
 */
import type { HandlerDeps } from '../store/handlerDeps';
import { optionalEnum, optionalString, pageSize, requiredString } from '../protocols/inputChecks';
import * as shapes from '../fixture/modelShapes';
import { jobSortKey, listPage, type PageQuery } from '../tokens/page';
import {
  restJsonError,
  restJsonReply,
  matchRoute,
  splitPath,
  type RestRoute,
} from '../protocols/restJson';
import { ServiceError, constraintMessage, invalidInput } from '../protocols/serviceError';
import type { DataSource, QBusinessApplication, QBusinessIndex } from '../store/records';
import { isChangedItem } from '../faults/unknownValues';
import type { CallOptions, EmulatorRequest, OperationCall } from '../protocols/wire';
import * as render from './render';

const APP = ['applications', ':applicationId'];
const INDEX = [...APP, 'indices', ':indexId'];
const SOURCE = [...INDEX, 'datasources', ':dataSourceId'];

const ROUTES: readonly RestRoute[] = [
  { method: 'GET', operation: 'ListApplications', pattern: ['applications'] },
  { method: 'GET', operation: 'GetApplication', pattern: APP },
  { method: 'GET', operation: 'ListIndices', pattern: [...APP, 'indices'] },
  { method: 'GET', operation: 'GetIndex', pattern: INDEX },
  { method: 'GET', operation: 'ListDataSources', pattern: [...INDEX, 'datasources'] },
  { method: 'GET', operation: 'GetDataSource', pattern: SOURCE },
  { method: 'GET', operation: 'ListDataSourceSyncJobs', pattern: [...SOURCE, 'syncjobs'] },
  { method: 'POST', operation: 'StartDataSourceSyncJob', pattern: [...SOURCE, 'startsync'] },
  { method: 'POST', operation: 'StopDataSourceSyncJob', pattern: [...SOURCE, 'stopsync'] },
];

interface Input {
  labels: Record<string, string>;
  query: URLSearchParams;
}
type Operation = (input: Input, deps: HandlerDeps, options: CallOptions) => object;

const OPERATIONS: Record<string, Operation> = {
  ListApplications({ query }, { store, page }, { unknownValues }) {
    const pageQuery = readPageQuery(
      query,
      'qbusiness|ListApplications',
      shapes.PAGE_SIZE_RANGES.qbusiness.ListApplications,
    );
    const apps = store.qbusinessApplications();
    const result = listPage(
      page,
      apps,
      (app) => ({ rank: apps.indexOf(app), id: app.id }),
      pageQuery,
    );
    return {
      applications: result.items.map((app, i) =>
        render.application(app, isChangedItem(unknownValues, i)),
      ),
      nextToken: result.nextToken,
    };
  },

  GetApplication({ labels }, deps, { unknownValues }) {
    return render.getApplication(findApplication(deps, appId(labels)), unknownValues);
  },

  ListIndices({ labels, query }, deps, { unknownValues }) {
    const applicationId = appId(labels);
    const pageQuery = readPageQuery(
      query,
      `qbusiness|ListIndices|${applicationId}`,
      shapes.PAGE_SIZE_RANGES.qbusiness.ListIndices,
    );
    const { indices } = findApplication(deps, applicationId);
    const result = listPage(
      deps.page,
      indices,
      (entry) => ({ rank: indices.indexOf(entry), id: entry.id }),
      pageQuery,
    );
    return {
      indices: result.items.map((entry, i) => render.index(entry, isChangedItem(unknownValues, i))),
      nextToken: result.nextToken,
    };
  },

  GetIndex({ labels }, deps, { unknownValues }) {
    const applicationId = appId(labels);
    return render.getIndex(
      applicationId,
      findIndex(deps, applicationId, indexId(labels)),
      unknownValues,
    );
  },

  ListDataSources({ labels, query }, deps, { unknownValues }) {
    const [applicationId, idx] = [appId(labels), indexId(labels)];
    const pageQuery = readPageQuery(
      query,
      `qbusiness|ListDataSources|${applicationId}|${idx}`,
      shapes.PAGE_SIZE_RANGES.qbusiness.ListDataSources,
    );
    const { dataSources } = findIndex(deps, applicationId, idx);
    const result = listPage(
      deps.page,
      dataSources,
      (source) => ({ rank: dataSources.indexOf(source), id: source.id }),
      pageQuery,
    );
    return {
      dataSources: result.items.map((source, i) =>
        render.dataSource(source, isChangedItem(unknownValues, i)),
      ),
      nextToken: result.nextToken,
    };
  },

  GetDataSource({ labels }, deps, { unknownValues }) {
    const ids = sourceIds(labels);
    return render.getDataSource(
      ids.applicationId,
      ids.indexId,
      findDataSource(deps, ids),
      unknownValues,
    );
  },

  ListDataSourceSyncJobs({ labels, query }, deps, { unknownValues }) {
    const ids = sourceIds(labels);
    const status = optionalEnum(
      query.get('syncStatus') ?? undefined,
      'statusFilter',
      shapes.QBUSINESS_SYNC_JOB_STATUS,
    );
    const startMs = queryTimestamp(query, 'startTime');
    const endMs = queryTimestamp(query, 'endTime');
    const binding = [
      'qbusiness|ListDataSourceSyncJobs',
      ids.applicationId,
      ids.indexId,
      ids.dataSourceId,
      status ?? '',
      startMs ?? '',
      endMs ?? '',
    ];
    const pageQuery = readPageQuery(
      query,
      binding.join('|'),
      shapes.PAGE_SIZE_RANGES.qbusiness.ListDataSourceSyncJobs,
    );
    const jobs = deps.store.syncJobs(findDataSource(deps, ids), { status, startMs, endMs });
    const result = listPage(
      deps.page,
      jobs,
      (job) => jobSortKey(job.startMs, job.executionId),
      pageQuery,
    );
    return {
      history: result.items.map((job, i) => render.syncJob(job, isChangedItem(unknownValues, i))),
      nextToken: result.nextToken,
    };
  },

  StartDataSourceSyncJob({ labels }, deps) {
    const source = findDataSource(deps, sourceIds(labels));
    const outcome = deps.store.startSyncJob(source);
    if ('running' in outcome) {
      throw new ServiceError(
        'ConflictException',
        `A synchronization job is already in progress for data source ${source.id} (execution ` +
          `${outcome.running.executionId}).`,
        {
          resourceId: source.id,
          resourceType: 'DataSource',
        },
      );
    }
    return { executionId: outcome.started.executionId };
  },

  /**
   * Nothing running: the model's ConflictException ("conflicts with the current status of your
   * resource").
   */
  StopDataSourceSyncJob({ labels }, deps) {
    const source = findDataSource(deps, sourceIds(labels));
    if (deps.store.stopSyncJob(source) === 'idle') {
      throw new ServiceError(
        'ConflictException',
        `No synchronization job is in progress for data source ${source.id}; there is nothing to ` +
          `stop.`,
        {
          resourceId: source.id,
          resourceType: 'DataSource',
        },
      );
    }
    return {};
  },
};

const appId = (labels: Record<string, string>): string =>
  requiredString(labels.applicationId, 'applicationId', shapes.QBUSINESS_APPLICATION_ID);
const indexId = (labels: Record<string, string>): string =>
  requiredString(labels.indexId, 'indexId', shapes.QBUSINESS_INDEX_ID);

interface SourceIds {
  applicationId: string;
  indexId: string;
  dataSourceId: string;
}

function sourceIds(labels: Record<string, string>): SourceIds {
  return {
    applicationId: appId(labels),
    indexId: indexId(labels),
    dataSourceId: requiredString(
      labels.dataSourceId,
      'dataSourceId',
      shapes.QBUSINESS_DATA_SOURCE_ID,
    ),
  };
}

function notFound(type: string, id: string): ServiceError {
  return new ServiceError('ResourceNotFoundException', `The ${type} ${id} does not exist.`, {
    resourceId: id,
    resourceType: type,
  });
}

function findApplication({ store }: HandlerDeps, applicationId: string): QBusinessApplication {
  const app = store.qbusinessApplication(applicationId);
  if (!app) throw notFound('Application', applicationId);
  return app;
}

function findIndex(deps: HandlerDeps, applicationId: string, id: string): QBusinessIndex {
  const entry = findApplication(deps, applicationId).indices.find(
    (candidate) => candidate.id === id,
  );
  if (!entry) throw notFound('Index', id);
  return entry;
}

function findDataSource(deps: HandlerDeps, ids: SourceIds): DataSource {
  const source = findIndex(deps, ids.applicationId, ids.indexId).dataSources.find(
    (candidate) => candidate.id === ids.dataSourceId,
  );
  if (!source) throw notFound('DataSource', ids.dataSourceId);
  return source;
}

function readPageQuery(query: URLSearchParams, binding: string, max: number): PageQuery {
  return {
    binding,
    maxResults: pageSize(query.get('maxResults') ?? undefined, 'maxResults', max),
    nextToken: optionalString(query.get('nextToken') ?? undefined, 'nextToken', shapes.NEXT_TOKEN),
    tokenField: 'nextToken',
  };
}

const RFC_3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;

/** An `@httpQuery` timestamp: RFC 3339 date-time, as epoch ms. */
function queryTimestamp(query: URLSearchParams, name: string): number | undefined {
  const value = query.get(name);
  if (value === null) return undefined;
  const ms = RFC_3339.test(value) ? Date.parse(value) : NaN;
  if (Number.isNaN(ms))
    throw invalidInput(
      name,
      constraintMessage(name, value, 'must be an RFC 3339 date-time, e.g. 2024-05-01T12:00:00Z'),
    );
  return ms;
}

/** Routes a request whose path starts with `/applications`. */
export function routeQBusiness(request: EmulatorRequest, deps: HandlerDeps): OperationCall {
  const segments = splitPath(request.path);
  const match = segments ? matchRoute(ROUTES, request.method, segments) : undefined;
  const labels = match?.labels ?? {};
  return {
    service: 'qbusiness',
    operation: match?.operation ?? 'Unknown',
    resourceIds: [labels.applicationId, labels.indexId, labels.dataSourceId].filter(
      (id): id is string => id !== undefined,
    ),
    execute(options) {
      if (match === undefined || match.status !== undefined) {
        throw new ServiceError(
          'UnknownOperationException',
          `No Amazon Q Business operation matches ${request.method} ${request.path}.`,
          {
            status: match?.status ?? 404,
          },
        );
      }
      return restJsonReply(
        OPERATIONS[match.operation]({ labels, query: request.query }, deps, options),
      );
    },
    encodeError: (error) => restJsonError('qbusiness', error),
  };
}

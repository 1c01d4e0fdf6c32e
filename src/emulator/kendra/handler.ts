/**
 * Kendra's seven operations over awsJson1_1: ListIndices, DescribeIndex, ListDataSources,
 * DescribeDataSource, ListDataSourceSyncJobs, StartDataSourceSyncJob, StopDataSourceSyncJob.
 *
 * Danger: `Id` is the data source id in every operation here except DescribeIndex, where it is
 * the index id; the two have different shapes (36-char IndexId vs 1..100-char DataSourceId).
 */
import type { HandlerDeps } from '../store/handlerDeps';
import { optionalEnum, optionalString, pageSize, requiredString } from '../protocols/inputChecks';
import * as shapes from '../fixture/modelShapes';
import { jobSortKey, listPage, type PageQuery } from '../tokens/page';
import { ServiceError, invalidInput } from '../protocols/serviceError';
import type { DataSource, KendraIndex } from '../store/records';
import { isChangedItem } from '../faults/unknownValues';
import type { CallOptions, EmulatorRequest, OperationCall } from '../protocols/wire';
import {
  KENDRA_TARGET_PREFIX,
  kendraError,
  kendraReply,
  parseKendraBody,
} from '../protocols/awsJson';
import * as render from './render';

type Input = Record<string, unknown>;
type Operation = (input: Input, deps: HandlerDeps, options: CallOptions) => object;

const OPERATIONS: Record<(typeof shapes.OPERATIONS.kendra)[number], Operation> = {
  ListIndices(input, { store, page }, { unknownValues }) {
    const query = pageQuery(
      input,
      'kendra|ListIndices',
      shapes.PAGE_SIZE_RANGES.kendra.ListIndices,
    );
    const indices = store.kendraIndices();
    const result = listPage(
      page,
      indices,
      (index) => ({ rank: indices.indexOf(index), id: index.id }),
      query,
    );
    return {
      IndexConfigurationSummaryItems: result.items.map((index, i) =>
        render.indexSummary(index, isChangedItem(unknownValues, i)),
      ),
      NextToken: result.nextToken,
    };
  },

  DescribeIndex(input, deps, { unknownValues }) {
    const index = findIndex(deps, requiredString(input.Id, 'Id', shapes.KENDRA_INDEX_ID));
    return render.describeIndex(index, unknownValues);
  },

  ListDataSources(input, deps, { unknownValues }) {
    const indexId = requiredString(input.IndexId, 'IndexId', shapes.KENDRA_INDEX_ID);
    const query = pageQuery(
      input,
      `kendra|ListDataSources|${indexId}`,
      shapes.PAGE_SIZE_RANGES.kendra.ListDataSources,
    );
    const index = findIndex(deps, indexId);
    const result = listPage(
      deps.page,
      index.dataSources,
      (source) => ({ rank: index.dataSources.indexOf(source), id: source.id }),
      query,
    );
    return {
      SummaryItems: result.items.map((source, i) =>
        render.dataSourceSummary(source, isChangedItem(unknownValues, i)),
      ),
      NextToken: result.nextToken,
    };
  },

  DescribeDataSource(input, deps, { unknownValues }) {
    const { index, source } = findDataSource(deps, dataSourceIds(input));
    return render.describeDataSource(index.id, source, unknownValues);
  },

  ListDataSourceSyncJobs(input, deps, { unknownValues }) {
    const ids = dataSourceIds(input);
    const status = optionalEnum(input.StatusFilter, 'StatusFilter', shapes.KENDRA_SYNC_JOB_STATUS);
    const window = timeRange(input.StartTimeFilter);
    const binding = [
      'kendra|ListDataSourceSyncJobs',
      ids.indexId,
      ids.dataSourceId,
      status ?? '',
      window.startMs ?? '',
      window.endMs ?? '',
    ];
    const query = pageQuery(
      input,
      binding.join('|'),
      shapes.PAGE_SIZE_RANGES.kendra.ListDataSourceSyncJobs,
    );
    const { source } = findDataSource(deps, ids);
    const jobs = deps.store.syncJobs(source, { status, ...window });
    const result = listPage(
      deps.page,
      jobs,
      (job) => jobSortKey(job.startMs, job.executionId),
      query,
    );
    return {
      History: result.items.map((job, i) => render.syncJob(job, isChangedItem(unknownValues, i))),
      NextToken: result.nextToken,
    };
  },

  StartDataSourceSyncJob(input, deps) {
    const { source } = findDataSource(deps, dataSourceIds(input));
    const outcome = deps.store.startSyncJob(source);
    if ('running' in outcome) {
      throw new ServiceError(
        'ResourceInUseException',
        `A synchronization job is already in progress for data source ${source.id} (execution ` +
          `${outcome.running.executionId}).`,
      );
    }
    return { ExecutionId: outcome.started.executionId };
  },

  /**
   * Stopping a data source with no running job: the model declares no conflict error for this
   * operation, so the closest documented one is ValidationException ("the input fails to satisfy
   * the constraints"). A job already STOPPING is stopped again without error (idempotent).
   */
  StopDataSourceSyncJob(input, deps) {
    const { source } = findDataSource(deps, dataSourceIds(input));
    if (deps.store.stopSyncJob(source) === 'idle') {
      throw new ServiceError(
        'ValidationException',
        `No synchronization job is running for data source ${source.id}; there is nothing to stop.`,
      );
    }
    return {};
  },
};

function findIndex({ store }: HandlerDeps, indexId: string): KendraIndex {
  const index = store.kendraIndex(indexId);
  if (!index)
    throw new ServiceError('ResourceNotFoundException', `Index ${indexId} does not exist.`);
  return index;
}

function dataSourceIds(input: Input): { indexId: string; dataSourceId: string } {
  return {
    dataSourceId: requiredString(input.Id, 'Id', shapes.KENDRA_DATA_SOURCE_ID),
    indexId: requiredString(input.IndexId, 'IndexId', shapes.KENDRA_INDEX_ID),
  };
}

function findDataSource(
  deps: HandlerDeps,
  ids: { indexId: string; dataSourceId: string },
): { index: KendraIndex; source: DataSource } {
  const index = findIndex(deps, ids.indexId);
  const source = index.dataSources.find((candidate) => candidate.id === ids.dataSourceId);
  if (!source)
    throw new ServiceError(
      'ResourceNotFoundException',
      `Data source ${ids.dataSourceId} does not exist in index ${index.id}.`,
    );
  return { index, source };
}

/** The page size and token of a List request; `binding` names what the token may continue. */
function pageQuery(input: Input, binding: string, max: number): PageQuery {
  return {
    binding,
    maxResults: pageSize(input.MaxResults, 'MaxResults', max),
    nextToken: optionalString(input.NextToken, 'NextToken', shapes.NEXT_TOKEN),
    tokenField: 'NextToken',
  };
}

/** `StartTimeFilter` (`TimeRange`): epoch-seconds numbers, both optional, as epoch ms. */
function timeRange(value: unknown): { startMs?: number; endMs?: number } {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value))
    throw invalidInput('StartTimeFilter', 'StartTimeFilter must be a TimeRange object');
  const range = value as Input;
  const read = (key: 'StartTime' | 'EndTime'): number | undefined => {
    const seconds = range[key];
    if (seconds === undefined || seconds === null) return undefined;
    if (typeof seconds !== 'number' || !Number.isFinite(seconds)) {
      throw invalidInput(
        `StartTimeFilter.${key}`,
        `StartTimeFilter.${key} must be a timestamp in epoch seconds, got ` +
          `${JSON.stringify(seconds)}`,
      );
    }
    return Math.round(seconds * 1000);
  };
  return { startMs: read('StartTime'), endMs: read('EndTime') };
}

/** Routes a Kendra request (already known to be `POST /` with an `X-Amz-Target`). */
export function routeKendra(request: EmulatorRequest, deps: HandlerDeps): OperationCall {
  const target = String(request.headers['x-amz-target'] ?? '');
  const name = target.startsWith(KENDRA_TARGET_PREFIX)
    ? target.slice(KENDRA_TARGET_PREFIX.length)
    : '';
  const operation = Object.hasOwn(OPERATIONS, name)
    ? OPERATIONS[name as keyof typeof OPERATIONS]
    : undefined;
  let input: Input | undefined;
  let parseError: unknown;
  try {
    input = parseKendraBody(request.body);
  } catch (error) {
    parseError = error;
  }
  return {
    service: 'kendra',
    operation: operation ? name : /^[A-Za-z][A-Za-z0-9]{0,63}$/.test(name) ? name : 'Unknown',
    resourceIds: [input?.IndexId, input?.Id].filter((id): id is string => typeof id === 'string'),
    execute(options) {
      if (!operation) {
        throw new ServiceError(
          'UnknownOperationException',
          `Unknown operation: X-Amz-Target ${JSON.stringify(target)} is not an operation this ` +
            `emulator implements (${Object.keys(OPERATIONS).join(', ')}).`,
        );
      }
      if (!input) throw parseError;
      return kendraReply(operation(input, deps, options));
    },
    encodeError: kendraError,
  };
}

/**
 * Operator mutations: start or stop the sync of a Kendra or Q Business data source, named by its
 * `JobSource.id`. After the service accepted, the job is read back from the head of the data
 * source's history (one small page), so the client gets the job as the service now reports it.
 */
import { badUserInput, ErrorCode, gatewayError } from '../errors/ErrorCode';
import { jobPageSource } from '../request/jobPageSource';
import { fromGlobalId } from '../model/globalId';
import type { SyncJobModel } from '../model/jobs';
import type { SyncSourceRef } from '../model/sources';
import type { MutationResolvers } from '../schema/generated';
import { startKendraSync, stopKendraSync } from '../services/kendra/syncControl';
import { startQBusinessSync, stopQBusinessSync } from '../services/qbusiness/syncControl';
import type { GatewayContext } from '../request/context';
import { served } from './sourceRefs';

const ACTIVE = new Set(['SYNCING', 'SYNCING_INDEXING', 'STOPPING']);

async function syncSource(context: GatewayContext, id: string): Promise<SyncSourceRef> {
  const ref = fromGlobalId(id);
  if (ref.kind !== 'KendraDataSource' && ref.kind !== 'QBusinessDataSource') {
    throw badUserInput(
      `Syncs run on Kendra and Q Business data sources; "${id}" is a ${ref.kind}.`,
    );
  }
  return served(context, ref);
}

/** The newest jobs of a data source, fresh from the service (a new loader key: no stale page). */
async function headOfHistory(context: GatewayContext, ref: SyncSourceRef): Promise<SyncJobModel[]> {
  const source = jobPageSource<SyncJobModel>(context.loaders, ref, {});
  return (await source.fetchPage(undefined, 5)).items;
}

export const Mutation: MutationResolvers = {
  startSync: async (_, { dataSourceId }, context) => {
    const ref = await syncSource(context, dataSourceId);
    const executionId =
      ref.kind === 'KendraDataSource'
        ? await startKendraSync(context.upstream, ref)
        : await startQBusinessSync(context.upstream, ref);
    context.loaders.clearSyncJobs(ref);
    const job = (await headOfHistory(context, ref)).find((j) => j.executionId === executionId);
    // The service accepted the start; if its history does not show the job yet, say what we know.
    return (
      job ?? {
        kind: 'SyncJob',
        source: ref,
        executionId,
        statusRaw: 'SYNCING',
        startedAt: new Date(context.options.now()),
      }
    );
  },
  stopSync: async (_, { dataSourceId }, context) => {
    const ref = await syncSource(context, dataSourceId);
    const running = (await headOfHistory(context, ref)).find((j) => ACTIVE.has(j.statusRaw));
    if (!running) {
      throw gatewayError(
        ErrorCode.CONFLICT,
        `No sync job is running on data source ${ref.dataSourceId}; nothing to stop.`,
      );
    }
    if (ref.kind === 'KendraDataSource') await stopKendraSync(context.upstream, ref);
    else await stopQBusinessSync(context.upstream, ref);
    context.loaders.clearSyncJobs(ref);
    const stopped = (await headOfHistory(context, ref)).find(
      (j) => j.executionId === running.executionId,
    );
    return stopped ?? { ...running, statusRaw: 'STOPPING' };
  },
};

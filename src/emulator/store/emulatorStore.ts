/**
 * The emulator's data: the resources and job histories of the three services, the queries the
 * handlers run on them (lookups, filtered and ordered histories) and the live jobs the API starts.
 *
 * Danger: one store is shared by every connection. Replacing the state must be all-or-nothing
 * (validate first, then swap one reference) so that a refused fixture leaves the old data intact.
 */
import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock';
import type { Fixture } from '../fixture/fixture';
import { jobSortKey, sortByKey } from '../tokens/page';
import type { SortKey } from '../tokens/pageTokens';
import { stateFromFixture } from './fromFixture';
import { isRunning, resolveSyncJob, startLiveJob, stopLiveJob } from './liveJob';
import type {
  DataSource,
  EmulatorState,
  ImportJob,
  KendraIndex,
  KnowledgeBase,
  QBusinessApplication,
  QBusinessIndex,
  SyncJob,
} from './records';

/**
 * Filters of both ListDataSourceSyncJobs; the window is inclusive at both ends, on the start time.
 */
export interface SyncJobFilter {
  status?: string;
  startMs?: number;
  endMs?: number;
}

/** The one store of an emulator: its state, queries over it, and API-started jobs. */
export class EmulatorStore {
  private state: EmulatorState = {
    kendraIndices: [],
    qbusinessApplications: [],
    knowledgeBases: [],
  };
  private starts = 0;

  /** `jobDurationMs`: how long a live job runs, on `clock`. */
  constructor(
    private readonly jobDurationMs: number,
    private readonly clock: Clock,
  ) {}

  /** The emulator's time, epoch milliseconds (live jobs, load times, URL expiries). */
  now(): number {
    return this.clock.now();
  }

  /**
   * Replaces every resource and job with those of a fixture already accepted by `validateFixture`.
   */
  load(fixture: Fixture): void {
    this.state = stateFromFixture(fixture, this.now());
  }

  /** Resource and job counts, for the control API's answers and the CLI banner. */
  summary(): Record<string, number> {
    const { kendraIndices, qbusinessApplications, knowledgeBases } = this.state;
    const kendraSources = kendraIndices.flatMap((index) => index.dataSources);
    const qbusinessSources = qbusinessApplications.flatMap((app) =>
      app.indices.flatMap((index) => index.dataSources),
    );
    return {
      kendraIndices: kendraIndices.length,
      kendraDataSources: kendraSources.length,
      kendraSyncJobs: kendraSources.reduce((n, source) => n + source.jobs.length, 0),
      qbusinessApplications: qbusinessApplications.length,
      qbusinessDataSources: qbusinessSources.length,
      qbusinessSyncJobs: qbusinessSources.reduce((n, source) => n + source.jobs.length, 0),
      qconnectKnowledgeBases: knowledgeBases.length,
      qconnectImportJobs: knowledgeBases.reduce((n, base) => n + base.importJobs.length, 0),
    };
  }

  kendraIndices(): readonly KendraIndex[] {
    return this.state.kendraIndices;
  }

  kendraIndex(indexId: string): KendraIndex | undefined {
    return this.state.kendraIndices.find((index) => index.id === indexId);
  }

  kendraDataSource(indexId: string, dataSourceId: string): DataSource | undefined {
    return this.kendraIndex(indexId)?.dataSources.find((source) => source.id === dataSourceId);
  }

  qbusinessApplications(): readonly QBusinessApplication[] {
    return this.state.qbusinessApplications;
  }

  qbusinessApplication(applicationId: string): QBusinessApplication | undefined {
    return this.state.qbusinessApplications.find((app) => app.id === applicationId);
  }

  qbusinessIndex(applicationId: string, indexId: string): QBusinessIndex | undefined {
    return this.qbusinessApplication(applicationId)?.indices.find((index) => index.id === indexId);
  }

  qbusinessDataSource(
    applicationId: string,
    indexId: string,
    dataSourceId: string,
  ): DataSource | undefined {
    return this.qbusinessIndex(applicationId, indexId)?.dataSources.find(
      (source) => source.id === dataSourceId,
    );
  }

  knowledgeBases(): readonly KnowledgeBase[] {
    return this.state.knowledgeBases;
  }

  /** A knowledge base by its id or by the ARN the emulator derives for it. */
  knowledgeBase(idOrArn: string): KnowledgeBase | undefined {
    return this.state.knowledgeBases.find((base) => base.id === idOrArn || base.arn === idOrArn);
  }

  /** A source's history as it is now (live jobs resolved), filtered, newest first, ties by id. */
  syncJobs(source: DataSource, filter: SyncJobFilter): SyncJob[] {
    const now = this.now();
    // Sorted once per history (jobs are only appended, and a job's start time never changes).
    const jobs = sortedOnce(source.jobs, (job) => jobSortKey(job.startMs, job.executionId))
      .map((job) => resolveSyncJob(job, now))
      .filter((job) => filter.status === undefined || job.status === filter.status)
      .filter(
        (job) =>
          filter.startMs === undefined ||
          (job.startMs !== undefined && job.startMs >= filter.startMs),
      )
      .filter(
        (job) =>
          filter.endMs === undefined || (job.startMs !== undefined && job.startMs <= filter.endMs),
      );
    return jobs;
  }

  /** A knowledge base's import jobs, newest first by created time, ties by id. */
  importJobs(base: KnowledgeBase): ImportJob[] {
    return sortedOnce(base.importJobs, (job) => jobSortKey(job.createdMs, job.importJobId));
  }

  /**
   * The API-started job still running on a source (SYNCING, SYNCING_INDEXING or STOPPING), if any.
   */
  runningJob(source: DataSource): SyncJob | undefined {
    const now = this.now();
    return source.jobs.find((job) => isRunning(job, now));
  }

  /**
   * Starts a sync job now, or returns the job that blocks it. Every 5th start on this emulator
   * ends FAILED; the others SUCCEEDED.
   */
  startSyncJob(source: DataSource): { started: SyncJob } | { running: SyncJob } {
    const running = this.runningJob(source);
    if (running) return { running };
    this.starts += 1;
    const job = startLiveJob(randomUUID(), this.now(), this.jobDurationMs, this.starts);
    source.jobs.push(job);
    return { started: job };
  }

  /** Stops the running job of a source: see `stopLiveJob` for the outcomes. */
  stopSyncJob(source: DataSource): 'stopped' | 'stopping' | 'idle' {
    const running = this.runningJob(source);
    return running ? stopLiveJob(running, this.now()) : 'idle';
  }
}

/** Each history array's sorted copy, and the length it was sorted at (appends re-sort it). */
const sortedHistories = new WeakMap<
  readonly object[],
  { length: number; sorted: readonly object[] }
>();

function sortedOnce<T extends object>(items: readonly T[], keyOf: (item: T) => SortKey): T[] {
  const known = sortedHistories.get(items);
  if (known !== undefined && known.length === items.length) return known.sorted as T[];
  const sorted = sortByKey(items, keyOf);
  sortedHistories.set(items, { length: items.length, sorted });
  return sorted;
}

/**
 * Jobs started through the API move on the emulator's clock (a ManualClock here, moved by the
 * tests): SYNCING, SYNCING_INDEXING, then SUCCEEDED or FAILED; a stop makes them STOPPING, then
 * ABORTED. A second start while one runs is refused as each service documents it.
 */
import {
  ListDataSourceSyncJobsCommand as KendraListJobs,
  ResourceInUseException,
  StartDataSourceSyncJobCommand as KendraStart,
  StopDataSourceSyncJobCommand as KendraStop,
  ValidationException as KendraValidation,
  type DataSourceSyncJob as KendraJob,
} from '@aws-sdk/client-kendra';
import {
  ConflictException,
  ListDataSourceSyncJobsCommand as QBusinessListJobs,
  StartDataSourceSyncJobCommand as QBusinessStart,
  StopDataSourceSyncJobCommand as QBusinessStop,
} from '@aws-sdk/client-qbusiness';
import { ManualClock } from '../../../src/emulator';
import {
  APP,
  KENDRA_INDEX,
  KENDRA_SOURCE,
  KENDRA_SOURCE_2,
  QB_INDEX,
  QB_SOURCE,
  QB_SOURCE_2,
  startTestBed,
  type TestBed,
} from '../support';

async function kendraJob(
  bed: TestBed,
  dataSourceId: string,
  executionId: string,
): Promise<KendraJob> {
  const page = await bed.kendra.send(
    new KendraListJobs({ IndexId: KENDRA_INDEX, Id: dataSourceId, MaxResults: 10 }),
  );
  const job = page.History!.find((candidate) => candidate.ExecutionId === executionId);
  if (!job) throw new Error(`job ${executionId} not listed`);
  return job;
}

/**
 * Reads the job, moves the clock by `stepMs`, and again, until the job ends; returns the distinct
 * statuses seen, in order, and the scanned count of every read.
 */
async function follow(
  clock: ManualClock,
  read: () => Promise<{ status: string; scanned: number }>,
  terminal: string[],
  stepMs = 20,
) {
  const statuses: string[] = [];
  const scanned: number[] = [];
  for (let i = 0; i < 200; i++) {
    const { status, scanned: n } = await read();
    if (statuses.at(-1) !== status) statuses.push(status);
    scanned.push(n);
    if (terminal.includes(status)) break;
    clock.advance(stepMs);
  }
  return { statuses, scanned };
}

describe('live jobs on a manual clock', () => {
  let bed: TestBed;
  const clock = new ManualClock();
  beforeAll(async () => {
    bed = await startTestBed({ jobDurationSeconds: 0.4, clock });
  });
  afterAll(() => bed.close());

  test('a started Kendra job moves SYNCING, SYNCING_INDEXING, SUCCEEDED with growing metrics', async () => {
    const { ExecutionId } = await bed.kendra.send(
      new KendraStart({ IndexId: KENDRA_INDEX, Id: KENDRA_SOURCE }),
    );
    expect(ExecutionId).toEqual(expect.any(String));
    const first = await kendraJob(bed, KENDRA_SOURCE, ExecutionId!);
    expect(first.StartTime!.getTime()).toBe(clock.now());
    const seen = await follow(clock, async () => {
      const job = await kendraJob(bed, KENDRA_SOURCE, ExecutionId!);
      return { status: job.Status!, scanned: Number(job.Metrics!.DocumentsScanned) };
    }, ['SUCCEEDED', 'FAILED']);
    expect(seen.statuses).toEqual(['SYNCING', 'SYNCING_INDEXING', 'SUCCEEDED']);
    expect(seen.scanned).toEqual([...seen.scanned].sort((a, b) => a - b));
    expect(seen.scanned.at(-1)).toBeGreaterThan(seen.scanned[0]);
    const done = await kendraJob(bed, KENDRA_SOURCE, ExecutionId!);
    expect(done.EndTime!.getTime() - done.StartTime!.getTime()).toBe(400);
    expect(done.Metrics).toEqual({
      DocumentsAdded: expect.stringMatching(/^[1-9]\d*$/),
      DocumentsModified: expect.stringMatching(/^(0|[1-9]\d*)$/),
      DocumentsDeleted: expect.stringMatching(/^(0|[1-9]\d*)$/),
      DocumentsFailed: '0',
      DocumentsScanned: expect.stringMatching(/^[1-9]\d*$/),
    });
  });

  test('every 5th start on an emulator ends FAILED with an error code and message', async () => {
    const freshClock = new ManualClock();
    const fresh = await startTestBed({ jobDurationSeconds: 0.2, clock: freshClock });
    try {
      const sources = [KENDRA_SOURCE, KENDRA_SOURCE_2, 'ds-extra-0', 'ds-extra-1', 'ds-extra-2'];
      const started: string[] = [];
      for (const Id of sources)
        started.push(
          (await fresh.kendra.send(new KendraStart({ IndexId: KENDRA_INDEX, Id }))).ExecutionId!,
        );
      freshClock.advance(600);
      const jobs = await Promise.all(
        sources.map((source, i) => kendraJob(fresh, source, started[i])),
      );
      expect(jobs.map((job) => job.Status)).toEqual([
        'SUCCEEDED',
        'SUCCEEDED',
        'SUCCEEDED',
        'SUCCEEDED',
        'FAILED',
      ]);
      expect(jobs[4]).toMatchObject({
        ErrorCode: 'InternalError',
        ErrorMessage: expect.stringContaining('documents could not be indexed'),
      });
      expect(Number(jobs[4].Metrics!.DocumentsFailed)).toBeGreaterThan(0);
    } finally {
      await fresh.close();
    }
  });

  test('a started Q Business job gets a 36-character executionId and ends SUCCEEDED', async () => {
    const source = { applicationId: APP, indexId: QB_INDEX, dataSourceId: QB_SOURCE_2 };
    const { executionId } = await bed.qbusiness.send(new QBusinessStart(source));
    expect(executionId).toMatch(/^[a-zA-Z0-9][a-zA-Z0-9-]{35}$/);
    const seen = await follow(clock, async () => {
      const page = await bed.qbusiness.send(new QBusinessListJobs(source));
      const job = page.history!.find((candidate) => candidate.executionId === executionId)!;
      return { status: job.status!, scanned: Number(job.metrics!.documentsScanned) };
    }, ['SUCCEEDED', 'FAILED']);
    expect(seen.statuses).toEqual(['SYNCING', 'SYNCING_INDEXING', 'SUCCEEDED']);
  });
});

describe('stopping and conflicts', () => {
  let bed: TestBed;
  const clock = new ManualClock();
  beforeAll(async () => {
    bed = await startTestBed({ jobDurationSeconds: 4, clock }); // STOPPING lasts 0.4 s
  });
  afterAll(() => bed.close());

  test('Kendra: a second start is a ResourceInUseException; a stop goes STOPPING then ABORTED', async () => {
    const source = { IndexId: KENDRA_INDEX, Id: KENDRA_SOURCE };
    const { ExecutionId } = await bed.kendra.send(new KendraStart(source));
    const again = await bed.kendra.send(new KendraStart(source)).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(ResourceInUseException);
    expect((again as ResourceInUseException).$metadata.httpStatusCode).toBe(400);
    await bed.kendra.send(new KendraStop(source));
    expect((await kendraJob(bed, KENDRA_SOURCE, ExecutionId!)).Status).toBe('STOPPING');
    await expect(bed.kendra.send(new KendraStart(source))).rejects.toBeInstanceOf(
      ResourceInUseException,
    );
    const stoppedAt = clock.now();
    const seen = await follow(
      clock,
      async () => ({
        status: (await kendraJob(bed, KENDRA_SOURCE, ExecutionId!)).Status!,
        scanned: 0,
      }),
      ['ABORTED'],
    );
    expect(seen.statuses).toEqual(['STOPPING', 'ABORTED']);
    const aborted = await kendraJob(bed, KENDRA_SOURCE, ExecutionId!);
    expect(aborted.EndTime!.getTime()).toBe(stoppedAt + 400);
  });

  test('Kendra: stopping with nothing running is a ValidationException', async () => {
    const error = await bed.kendra
      .send(new KendraStop({ IndexId: KENDRA_INDEX, Id: KENDRA_SOURCE_2 }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KendraValidation);
    expect((error as Error).message).toMatch(/nothing to stop/);
  });

  test('Q Business: a second start and a stop with nothing running are ConflictExceptions', async () => {
    const source = { applicationId: APP, indexId: QB_INDEX, dataSourceId: QB_SOURCE };
    const { executionId } = await bed.qbusiness.send(new QBusinessStart(source));
    const again = (await bed.qbusiness
      .send(new QBusinessStart(source))
      .catch((e: unknown) => e)) as ConflictException;
    expect(again).toBeInstanceOf(ConflictException);
    expect(again).toMatchObject({
      resourceId: QB_SOURCE,
      resourceType: 'DataSource',
      message: expect.stringContaining(executionId!),
    });
    expect(again.$metadata.httpStatusCode).toBe(409);
    await bed.qbusiness.send(new QBusinessStop(source));
    const page = await bed.qbusiness.send(
      new QBusinessListJobs({ ...source, statusFilter: 'STOPPING' }),
    );
    expect(page.history!.map((job) => job.executionId)).toEqual([executionId]);
    const idle = await bed.qbusiness
      .send(new QBusinessStop({ ...source, dataSourceId: QB_SOURCE_2 }))
      .catch((e: unknown) => e);
    expect(idle).toBeInstanceOf(ConflictException);
  });

  test('fixture jobs are history: a SYNCING job from the fixture neither moves nor blocks a start', async () => {
    bed.emu.addJobs({
      service: 'kendra',
      indexId: KENDRA_INDEX,
      dataSourceId: 'ds-extra-0',
      jobs: [{ ExecutionId: 'frozen', StartTime: '2025-01-01T00:00:00Z', Status: 'SYNCING' }],
    });
    const { ExecutionId } = await bed.kendra.send(
      new KendraStart({ IndexId: KENDRA_INDEX, Id: 'ds-extra-0' }),
    );
    expect(ExecutionId).not.toBe('frozen');
    expect((await kendraJob(bed, 'ds-extra-0', 'frozen')).Status).toBe('SYNCING');
  });
});

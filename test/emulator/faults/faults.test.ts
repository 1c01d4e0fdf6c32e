/**
 * Fault injection through the real clients: denied access, 5xx error rates, throttling budgets
 * retried by the SDK, latency, rules scoped to one resource, and responses carrying values the
 * SDKs do not know. Rules are set with `PUT /_emulator/faults` or `setFaults`.
 */
import {
  AccessDeniedException as KendraAccessDenied,
  DescribeIndexCommand,
  InternalServerException as KendraInternal,
  KendraClient,
  ListDataSourceSyncJobsCommand as KendraListJobs,
  ListIndicesCommand,
  ThrottlingException as KendraThrottling,
  ValidationException as KendraValidation,
} from '@aws-sdk/client-kendra';
import {
  AccessDeniedException as QBusinessAccessDenied,
  InternalServerException as QBusinessInternal,
  ListApplicationsCommand,
  ListDataSourceSyncJobsCommand as QBusinessListJobs,
  ValidationException as QBusinessValidation,
} from '@aws-sdk/client-qbusiness';
import {
  AccessDeniedException as QConnectAccessDenied,
  GetImportJobCommand,
  ListImportJobsCommand,
  ListKnowledgeBasesCommand,
  QConnectClient,
  ThrottlingException as QConnectThrottling,
} from '@aws-sdk/client-qconnect';
import { ControlError, ManualClock } from '../../../src/emulator';
import {
  APP,
  KB,
  KB_2,
  KB_ARN,
  KENDRA_INDEX,
  KENDRA_SOURCE,
  KENDRA_SOURCE_2,
  QB_INDEX,
  QB_SOURCE,
  QB_SOURCE_2,
  clientConfig,
  startTestBed,
  uuid,
  type TestBed,
} from '../support';

let bed: TestBed;
beforeAll(async () => {
  // a clock that never moves: throttling budgets refill only when a test says so
  bed = await startTestBed({ clock: new ManualClock() });
});
beforeEach(() => {
  bed.emu.setFaults([]);
  bed.emu.resetStats();
});
afterAll(() => bed.close());

describe('fault rules', () => {
  test("denyAccess answers each protocol's AccessDeniedException (403)", async () => {
    const response = await bed.control('PUT', 'faults', { rules: [{ denyAccess: true }] });
    expect(response).toEqual({
      status: 200,
      body: { baseLatencyMs: 0, rules: [{ denyAccess: true }] },
    });
    const kendra = await bed.kendra.send(new ListIndicesCommand({})).catch((e: unknown) => e);
    expect(kendra).toBeInstanceOf(KendraAccessDenied);
    expect((kendra as KendraAccessDenied).$metadata.httpStatusCode).toBe(403);
    expect((kendra as Error).message).toContain('kendra:ListIndices');
    await expect(bed.qbusiness.send(new ListApplicationsCommand({}))).rejects.toBeInstanceOf(
      QBusinessAccessDenied,
    );
    await expect(bed.qconnect.send(new ListKnowledgeBasesCommand({}))).rejects.toBeInstanceOf(
      QConnectAccessDenied,
    );
  });

  test('an empty rule list clears every fault', async () => {
    bed.emu.setFaults([{ denyAccess: true }]);
    expect((await bed.control('PUT', 'faults', { rules: [] })).status).toBe(200);
    await expect(bed.kendra.send(new ListIndicesCommand({}))).resolves.toBeDefined();
    expect((await bed.control('GET', 'faults')).body).toEqual({ baseLatencyMs: 0, rules: [] });
  });

  test('errorRate 1 answers InternalServerException (500) to the matching operation only', async () => {
    bed.emu.setFaults([
      { service: 'qbusiness', operation: 'ListApplications', errorRate: 1 },
      { service: 'kendra', errorRate: 1 },
    ]);
    const error = await bed.qbusiness
      .send(new ListApplicationsCommand({}))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QBusinessInternal);
    expect((error as QBusinessInternal).$metadata.httpStatusCode).toBe(500);
    await expect(
      bed.qbusiness.send(
        new QBusinessListJobs({ applicationId: APP, indexId: QB_INDEX, dataSourceId: QB_SOURCE }),
      ),
    ).resolves.toBeDefined();
    await expect(
      bed.kendra.send(new DescribeIndexCommand({ Id: KENDRA_INDEX })),
    ).rejects.toBeInstanceOf(KendraInternal);
  });

  test('validationError with afterRequests lets the first matching requests through, then answers ValidationException (400)', async () => {
    bed.emu.setFaults([
      { service: 'kendra', operation: 'ListIndices', afterRequests: 1, validationError: true },
    ]);
    await expect(bed.kendra.send(new ListIndicesCommand({}))).resolves.toBeDefined();
    const error = await bed.kendra.send(new ListIndicesCommand({})).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KendraValidation);
    expect((error as KendraValidation).$metadata.httpStatusCode).toBe(400);
    await expect(
      bed.kendra.send(new DescribeIndexCommand({ Id: KENDRA_INDEX })),
    ).resolves.toBeDefined();
    bed.emu.setFaults([{ service: 'qbusiness', validationError: true }]);
    await expect(bed.qbusiness.send(new ListApplicationsCommand({}))).rejects.toBeInstanceOf(
      QBusinessValidation,
    );
  });

  test('resourceId scopes a rule to the requests naming that id, so one data source fails and the others answer', async () => {
    bed.emu.setFaults([
      {
        service: 'kendra',
        operation: 'ListDataSourceSyncJobs',
        resourceId: KENDRA_SOURCE_2,
        errorRate: 1,
      },
      { service: 'qbusiness', resourceId: QB_SOURCE_2, denyAccess: true },
      { service: 'qconnect', resourceId: KB, denyAccess: true },
    ]);
    await expect(
      bed.kendra.send(new KendraListJobs({ IndexId: KENDRA_INDEX, Id: KENDRA_SOURCE })),
    ).resolves.toBeDefined();
    await expect(
      bed.kendra.send(new KendraListJobs({ IndexId: KENDRA_INDEX, Id: KENDRA_SOURCE_2 })),
    ).rejects.toBeInstanceOf(KendraInternal);
    await expect(
      bed.qbusiness.send(
        new QBusinessListJobs({ applicationId: APP, indexId: QB_INDEX, dataSourceId: QB_SOURCE }),
      ),
    ).resolves.toBeDefined();
    await expect(
      bed.qbusiness.send(
        new QBusinessListJobs({ applicationId: APP, indexId: QB_INDEX, dataSourceId: QB_SOURCE_2 }),
      ),
    ).rejects.toBeInstanceOf(QBusinessAccessDenied);
    await expect(
      bed.qconnect.send(new ListImportJobsCommand({ knowledgeBaseId: KB_ARN })),
    ).rejects.toBeInstanceOf(QConnectAccessDenied);
    await expect(
      bed.qconnect.send(new ListImportJobsCommand({ knowledgeBaseId: KB_2 })),
    ).resolves.toBeDefined();
  });

  test('a throttling budget is retried by the Kendra SDK and every attempt is counted', async () => {
    bed.emu.setFaults([{ service: 'kendra', operation: 'ListIndices', throttleRps: 0.01 }]);
    const retrying = new KendraClient(clientConfig(bed.emu.url, 3));
    try {
      await retrying.send(new ListIndicesCommand({}));
      const error = await retrying.send(new ListIndicesCommand({})).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(KendraThrottling);
      expect((error as KendraThrottling).$metadata).toMatchObject({
        httpStatusCode: 429,
        attempts: 3,
      });
    } finally {
      retrying.destroy();
    }
    expect(bed.emu.stats().calls).toEqual({ 'kendra.ListIndices': 4 });
  });

  test('Q Connect throttling (429 with X-Amzn-Errortype) is retried by name', async () => {
    bed.emu.setFaults([{ service: 'qconnect', throttleRps: 0.01 }]);
    const retrying = new QConnectClient(clientConfig(bed.emu.url, 2));
    try {
      await retrying.send(new ListKnowledgeBasesCommand({}));
      await expect(retrying.send(new ListKnowledgeBasesCommand({}))).rejects.toBeInstanceOf(
        QConnectThrottling,
      );
    } finally {
      retrying.destroy();
    }
    expect(bed.emu.stats().calls).toEqual({ 'qconnect.ListKnowledgeBases': 3 });
  });

  test('latency rules and the emulator-wide latency add up, waited on the emulator clock', async () => {
    const clock = new ManualClock();
    const slow = await startTestBed({
      clock,
      latencyMs: 60,
      faults: [{ service: 'kendra', latencyMs: 60, jitterMs: 10 }],
    });
    try {
      const kendraWaits = clock.nextSleep();
      const kendra = slow.kendra.send(new ListIndicesCommand({}));
      await kendraWaits;
      const [held] = clock.sleepers();
      expect(held).toBeGreaterThanOrEqual(120);
      expect(held).toBeLessThanOrEqual(130);
      clock.advance(119);
      expect(clock.sleepers()).toHaveLength(1);
      clock.advance(11);
      await expect(kendra).resolves.toMatchObject({
        IndexConfigurationSummaryItems: expect.any(Array),
      });

      const qbusinessWaits = clock.nextSleep();
      const qbusiness = slow.qbusiness.send(new ListApplicationsCommand({}));
      await qbusinessWaits;
      expect(clock.sleepers()).toEqual([60]);
      clock.advance(60);
      await expect(qbusiness).resolves.toMatchObject({ applications: expect.any(Array) });
      expect((await slow.control('GET', 'faults')).body).toEqual({
        baseLatencyMs: 60,
        rules: [{ service: 'kendra', latencyMs: 60, jitterMs: 10 }],
      });
    } finally {
      await slow.close();
    }
  });

  test('a throttling budget refills on the emulator clock', async () => {
    const clock = new ManualClock();
    const throttled = await startTestBed({
      clock,
      faults: [{ service: 'kendra', operation: 'ListIndices', throttleRps: 1 }],
    });
    const list = () => throttled.kendra.send(new ListIndicesCommand({}));
    try {
      await expect(list()).resolves.toBeDefined();
      await expect(list()).rejects.toBeInstanceOf(KendraThrottling);
      clock.advance(500);
      await expect(list()).rejects.toBeInstanceOf(KendraThrottling);
      clock.advance(500);
      await expect(list()).resolves.toBeDefined();
      await expect(list()).rejects.toBeInstanceOf(KendraThrottling);
    } finally {
      await throttled.close();
    }
  });

  test('unknownValues gives every other sync job an unknown status, passed through by the SDKs', async () => {
    bed.emu.setFaults([{ operation: 'ListDataSourceSyncJobs', unknownValues: true }]);
    const kendra = await bed.kendra.send(
      new KendraListJobs({ IndexId: KENDRA_INDEX, Id: KENDRA_SOURCE, MaxResults: 4 }),
    );
    expect(kendra.History!.map((job) => job.Status)).toEqual([
      'PAUSED_FOR_MAINTENANCE',
      'FAILED',
      'PAUSED_FOR_MAINTENANCE',
      'INCOMPLETE',
    ]);
    const qbusiness = await bed.qbusiness.send(
      new QBusinessListJobs({
        applicationId: APP,
        indexId: QB_INDEX,
        dataSourceId: QB_SOURCE,
        maxResults: 2,
      }),
    );
    expect(qbusiness.history!.map((job) => job.status)).toEqual([
      'PAUSED_FOR_MAINTENANCE',
      'FAILED',
    ]);
    const filtered = await bed.kendra.send(
      new KendraListJobs({
        IndexId: KENDRA_INDEX,
        Id: KENDRA_SOURCE,
        StatusFilter: 'FAILED',
        MaxResults: 2,
      }),
    );
    expect(filtered.History!.map((job) => job.Status)).toEqual([
      'PAUSED_FOR_MAINTENANCE',
      'FAILED',
    ]);
    const describe = await bed.kendra.send(new DescribeIndexCommand({ Id: KENDRA_INDEX }));
    expect(describe.Status).toBe('ACTIVE');
  });

  test('unknownValues gives Q Connect import jobs an unknown status and an unknown union member', async () => {
    bed.emu.setFaults([{ service: 'qconnect', unknownValues: true }]);
    const { importJobSummaries } = await bed.qconnect.send(
      new ListImportJobsCommand({ knowledgeBaseId: KB, maxResults: 2 }),
    );
    expect(importJobSummaries![0]).toMatchObject({
      status: 'PAUSED_FOR_MAINTENANCE',
      externalSourceConfiguration: {
        source: 'AMAZON_CONNECT',
        configuration: { futureSourceConfiguration: { instanceId: 'instance-0' } },
      },
    });
    expect(importJobSummaries![1]).toMatchObject({
      status: 'FAILED',
      externalSourceConfiguration: {
        configuration: { connectConfiguration: { instanceId: 'instance-1' } },
      },
    });
    const { importJob } = await bed.qconnect.send(
      new GetImportJobCommand({ knowledgeBaseId: KB, importJobId: uuid(2) }),
    );
    expect(importJob).toMatchObject({
      status: 'PAUSED_FOR_MAINTENANCE',
      externalSourceConfiguration: { configuration: { futureSourceConfiguration: {} } },
    });
  });

  test('invalid rules are refused with a 400 naming the field, and the old rules stay', async () => {
    bed.emu.setFaults([{ service: 'kendra', latencyMs: 1 }]);
    const cases: Array<[unknown, string]> = [
      [{ rules: [{ servce: 'kendra' }] }, 'rules[0].servce'],
      [{ rules: [{ service: 'kendra', operation: 'ListSyncJobs' }] }, 'rules[0].operation'],
      [{ rules: [{}, { errorRate: 2 }] }, 'rules[1].errorRate'],
      [{ rules: [{ latencyMs: '5' }] }, 'rules[0].latencyMs'],
      [{ rules: [{ unknownValues: 'yes' }] }, 'rules[0].unknownValues'],
      [{ rules: [{ afterRequests: 1.5 }] }, 'rules[0].afterRequests'],
      [{ rules: [{ validationError: 1 }] }, 'rules[0].validationError'],
      [{ rules: [{ service: 'sqs' }] }, 'rules[0].service'],
      [{ rule: [] }, 'rule'],
      [{ rules: {} }, 'rules'],
    ];
    for (const [body, field] of cases) {
      const response = await bed.control('PUT', 'faults', body);
      expect(response.status).toBe(400);
      expect(response.body.field).toBe(field);
      expect(response.body.message).toContain(field);
    }
    expect((await bed.control('PUT', 'faults', '{"rules": [')).status).toBe(400);
    expect(() => bed.emu.setFaults([{ throttleRps: -1 }])).toThrow(ControlError);
    expect((await bed.control('GET', 'faults')).body.rules).toEqual([
      { service: 'kendra', latencyMs: 1 },
    ]);
  });
});

/**
 * The control API under /_emulator/: replacing the state, adding jobs, counting calls, health, and
 * what happens to refused bodies (nothing).
 */
import {
  ListIndicesCommand,
  ListDataSourceSyncJobsCommand as KendraListJobs,
  ResourceNotFoundException,
} from '@aws-sdk/client-kendra';
import {
  ListApplicationsCommand,
  ListDataSourceSyncJobsCommand as QBusinessListJobs,
} from '@aws-sdk/client-qbusiness';
import { ListKnowledgeBasesCommand } from '@aws-sdk/client-qconnect';
import { ControlError } from '../../../src/emulator';
import {
  APP,
  KB,
  KENDRA_INDEX,
  KENDRA_SOURCE,
  QB_INDEX,
  QB_SOURCE,
  id36,
  smallFixture,
  startTestBed,
  type TestBed,
} from '../support';

let bed: TestBed;
beforeAll(async () => {
  bed = await startTestBed();
});
beforeEach(() => {
  bed.emu.loadFixture(smallFixture());
  bed.emu.resetStats();
});
afterAll(() => bed.close());

const NEW_INDEX = id36('fresh', 1);

describe('control API', () => {
  test('PUT /_emulator/state replaces every resource and job', async () => {
    const response = await bed.control('PUT', 'state', {
      kendra: { indices: [{ Id: NEW_INDEX, Name: 'fresh', dataSources: [] }] },
    });
    expect(response.status).toBe(200);
    expect(response.body.loaded).toMatchObject({
      kendraIndices: 1,
      kendraDataSources: 0,
      qbusinessApplications: 0,
      qconnectKnowledgeBases: 0,
    });
    const indices = await bed.kendra.send(new ListIndicesCommand({}));
    expect(indices.IndexConfigurationSummaryItems!.map((index) => index.Id)).toEqual([NEW_INDEX]);
    expect((await bed.qbusiness.send(new ListApplicationsCommand({}))).applications).toEqual([]);
    expect(
      (await bed.qconnect.send(new ListKnowledgeBasesCommand({}))).knowledgeBaseSummaries,
    ).toEqual([]);
  });

  test('a refused fixture leaves the running state as it was, and the message names the field', async () => {
    const broken = smallFixture();
    broken.qbusiness!.applications[0].indices[0].dataSources[0].syncJobs[3].status = 'DONE';
    const response = await bed.control('PUT', 'state', broken);
    expect(response.status).toBe(400);
    expect(response.body.field).toBe(
      'qbusiness.applications[0].indices[0].dataSources[0].syncJobs[3].status',
    );
    expect(response.body.message).toContain(
      'qbusiness.applications[0].indices[0].dataSources[0].syncJobs[3].status: "DONE" is not a ' +
        'DataSourceSyncJobStatus (expected one of FAILED, SUCCEEDED, SYNCING, INCOMPLETE, ' +
        'STOPPING, ABORTED, SYNCING_INDEXING)',
    );
    expect((await bed.control('PUT', 'state', '{not json')).status).toBe(400);
    expect(() => bed.emu.loadFixture({ kendra: { indices: [{ Id: 'short' }] } } as never)).toThrow(
      ControlError,
    );
    const indices = await bed.kendra.send(new ListIndicesCommand({}));
    expect(indices.IndexConfigurationSummaryItems).toHaveLength(2);
  });

  test('POST /_emulator/jobs adds validated jobs to one source and 404s an unknown one', async () => {
    const added = await bed.control('POST', 'jobs', {
      service: 'kendra',
      indexId: KENDRA_INDEX,
      dataSourceId: KENDRA_SOURCE,
      jobs: [{ ExecutionId: 'added-1', StartTime: '2030-01-01T00:00:00Z', Status: 'SUCCEEDED' }],
    });
    expect(added).toEqual({ status: 200, body: { added: 1 } });
    const page = await bed.kendra.send(
      new KendraListJobs({ IndexId: KENDRA_INDEX, Id: KENDRA_SOURCE, MaxResults: 1 }),
    );
    expect(page.History![0].ExecutionId).toBe('added-1');

    const unknown = await bed.control('POST', 'jobs', {
      service: 'qbusiness',
      applicationId: APP,
      indexId: QB_INDEX,
      dataSourceId: id36('nope', 1),
      jobs: [],
    });
    expect(unknown.status).toBe(404);
    const badJob = await bed.control('POST', 'jobs', {
      service: 'qbusiness',
      applicationId: APP,
      indexId: QB_INDEX,
      dataSourceId: QB_SOURCE,
      jobs: [
        { executionId: id36('ok', 1), startTime: '2030-01-01T00:00:00Z', status: 'SUCCEEDED' },
        { executionId: 'short', status: 'SUCCEEDED' },
      ],
    });
    expect(badJob.status).toBe(400);
    expect(badJob.body.message).toMatch(/^jobs\[1\]\.executionId: "short" must have length 36/);
    const untouched = await bed.qbusiness.send(
      new QBusinessListJobs({
        applicationId: APP,
        indexId: QB_INDEX,
        dataSourceId: QB_SOURCE,
        maxResults: 1,
      }),
    );
    expect(untouched.history![0].executionId).toBe(id36('exa', 0));
    const duplicate = await bed.control('POST', 'jobs', {
      service: 'qconnect',
      knowledgeBaseId: KB,
      jobs: [{ ...smallFixture().qconnect!.knowledgeBases[0].importJobs[0] }],
    });
    expect(duplicate.status).toBe(400);
    expect(duplicate.body.message).toMatch(/duplicate importJobId/);
    expect((await bed.control('POST', 'jobs', { service: 'sqs', jobs: [] })).status).toBe(400);
    expect(() =>
      bed.emu.addJobs({ service: 'kendra', indexId: KENDRA_INDEX, dataSourceId: 'nope', jobs: [] }),
    ).toThrow(ControlError);
  });

  test('stats count every service request, refused ones included, and never the control API', async () => {
    await bed.kendra.send(new ListIndicesCommand({}));
    await bed.kendra
      .send(new KendraListJobs({ IndexId: KENDRA_INDEX, Id: 'missing' }))
      .catch((e: unknown) => expect(e).toBeInstanceOf(ResourceNotFoundException));
    await bed.kendra.send(new KendraListJobs({ IndexId: 'bad', Id: 'x' })).catch(() => undefined);
    await fetch(bed.emu.url, {
      method: 'POST',
      headers: { 'x-amz-target': 'AWSKendraFrontendService.Query' },
      body: '{}',
    });
    await fetch(`${bed.emu.url}/applications/${APP}/nowhere`);
    await bed.control('GET', 'health');
    const stats = await bed.control('GET', 'stats');
    expect(stats.body).toEqual({
      calls: {
        'kendra.ListDataSourceSyncJobs': 2,
        'kendra.ListIndices': 1,
        'kendra.Query': 1,
        'qbusiness.Unknown': 1,
      },
    });
    expect(bed.emu.stats()).toEqual(stats.body);
    expect(await bed.control('DELETE', 'stats')).toEqual({ status: 200, body: { calls: {} } });
    expect(bed.emu.stats()).toEqual({ calls: {} });
  });

  test('health answers, unknown control paths 404 and wrong methods 405, always as JSON', async () => {
    const health = await bed.control('GET', 'health');
    expect(health.body).toMatchObject({
      status: 'ok',
      tokenMode: 'keyset',
      services: ['kendra', 'qbusiness', 'qconnect'],
    });
    expect(await bed.control('GET', 'nothing')).toMatchObject({
      status: 404,
      body: { message: expect.any(String) },
    });
    expect(await bed.control('GET', 'state')).toMatchObject({
      status: 405,
      body: { message: expect.stringContaining('PUT') },
    });
  });
});

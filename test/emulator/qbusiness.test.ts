/**
 * Amazon Q Business over restJson1, through the real @aws-sdk/client-qbusiness with its default
 * HTTP/2 handler (h2c on the same port as HTTP/1.1): every operation, paginators, filters, errors.
 */
import {
  GetApplicationCommand,
  GetDataSourceCommand,
  GetIndexCommand,
  ListApplicationsCommand,
  ListDataSourceSyncJobsCommand,
  QBusinessServiceException,
  ResourceNotFoundException,
  ValidationException,
  paginateListApplications,
  paginateListDataSourceSyncJobs,
  paginateListDataSources,
  paginateListIndices,
  type DataSourceSyncJob,
} from '@aws-sdk/client-qbusiness';
import {
  APP,
  QB_INDEX,
  QB_INDEX_2,
  QB_SOURCE,
  QB_SOURCE_2,
  T0,
  id36,
  startTestBed,
  type TestBed,
} from './support';

let bed: TestBed;
beforeAll(async () => {
  bed = await startTestBed();
});
afterAll(() => bed.close());

const SOURCE = { applicationId: APP, indexId: QB_INDEX, dataSourceId: QB_SOURCE };

async function allJobs(input: object = {}, pageSize?: number): Promise<DataSourceSyncJob[]> {
  const jobs: DataSourceSyncJob[] = [];
  for await (const page of paginateListDataSourceSyncJobs(
    { client: bed.qbusiness, pageSize },
    { ...SOURCE, ...input },
  )) {
    jobs.push(...(page.history ?? []));
  }
  return jobs;
}

describe('Amazon Q Business', () => {
  test('the default client speaks HTTP/2 to the emulator', () => {
    expect((bed.qbusiness.config.requestHandler as object).constructor.name).toBe(
      'NodeHttp2Handler',
    );
  });

  test('ListApplications and GetApplication', async () => {
    const apps = [];
    for await (const page of paginateListApplications({ client: bed.qbusiness }, {}))
      apps.push(...page.applications!);
    expect(apps).toEqual([
      expect.objectContaining({
        applicationId: APP,
        displayName: 'helpdesk',
        status: 'ACTIVE',
        identityType: 'AWS_IAM_IDC',
      }),
    ]);
    expect(apps[0].createdAt).toBeInstanceOf(Date);
    const app = await bed.qbusiness.send(new GetApplicationCommand({ applicationId: APP }));
    expect(app).toMatchObject({
      applicationId: APP,
      applicationArn: `arn:aws:qbusiness:us-east-1:123456789012:application/${APP}`,
      status: 'ACTIVE',
    });
    expect(app.$metadata.requestId).toBeTruthy();
  });

  test('ListIndices pages with the paginator and GetIndex describes one', async () => {
    const ids: string[] = [];
    for await (const page of paginateListIndices(
      { client: bed.qbusiness, pageSize: 1 },
      { applicationId: APP },
    )) {
      ids.push(...page.indices!.map((index) => index.indexId!));
    }
    expect(ids).toEqual([QB_INDEX, QB_INDEX_2]);
    const index = await bed.qbusiness.send(
      new GetIndexCommand({ applicationId: APP, indexId: QB_INDEX }),
    );
    expect(index).toMatchObject({
      applicationId: APP,
      indexId: QB_INDEX,
      displayName: 'helpdesk-index',
      status: 'ACTIVE',
      type: 'ENTERPRISE',
    });
    expect(index.indexStatistics?.textDocumentStatistics?.indexedTextDocumentCount).toBeGreaterThan(
      0,
    );
  });

  test('ListDataSources pages with the paginator and GetDataSource describes one', async () => {
    const ids: string[] = [];
    for await (const page of paginateListDataSources(
      { client: bed.qbusiness, pageSize: 1 },
      { applicationId: APP, indexId: QB_INDEX },
    )) {
      ids.push(...page.dataSources!.map((source) => source.dataSourceId!));
    }
    expect(ids).toEqual([QB_SOURCE, QB_SOURCE_2]);
    const source = await bed.qbusiness.send(
      new GetDataSourceCommand({
        applicationId: APP,
        indexId: QB_INDEX,
        dataSourceId: QB_SOURCE_2,
      }),
    );
    expect(source).toMatchObject({
      dataSourceId: QB_SOURCE_2,
      displayName: 'kb-web',
      type: 'WEBCRAWLER',
      status: 'ACTIVE',
      indexId: QB_INDEX,
    });
  });

  test('ListDataSourceSyncJobs pages newest first, 10 per page by default', async () => {
    const first = await bed.qbusiness.send(new ListDataSourceSyncJobsCommand(SOURCE));
    expect(first.history).toHaveLength(10);
    const jobs = await allJobs();
    expect(jobs).toHaveLength(23);
    expect(jobs.map((job) => job.startTime!.getTime())).toEqual(
      jobs.map((_, i) => T0 - i * 3_600_000),
    );
    expect(jobs[1]).toMatchObject({
      status: 'FAILED',
      error: { errorCode: 'ResourceInactive', errorMessage: 'Inactive.' },
    });
    expect(jobs[0].metrics).toEqual({
      documentsAdded: '0',
      documentsModified: '1',
      documentsDeleted: '0',
      documentsFailed: '0',
      documentsScanned: '1',
    });
  });

  test('the syncStatus and startTime/endTime query filters narrow the history inclusively', async () => {
    const hour = 3_600_000;
    const failed = await allJobs({ statusFilter: 'FAILED' });
    expect(failed.map((job) => job.executionId)).toEqual(
      [1, 6, 11, 16, 21].map((i) => id36('exa', i)),
    );
    const window = await allJobs({
      startTime: new Date(T0 - 3 * hour),
      endTime: new Date(T0 - hour),
    });
    expect(window.map((job) => job.executionId)).toEqual([1, 2, 3].map((i) => id36('exa', i)));
    const withMillis = await allJobs({ startTime: new Date(T0 - hour + 1) });
    expect(withMillis.map((job) => job.executionId)).toEqual([id36('exa', 0)]);
  });

  test('bad input is a ValidationException with reason and fields', async () => {
    const cases: Array<[object, string]> = [
      [{ ...SOURCE, maxResults: 11 }, 'maxResults'],
      [{ ...SOURCE, maxResults: 0 }, 'maxResults'],
      [{ ...SOURCE, dataSourceId: 'short' }, 'dataSourceId'],
      [{ ...SOURCE, statusFilter: 'DONE' }, 'statusFilter'],
    ];
    for (const [input, field] of cases) {
      const error = (await bed.qbusiness
        .send(new ListDataSourceSyncJobsCommand(input as never))
        .catch((e: unknown) => e)) as ValidationException;
      expect(error).toBeInstanceOf(ValidationException);
      expect(error.reason).toBe('FIELD_VALIDATION_FAILED');
      expect(error.fields).toEqual([{ name: field, message: error.message }]);
      expect(error.$metadata.httpStatusCode).toBe(400);
    }
    await expect(
      bed.qbusiness.send(new ListApplicationsCommand({ maxResults: 101 })),
    ).rejects.toBeInstanceOf(ValidationException);
  });

  test('a malformed RFC 3339 time in the query is a ValidationException', async () => {
    const response = await fetch(
      `${bed.emu.url}/applications/${APP}/indices/${QB_INDEX}/datasources/${QB_SOURCE}/syncjobs?startTime=yesterday`,
    );
    expect(response.status).toBe(400);
    expect(response.headers.get('x-amzn-errortype')).toBe('ValidationException');
    expect(await response.json()).toMatchObject({
      reason: 'FIELD_VALIDATION_FAILED',
      fields: [{ name: 'startTime' }],
    });
  });

  test('unknown ids are a ResourceNotFoundException with resourceId and resourceType', async () => {
    const missing = id36('missing', 1);
    const error = (await bed.qbusiness
      .send(new ListDataSourceSyncJobsCommand({ ...SOURCE, dataSourceId: missing }))
      .catch((e: unknown) => e)) as ResourceNotFoundException;
    expect(error).toBeInstanceOf(ResourceNotFoundException);
    expect(error).toMatchObject({ resourceId: missing, resourceType: 'DataSource' });
    await expect(
      bed.qbusiness.send(new GetApplicationCommand({ applicationId: missing })),
    ).rejects.toMatchObject({ name: 'ResourceNotFoundException', resourceType: 'Application' });
    await expect(
      bed.qbusiness.send(new GetIndexCommand({ applicationId: APP, indexId: missing })),
    ).rejects.toMatchObject({ resourceType: 'Index' });
  });

  test('an unknown route answers UnknownOperationException with a JSON body', async () => {
    const response = await fetch(`${bed.emu.url}/applications/${APP}/plugins`);
    expect(response.status).toBe(404);
    expect(response.headers.get('x-amzn-errortype')).toBe('UnknownOperationException');
    expect(await response.json()).toEqual({ message: expect.stringContaining('/plugins') });
    const wrongMethod = await fetch(`${bed.emu.url}/applications/${APP}`, { method: 'DELETE' });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('x-amzn-errortype')).toBe('UnknownOperationException');
  });

  test('an SDK call to an operation the emulator lacks fails with the service exception, not a hang', async () => {
    const { ListPluginsCommand } = await import('@aws-sdk/client-qbusiness');
    const error = await bed.qbusiness
      .send(new ListPluginsCommand({ applicationId: APP }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QBusinessServiceException);
    expect((error as QBusinessServiceException).name).toBe('UnknownOperationException');
  });

  test('the same routes answer over HTTP/1.1 on the same port', async () => {
    const response = await fetch(
      `${bed.emu.url}/applications/${APP}/indices/${QB_INDEX}/datasources/${QB_SOURCE}/syncjobs?maxResults=2`,
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      history: Array<{ startTime: unknown }>;
      nextToken: string;
    };
    expect(body.history).toHaveLength(2);
    expect(body.history[0].startTime).toBe(T0 / 1000);
    expect(body.nextToken).toEqual(expect.any(String));
  });
});

/**
 * Kendra over awsJson1_1, through the real @aws-sdk/client-kendra: every operation, its paginators,
 * filters, ordering and typed errors.
 */
import {
  DescribeDataSourceCommand,
  DescribeIndexCommand,
  KendraServiceException,
  ListDataSourceSyncJobsCommand,
  ListDataSourcesCommand,
  ListIndicesCommand,
  ResourceNotFoundException,
  ValidationException,
  paginateListDataSourceSyncJobs,
  paginateListDataSources,
  paginateListIndices,
  type DataSourceSyncJob,
} from '@aws-sdk/client-kendra';
import {
  KENDRA_INDEX,
  KENDRA_INDEX_2,
  KENDRA_SOURCE,
  KENDRA_SOURCE_2,
  T0,
  startTestBed,
  type TestBed,
} from './support';

let bed: TestBed;
beforeAll(async () => {
  bed = await startTestBed();
});
afterAll(() => bed.close());

async function allJobs(
  input: Partial<Parameters<typeof paginateListDataSourceSyncJobs>[1]> = {},
  pageSize?: number,
): Promise<DataSourceSyncJob[]> {
  const jobs: DataSourceSyncJob[] = [];
  for await (const page of paginateListDataSourceSyncJobs(
    { client: bed.kendra, pageSize },
    { IndexId: KENDRA_INDEX, Id: KENDRA_SOURCE, ...input },
  )) {
    jobs.push(...(page.History ?? []));
  }
  return jobs;
}

describe('Kendra', () => {
  test('ListIndices pages through every index with the paginator', async () => {
    const ids: string[] = [];
    for await (const page of paginateListIndices({ client: bed.kendra, pageSize: 1 }, {})) {
      expect(page.IndexConfigurationSummaryItems).toHaveLength(1);
      ids.push(...page.IndexConfigurationSummaryItems!.map((index) => index.Id!));
    }
    expect(ids).toEqual([KENDRA_INDEX, KENDRA_INDEX_2]);
    const { IndexConfigurationSummaryItems: [first] = [] } = await bed.kendra.send(
      new ListIndicesCommand({}),
    );
    expect(first).toMatchObject({
      Name: 'main-index',
      Edition: 'ENTERPRISE_EDITION',
      Status: 'ACTIVE',
    });
    expect(first.CreatedAt).toBeInstanceOf(Date);
  });

  test('DescribeIndex returns the index with its statistics', async () => {
    const index = await bed.kendra.send(new DescribeIndexCommand({ Id: KENDRA_INDEX_2 }));
    expect(index).toMatchObject({
      Id: KENDRA_INDEX_2,
      Name: 'dev-index',
      Edition: 'DEVELOPER_EDITION',
      Status: 'CREATING',
    });
    expect(index.IndexStatistics?.TextDocumentStatistics?.IndexedTextDocumentsCount).toBe(0);
    expect(index.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  test('ListDataSources pages in fixture order and DescribeDataSource describes one', async () => {
    const ids: string[] = [];
    for await (const page of paginateListDataSources(
      { client: bed.kendra, pageSize: 2 },
      { IndexId: KENDRA_INDEX },
    )) {
      ids.push(...page.SummaryItems!.map((source) => source.Id!));
    }
    expect(ids).toEqual([KENDRA_SOURCE, KENDRA_SOURCE_2, 'ds-extra-0', 'ds-extra-1', 'ds-extra-2']);
    const source = await bed.kendra.send(
      new DescribeDataSourceCommand({ IndexId: KENDRA_INDEX, Id: KENDRA_SOURCE_2 }),
    );
    expect(source).toMatchObject({
      Id: KENDRA_SOURCE_2,
      IndexId: KENDRA_INDEX,
      Name: 'wiki',
      Type: 'CONFLUENCE',
      Status: 'ACTIVE',
      LanguageCode: 'en',
    });
  });

  test('ListDataSourceSyncJobs returns the whole history newest first, 10 per page by default', async () => {
    const first = await bed.kendra.send(
      new ListDataSourceSyncJobsCommand({ IndexId: KENDRA_INDEX, Id: KENDRA_SOURCE }),
    );
    expect(first.History).toHaveLength(10);
    expect(first.NextToken).toEqual(expect.any(String));
    const jobs = await allJobs();
    expect(jobs).toHaveLength(25);
    const starts = jobs.map((job) => job.StartTime!.getTime());
    expect(starts).toEqual([...starts].sort((a, b) => b - a));
    expect(jobs[0]).toMatchObject({
      ExecutionId: 'exec-a-000',
      Status: 'SUCCEEDED',
      Metrics: { DocumentsAdded: '0', DocumentsScanned: '0' },
    });
    expect(jobs[1]).toMatchObject({
      Status: 'FAILED',
      ErrorCode: 'InternalError',
      ErrorMessage: 'The connector failed.',
    });
  });

  test('the last page carries no NextToken', async () => {
    const pages: Array<string | undefined> = [];
    for await (const page of paginateListDataSourceSyncJobs(
      { client: bed.kendra, pageSize: 5 },
      { IndexId: KENDRA_INDEX, Id: KENDRA_SOURCE },
    )) {
      pages.push(page.NextToken);
    }
    expect(pages).toHaveLength(5);
    expect(pages[4]).toBeUndefined();
  });

  test('StatusFilter and StartTimeFilter narrow the history, the window inclusive at both ends', async () => {
    const failed = await allJobs({ StatusFilter: 'FAILED' });
    expect(failed.map((job) => job.ExecutionId)).toEqual([
      'exec-a-001',
      'exec-a-006',
      'exec-a-011',
      'exec-a-016',
      'exec-a-021',
    ]);
    const hour = 3_600_000;
    const window = await allJobs({
      StartTimeFilter: { StartTime: new Date(T0 - 4 * hour), EndTime: new Date(T0 - 2 * hour) },
    });
    expect(window.map((job) => job.ExecutionId)).toEqual([
      'exec-a-002',
      'exec-a-003',
      'exec-a-004',
    ]);
    const both = await allJobs({
      StatusFilter: 'SUCCEEDED',
      StartTimeFilter: { EndTime: new Date(T0 - 20 * hour) },
    });
    expect(both.map((job) => job.ExecutionId)).toEqual(['exec-a-020', 'exec-a-022']);
  });

  test('jobs with equal start times are ordered by ExecutionId ascending, jobs without one last', async () => {
    const sameTime = new Date(T0 + 3_600_000).toISOString();
    await bed.emu.addJobs({
      service: 'kendra',
      indexId: KENDRA_INDEX,
      dataSourceId: KENDRA_SOURCE_2,
      jobs: [
        { ExecutionId: 'tie-b', StartTime: sameTime, Status: 'SUCCEEDED' },
        { ExecutionId: 'no-start', Status: 'FAILED' },
        { ExecutionId: 'tie-a', StartTime: sameTime, Status: 'SUCCEEDED' },
      ],
    });
    const page = await bed.kendra.send(
      new ListDataSourceSyncJobsCommand({ IndexId: KENDRA_INDEX, Id: KENDRA_SOURCE_2 }),
    );
    expect(page.History!.map((job) => job.ExecutionId)).toEqual([
      'tie-a',
      'tie-b',
      'exec-b-000',
      'exec-b-001',
      'exec-b-002',
      'no-start',
    ]);
  });

  test('bad input is a ValidationException naming the member', async () => {
    const cases: Array<[object, RegExp]> = [
      [{ IndexId: 'short', Id: KENDRA_SOURCE }, /IndexId.*length 36/],
      [{ IndexId: KENDRA_INDEX }, /'Id'.*must not be null/],
      [
        { IndexId: KENDRA_INDEX, Id: KENDRA_SOURCE, MaxResults: 11 },
        /MaxResults.*less than or equal to 10/,
      ],
      [
        { IndexId: KENDRA_INDEX, Id: KENDRA_SOURCE, MaxResults: 0 },
        /MaxResults.*greater than or equal to 1/,
      ],
      [{ IndexId: KENDRA_INDEX, Id: KENDRA_SOURCE, MaxResults: 2.5 }, /MaxResults.*integer/],
      [{ IndexId: KENDRA_INDEX, Id: KENDRA_SOURCE, StatusFilter: 'DONE' }, /StatusFilter.*enum/],
      [{ IndexId: KENDRA_INDEX, Id: 'bad id!' }, /'Id'.*pattern/],
    ];
    for (const [input, message] of cases) {
      const error = await bed.kendra
        .send(new ListDataSourceSyncJobsCommand(input as never))
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationException);
      expect((error as Error).message).toMatch(message);
      expect((error as ValidationException).$metadata.httpStatusCode).toBe(400);
    }
    await expect(
      bed.kendra.send(new ListIndicesCommand({ MaxResults: 101 })),
    ).rejects.toBeInstanceOf(ValidationException);
  });

  test('unknown ids are a ResourceNotFoundException', async () => {
    await expect(
      bed.kendra.send(new DescribeIndexCommand({ Id: KENDRA_INDEX.replace('1', '9') })),
    ).rejects.toBeInstanceOf(ResourceNotFoundException);
    const error = await bed.kendra
      .send(new ListDataSourceSyncJobsCommand({ IndexId: KENDRA_INDEX, Id: 'nope' }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResourceNotFoundException);
    expect((error as ResourceNotFoundException).$metadata.httpStatusCode).toBe(404);
    await expect(
      bed.kendra.send(new ListDataSourcesCommand({ IndexId: KENDRA_INDEX.replace('1', '9') })),
    ).rejects.toBeInstanceOf(ResourceNotFoundException);
  });

  test('an unknown X-Amz-Target answers UnknownOperationException, which the SDK surfaces by name', async () => {
    const response = await fetch(bed.emu.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': 'AWSKendraFrontendService.Query',
      },
      body: '{}',
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('x-amzn-requestid')).toBeTruthy();
    expect(await response.json()).toMatchObject({
      __type: 'UnknownOperationException',
      Message: expect.stringContaining('Query'),
    });
  });

  test('a malformed JSON body answers SerializationException', async () => {
    const response = await fetch(bed.emu.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': 'AWSKendraFrontendService.ListIndices',
      },
      body: '{"MaxResults": ',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      __type: 'SerializationException',
      Message: expect.stringMatching(/Malformed JSON/),
    });
  });

  test('an SDK call to an operation the emulator lacks fails with the service exception, not a hang', async () => {
    const { ListFaqsCommand } = await import('@aws-sdk/client-kendra');
    const error = await bed.kendra
      .send(new ListFaqsCommand({ IndexId: KENDRA_INDEX }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KendraServiceException);
    expect((error as KendraServiceException).name).toBe('UnknownOperationException');
  });
});

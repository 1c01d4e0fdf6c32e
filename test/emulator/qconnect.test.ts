/**
 * Amazon Q in Connect over restJson1, through the real @aws-sdk/client-qconnect 3.828: knowledge
 * bases by id and by ARN, import jobs newest first by created time, the unknown union member as
 * this client delivers it (raw, under its own name), typed errors.
 */
import {
  GetImportJobCommand,
  GetKnowledgeBaseCommand,
  ListImportJobsCommand,
  ListKnowledgeBasesCommand,
  ResourceNotFoundException,
  ValidationException,
  paginateListImportJobs,
  paginateListKnowledgeBases,
  type ImportJobSummary,
} from '@aws-sdk/client-qconnect';
import { KB, KB_2, KB_ARN, T0, smallFixture, startTestBed, uuid, type TestBed } from './support';

let bed: TestBed;
beforeAll(async () => {
  bed = await startTestBed();
});
afterAll(() => bed.close());

describe('Amazon Q in Connect', () => {
  test('ListKnowledgeBases pages with the paginator and carries every required member', async () => {
    const bases = [];
    for await (const page of paginateListKnowledgeBases({ client: bed.qconnect, pageSize: 1 }, {}))
      bases.push(...page.knowledgeBaseSummaries!);
    expect(bases.map((base) => base.knowledgeBaseId)).toEqual([KB, KB_2]);
    expect(bases[0]).toEqual({
      knowledgeBaseId: KB,
      knowledgeBaseArn: KB_ARN,
      name: 'Quick responses',
      knowledgeBaseType: 'QUICK_RESPONSES',
      status: 'ACTIVE',
    });
  });

  test('GetKnowledgeBase accepts the id or the ARN', async () => {
    const byId = await bed.qconnect.send(new GetKnowledgeBaseCommand({ knowledgeBaseId: KB }));
    const byArn = await bed.qconnect.send(new GetKnowledgeBaseCommand({ knowledgeBaseId: KB_ARN }));
    expect(byId.knowledgeBase).toMatchObject({
      knowledgeBaseId: KB,
      knowledgeBaseArn: KB_ARN,
      status: 'ACTIVE',
    });
    expect(byArn.knowledgeBase).toEqual(byId.knowledgeBase);
    expect(byId.knowledgeBase!.lastContentModificationTime).toEqual(new Date(T0 + 60_000));
  });

  test('ListImportJobs pages newest first by createdTime with the paginator', async () => {
    const jobs: ImportJobSummary[] = [];
    const tokens: Array<string | undefined> = [];
    for await (const page of paginateListImportJobs(
      { client: bed.qconnect, pageSize: 3 },
      { knowledgeBaseId: KB_ARN },
    )) {
      jobs.push(...page.importJobSummaries!);
      tokens.push(page.nextToken);
    }
    expect(tokens.map(Boolean)).toEqual([true, true, false]);
    expect(jobs.map((job) => job.importJobId)).toEqual([1, 2, 3, 4, 5, 6, 7].map(uuid));
    expect(jobs[0]).toEqual({
      importJobId: uuid(1),
      knowledgeBaseId: KB,
      knowledgeBaseArn: KB_ARN,
      uploadId: 'upload-1',
      importJobType: 'QUICK_RESPONSES',
      status: 'COMPLETE',
      createdTime: new Date(T0),
      lastModifiedTime: new Date(T0 + 60_000),
      metadata: { team: 'support' },
      externalSourceConfiguration: {
        source: 'AMAZON_CONNECT',
        configuration: { connectConfiguration: { instanceId: 'instance-0' } },
      },
    });
  });

  test('an empty history still carries importJobSummaries: []', async () => {
    bed.emu.loadFixture({
      qconnect: {
        knowledgeBases: [
          { knowledgeBaseId: KB, name: 'Empty', knowledgeBaseType: 'CUSTOM', importJobs: [] },
        ],
      },
    });
    try {
      const page = await bed.qconnect.send(new ListImportJobsCommand({ knowledgeBaseId: KB }));
      expect(page.importJobSummaries).toEqual([]);
      expect(page.nextToken).toBeUndefined();
    } finally {
      bed.emu.loadFixture(smallFixture());
    }
  });

  test('GetImportJob returns ImportJobData with url and urlExpiry', async () => {
    const { importJob } = await bed.qconnect.send(
      new GetImportJobCommand({ knowledgeBaseId: KB, importJobId: uuid(2) }),
    );
    expect(importJob).toMatchObject({
      importJobId: uuid(2),
      knowledgeBaseId: KB,
      status: 'FAILED',
      url: expect.stringMatching(/^https:\/\//),
    });
    expect(importJob!.urlExpiry).toBeInstanceOf(Date);
  });

  test('an unknown union member is delivered raw under its own name by client-qconnect 3.828', async () => {
    const { importJobSummaries } = await bed.qconnect.send(
      new ListImportJobsCommand({ knowledgeBaseId: KB_2 }),
    );
    expect(importJobSummaries![0].externalSourceConfiguration).toEqual({
      source: 'AMAZON_CONNECT',
      configuration: { futureSourceConfiguration: { bucket: 'b1', prefix: 'qr/' } },
    });
    const { importJob } = await bed.qconnect.send(
      new GetImportJobCommand({ knowledgeBaseId: KB_2, importJobId: uuid(100) }),
    );
    expect(importJob!.externalSourceConfiguration!.configuration).toEqual({
      futureSourceConfiguration: { bucket: 'b1', prefix: 'qr/' },
    });
  });

  test('an unknown knowledge base is a ResourceNotFoundException, in ListImportJobs too', async () => {
    const missing = uuid(0xdead);
    for (const command of [
      new ListImportJobsCommand({ knowledgeBaseId: missing }),
      new GetKnowledgeBaseCommand({ knowledgeBaseId: missing }),
      new GetImportJobCommand({ knowledgeBaseId: KB, importJobId: missing }),
      new ListImportJobsCommand({
        knowledgeBaseId: `arn:aws:wisdom:us-east-1:123456789012:knowledge-base/${missing}`,
      }),
    ]) {
      const error = (await bed.qconnect
        .send(command as never)
        .catch((e: unknown) => e)) as ResourceNotFoundException;
      expect(error).toBeInstanceOf(ResourceNotFoundException);
      expect(error.$metadata.httpStatusCode).toBe(404);
      expect(error.resourceName).toEqual(expect.any(String));
    }
  });

  test('bad ids and page sizes are a ValidationException', async () => {
    await expect(
      bed.qconnect.send(new ListImportJobsCommand({ knowledgeBaseId: 'KB-1' })),
    ).rejects.toBeInstanceOf(ValidationException);
    await expect(
      bed.qconnect.send(new GetImportJobCommand({ knowledgeBaseId: KB, importJobId: 'x' })),
    ).rejects.toBeInstanceOf(ValidationException);
    await expect(
      bed.qconnect.send(new ListImportJobsCommand({ knowledgeBaseId: KB, maxResults: 101 })),
    ).rejects.toBeInstanceOf(ValidationException);
    await expect(
      bed.qconnect.send(new ListKnowledgeBasesCommand({ maxResults: 0 })),
    ).rejects.toBeInstanceOf(ValidationException);
  });

  test('an unknown route answers UnknownOperationException with a JSON body', async () => {
    const response = await fetch(`${bed.emu.url}/knowledgeBases/${KB}/contents`);
    expect(response.status).toBe(404);
    expect(response.headers.get('x-amzn-errortype')).toBe('UnknownOperationException');
    expect(await response.json()).toEqual({ message: expect.any(String) });
  });
});

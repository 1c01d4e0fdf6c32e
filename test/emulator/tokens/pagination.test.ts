/**
 * Page tokens, one contract for the three services in both token modes: newer jobs inserted
 * between pages shift nothing in keyset mode and push older jobs onto later pages in offset mode;
 * tokens are opaque, bound to their request and expire.
 */
import {
  ListDataSourceSyncJobsCommand as KendraListJobs,
  ValidationException as KendraValidation,
} from '@aws-sdk/client-kendra';
import {
  ListDataSourceSyncJobsCommand as QBusinessListJobs,
  ValidationException as QBusinessValidation,
} from '@aws-sdk/client-qbusiness';
import {
  ListImportJobsCommand,
  ValidationException as QConnectValidation,
} from '@aws-sdk/client-qconnect';
import { ManualClock } from '../../../src/emulator';
import {
  APP,
  KB,
  KB_ARN,
  KENDRA_INDEX,
  KENDRA_SOURCE,
  KENDRA_SOURCE_2,
  QB_INDEX,
  QB_SOURCE,
  QB_SOURCE_2,
  T0,
  importJobs,
  kendraJobs,
  qbusinessJobs,
  smallFixture,
  startTestBed,
  uuid,
  type TestBed,
} from '../support';

interface Page {
  ids: string[];
  token?: string;
}

/** One service's paged history, driven through its SDK client. */
interface Host {
  name: string;
  total: number;
  page(bed: TestBed, size: number, token?: string): Promise<Page>;
  /** Adds `count` jobs newer than every fixture job. */
  addNewer(bed: TestBed, count: number): void;
}

const HOUR = 3_600_000;
const HOSTS: Host[] = [
  {
    name: 'Kendra',
    total: 25,
    async page(bed, size, token) {
      const out = await bed.kendra.send(
        new KendraListJobs({
          IndexId: KENDRA_INDEX,
          Id: KENDRA_SOURCE,
          MaxResults: size,
          NextToken: token,
        }),
      );
      return { ids: out.History!.map((job) => job.ExecutionId!), token: out.NextToken };
    },
    addNewer(bed, count) {
      bed.emu.addJobs({
        service: 'kendra',
        indexId: KENDRA_INDEX,
        dataSourceId: KENDRA_SOURCE,
        jobs: kendraJobs(count, 'new', T0 + count * HOUR),
      });
    },
  },
  {
    name: 'Amazon Q Business',
    total: 23,
    async page(bed, size, token) {
      const out = await bed.qbusiness.send(
        new QBusinessListJobs({
          applicationId: APP,
          indexId: QB_INDEX,
          dataSourceId: QB_SOURCE,
          maxResults: size,
          nextToken: token,
        }),
      );
      return { ids: out.history!.map((job) => job.executionId!), token: out.nextToken };
    },
    addNewer(bed, count) {
      bed.emu.addJobs({
        service: 'qbusiness',
        applicationId: APP,
        indexId: QB_INDEX,
        dataSourceId: QB_SOURCE,
        jobs: qbusinessJobs(count, 'new', T0 + count * HOUR),
      });
    },
  },
  {
    name: 'Amazon Q in Connect',
    total: 7,
    async page(bed, size, token) {
      const out = await bed.qconnect.send(
        new ListImportJobsCommand({ knowledgeBaseId: KB, maxResults: size, nextToken: token }),
      );
      return { ids: out.importJobSummaries!.map((job) => job.importJobId!), token: out.nextToken };
    },
    addNewer(bed, count) {
      bed.emu.addJobs({
        service: 'qconnect',
        knowledgeBaseId: KB,
        jobs: importJobs(count, 500, T0 + count * HOUR),
      });
    },
  },
];

async function walk(
  host: Host,
  bed: TestBed,
  size: number,
  between?: () => void,
): Promise<string[]> {
  const ids: string[] = [];
  let page = await host.page(bed, size);
  ids.push(...page.ids);
  between?.();
  while (page.token) {
    page = await host.page(bed, size, page.token);
    ids.push(...page.ids);
  }
  return ids;
}

describe.each(['keyset', 'offset'] as const)('%s tokens', (tokenMode) => {
  let bed: TestBed;
  beforeAll(async () => {
    bed = await startTestBed({ tokenMode });
  });
  beforeEach(() => bed.emu.loadFixture(smallFixture()));
  afterAll(() => bed.close());

  describe.each(HOSTS)('$name', (host) => {
    test('a walk over an unchanging history returns every job once, in order', async () => {
      const ids = await walk(host, bed, 3);
      expect(ids).toHaveLength(host.total);
      expect(new Set(ids).size).toBe(host.total);
      expect(await walk(host, bed, 4)).toEqual(ids);
    });

    test(`newer jobs inserted between pages ${tokenMode === 'keyset' ? 'shift nothing' : 'push older jobs onto later pages'}`, async () => {
      const before = await walk(host, bed, 3);
      const during = await walk(host, bed, 3, () => host.addNewer(bed, 2));
      if (tokenMode === 'keyset') {
        expect(during).toEqual(before);
      } else {
        // the two newest jobs arrived ahead of the cursor: page 2 repeats the last two of page 1
        expect(during).toEqual([...before.slice(0, 3), ...before.slice(1)]);
      }
    });
  });
});

describe('page tokens', () => {
  let bed: TestBed;
  const clock = new ManualClock();
  beforeAll(async () => {
    bed = await startTestBed({ tokenTtlSeconds: 0.3, clock });
  });
  afterAll(() => bed.close());

  test('expire after tokenTtlSeconds with a message that says so', async () => {
    const first = await bed.kendra.send(
      new KendraListJobs({ IndexId: KENDRA_INDEX, Id: KENDRA_SOURCE, MaxResults: 2 }),
    );
    const qFirst = await bed.qbusiness.send(
      new QBusinessListJobs({
        applicationId: APP,
        indexId: QB_INDEX,
        dataSourceId: QB_SOURCE,
        maxResults: 2,
      }),
    );
    const cFirst = await bed.qconnect.send(
      new ListImportJobsCommand({ knowledgeBaseId: KB, maxResults: 2 }),
    );
    clock.advance(400);
    const kendraError = await bed.kendra
      .send(
        new KendraListJobs({
          IndexId: KENDRA_INDEX,
          Id: KENDRA_SOURCE,
          MaxResults: 2,
          NextToken: first.NextToken,
        }),
      )
      .catch((e: unknown) => e);
    expect(kendraError).toBeInstanceOf(KendraValidation);
    expect((kendraError as Error).message).toMatch(/expired/);
    const qError = await bed.qbusiness
      .send(
        new QBusinessListJobs({
          applicationId: APP,
          indexId: QB_INDEX,
          dataSourceId: QB_SOURCE,
          maxResults: 2,
          nextToken: qFirst.nextToken,
        }),
      )
      .catch((e: unknown) => e);
    expect(qError).toBeInstanceOf(QBusinessValidation);
    expect(qError).toMatchObject({
      reason: 'FIELD_VALIDATION_FAILED',
      message: expect.stringMatching(/expired/),
      fields: [{ name: 'nextToken' }],
    });
    await expect(
      bed.qconnect.send(
        new ListImportJobsCommand({ knowledgeBaseId: KB, nextToken: cFirst.nextToken }),
      ),
    ).rejects.toThrow(/expired/);
  });

  test('are bound to the data source and filters they were issued for, not to the page size', async () => {
    const first = await bed.kendra.send(
      new KendraListJobs({ IndexId: KENDRA_INDEX, Id: KENDRA_SOURCE, MaxResults: 2 }),
    );
    const replays = [
      { IndexId: KENDRA_INDEX, Id: KENDRA_SOURCE_2, NextToken: first.NextToken },
      {
        IndexId: KENDRA_INDEX,
        Id: KENDRA_SOURCE,
        StatusFilter: 'FAILED' as const,
        NextToken: first.NextToken,
      },
      {
        IndexId: KENDRA_INDEX,
        Id: KENDRA_SOURCE,
        StartTimeFilter: { StartTime: new Date(0) },
        NextToken: first.NextToken,
      },
      { IndexId: KENDRA_INDEX, Id: KENDRA_SOURCE, NextToken: 'bm90IGEgdG9rZW4' },
    ];
    for (const input of replays) {
      const error = await bed.kendra.send(new KendraListJobs(input)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(KendraValidation);
      expect((error as Error).message).toMatch(/nextToken is invalid for this request/i);
    }
    const other = await bed.kendra.send(
      new KendraListJobs({
        IndexId: KENDRA_INDEX,
        Id: KENDRA_SOURCE,
        MaxResults: 4,
        NextToken: first.NextToken,
      }),
    );
    expect(other.History!.map((job) => job.ExecutionId)).toEqual([
      'exec-a-002',
      'exec-a-003',
      'exec-a-004',
      'exec-a-005',
    ]);

    const qFirst = await bed.qbusiness.send(
      new QBusinessListJobs({
        applicationId: APP,
        indexId: QB_INDEX,
        dataSourceId: QB_SOURCE,
        maxResults: 1,
      }),
    );
    await expect(
      bed.qbusiness.send(
        new QBusinessListJobs({
          applicationId: APP,
          indexId: QB_INDEX,
          dataSourceId: QB_SOURCE_2,
          nextToken: qFirst.nextToken,
        }),
      ),
    ).rejects.toThrow(/invalid for this request/);
    await expect(
      bed.qbusiness.send(
        new QBusinessListJobs({
          applicationId: APP,
          indexId: QB_INDEX,
          dataSourceId: QB_SOURCE,
          statusFilter: 'FAILED',
          nextToken: qFirst.nextToken,
        }),
      ),
    ).rejects.toBeInstanceOf(QBusinessValidation);
  });

  test('a Q Connect token serves the id and the ARN form of the same knowledge base alike', async () => {
    const first = await bed.qconnect.send(
      new ListImportJobsCommand({ knowledgeBaseId: KB, maxResults: 2 }),
    );
    const next = await bed.qconnect.send(
      new ListImportJobsCommand({
        knowledgeBaseId: KB_ARN,
        maxResults: 2,
        nextToken: first.nextToken,
      }),
    );
    expect(next.importJobSummaries!.map((job) => job.importJobId)).toEqual([uuid(3), uuid(4)]);
    await expect(
      bed.qconnect.send(
        new ListImportJobsCommand({ knowledgeBaseId: uuid(0xb2), nextToken: first.nextToken }),
      ),
    ).rejects.toBeInstanceOf(QConnectValidation);
  });

  test('are opaque and fit 800 characters even after a very long ExecutionId', async () => {
    const longId = (n: number) => `${'x'.repeat(2000)}-${n}`;
    bed.emu.addJobs({
      service: 'kendra',
      indexId: KENDRA_INDEX,
      dataSourceId: KENDRA_SOURCE_2,
      jobs: [1, 2, 3].map((n) => ({
        ExecutionId: longId(n),
        StartTime: new Date(T0 + HOUR).toISOString(),
        Status: 'SUCCEEDED',
      })),
    });
    const ids: string[] = [];
    let token: string | undefined;
    do {
      const page = await bed.kendra.send(
        new KendraListJobs({
          IndexId: KENDRA_INDEX,
          Id: KENDRA_SOURCE_2,
          MaxResults: 2,
          NextToken: token,
        }),
      );
      ids.push(...page.History!.map((job) => job.ExecutionId!));
      token = page.NextToken;
      if (token) {
        expect(token.length).toBeLessThanOrEqual(800);
        expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
        expect(Buffer.from(token, 'base64url').toString('latin1')).not.toMatch(/exec|xxxx|offset/);
      }
    } while (token);
    expect(ids).toEqual([
      longId(1),
      longId(2),
      longId(3),
      'exec-b-000',
      'exec-b-001',
      'exec-b-002',
    ]);
  });

  test('an absent page size means the model maximum', async () => {
    const page = await bed.qbusiness.send(
      new QBusinessListJobs({ applicationId: APP, indexId: QB_INDEX, dataSourceId: QB_SOURCE }),
    );
    expect(page.history).toHaveLength(10);
    expect(page.history!.every((job) => job.executionId!.length === 36)).toBe(true);
  });
});

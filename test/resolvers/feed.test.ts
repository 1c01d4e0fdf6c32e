/**
 * The cross-service feed (`Query.jobs`) and `Query.sources` over 3 Q Business applications,
 * 2 Kendra indexes and 3 knowledge bases, in both emulator token modes: merged order, the
 * connection contract, filters, paging while jobs arrive, and partial results.
 */
import { BASE_TIME, feedOrder, kendraJobs, multiSourceFixture } from '../helpers/fixtures';
import { startHarness, type Harness } from '../helpers/harness';

const FIXTURE = multiSourceFixture({ apps: 3, indexes: 2, kbs: 3, perIndex: 2, jobs: 12 });
const ORDER = feedOrder(FIXTURE);
const HOUR = 3_600_000;

const FEED = `query($first: Int, $after: String, $last: Int, $before: String, $filter: JobFilter) {
  jobs(first: $first, after: $after, last: $last, before: $before, filter: $filter) {
    edges { cursor node { jobId service state startedAt source { id sourceId name } } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;

/** The job ids of a forward walk of the feed from `after` to the end, in pages of `pageSize`. */
async function walkFeed(
  harness: Harness,
  args: Record<string, unknown>,
  pageSize: number,
  after: string | null = null,
  between?: (round: number) => Promise<void>,
): Promise<string[]> {
  const ids: string[] = [];
  for (let round = 0; round < 100; round++) {
    const response: any = await harness.gql(FEED, { ...args, first: pageSize, after });
    expect(response.errors).toBeUndefined();
    ids.push(...response.data.jobs.edges.map((e: any) => e.node.jobId));
    if (!response.data.jobs.pageInfo.hasNextPage) break;
    after = response.data.jobs.pageInfo.endCursor;
    await between?.(round);
  }
  return ids;
}

describe.each(['keyset', 'offset'] as const)('the job feed with %s tokens', (tokenMode) => {
  let harness: Harness;
  let sourceIds: Map<string, string>;
  beforeAll(async () => {
    harness = await startHarness(FIXTURE, { tokenMode });
    const { data } = await harness.gql(
      '{ sources(first: 100) { nodes { id sourceId service name } } }',
    );
    sourceIds = new Map(data.sources.nodes.map((s: any) => [s.sourceId, s.id]));
  });
  afterAll(() => harness.close());
  beforeEach(async () => {
    await harness.setFaults([]);
    await harness.loadFixture(FIXTURE);
    await harness.resetStats();
  });

  const walk = (
    args: Record<string, unknown>,
    pageSize: number,
    between?: (round: number) => Promise<void>,
  ) => walkFeed(harness, args, pageSize, null, between);

  it('lists every source of the three services', async () => {
    const { data } = await harness.gql(
      '{ sources(first: 100) { nodes { service } pageInfo { hasNextPage } } }',
    );
    const services = data.sources.nodes.map((n: any) => n.service);
    expect(services.filter((s: string) => s === 'KENDRA')).toHaveLength(4);
    expect(services.filter((s: string) => s === 'QBUSINESS')).toHaveLength(6);
    expect(services.filter((s: string) => s === 'QCONNECT')).toHaveLength(3);
  });

  it('merges all sources newest first, ties by service, source and job id, in pages', async () => {
    expect(await walk({}, 25)).toEqual(ORDER.map((r) => r.jobId));
  });

  it('pages backward over the merged feed with last/before', async () => {
    const pages: string[][] = [];
    let before: string | null = null;
    for (let round = 0; round < 50; round++) {
      const response: any = await harness.gql(FEED, { last: 30, before });
      expect(response.errors).toBeUndefined();
      pages.unshift(response.data.jobs.edges.map((e: any) => e.node.jobId));
      if (!response.data.jobs.pageInfo.hasPreviousPage) break;
      before = response.data.jobs.pageInfo.startCursor;
    }
    expect(pages.flat()).toEqual(ORDER.map((r) => r.jobId));
  });

  it('filters by state, service, source and an inclusive window', async () => {
    const after = new Date(BASE_TIME - 6 * HOUR).toISOString();
    const before = new Date(BASE_TIME - 2 * HOUR).toISOString();
    const expected = ORDER.filter(
      (r) =>
        ['FAILED', 'SUCCEEDED'].includes(r.state) &&
        r.service !== 'KENDRA' &&
        r.time >= Date.parse(after) &&
        r.time <= Date.parse(before),
    );
    const ids = await walk(
      {
        filter: {
          states: ['FAILED', 'SUCCEEDED'],
          services: ['QBUSINESS', 'QCONNECT'],
          startedAfter: after,
          startedBefore: before,
        },
      },
      7,
    );
    expect(ids).toEqual(expected.map((r) => r.jobId));

    const kendraSource = FIXTURE.kendra!.indices[1].dataSources[0];
    const one = await walk({ filter: { sources: [sourceIds.get(kendraSource.Id)] } }, 50);
    expect(one).toEqual(kendraSource.syncJobs.map((j) => j.ExecutionId));
  });

  it('answers a sources filter naming a source it does not serve with NOT_FOUND', async () => {
    const unknown = Buffer.from(
      JSON.stringify(['g1', 'KendraDataSource', FIXTURE.kendra!.indices[0].Id, 'not-served']),
    ).toString('base64url');
    const response = await harness.gql(FEED, { first: 5, filter: { sources: [unknown] } });
    expect(response.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('binds its cursor to the filter', async () => {
    const first: any = await harness.gql(FEED, { first: 5 });
    const other = await harness.gql(FEED, {
      first: 5,
      after: first.data.jobs.pageInfo.endCursor,
      filter: { states: ['FAILED'] },
    });
    expect(other.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('shows every job that existed when the walk began exactly once while new jobs start', async () => {
    const index = FIXTURE.kendra!.indices[0];
    const ids = await walk({}, 20, async (round) => {
      const start = Date.now() - 60_000 + round * 1000;
      await harness.addJobs({
        service: 'kendra',
        indexId: index.Id,
        dataSourceId: index.dataSources[0].Id,
        jobs: kendraJobs(2, 70 + round).map((job, i) => ({
          ...job,
          StartTime: new Date(start + i).toISOString(),
          EndTime: undefined,
          Status: 'SYNCING',
        })),
      });
      await harness.addJobs({
        service: 'kendra',
        indexId: index.Id,
        dataSourceId: index.dataSources[1].Id,
        jobs: kendraJobs(1, 90 + round).map((job) => ({
          ...job,
          StartTime: new Date(BASE_TIME + (round + 1) * HOUR).toISOString(),
        })),
      });
    });
    expect(ids).toEqual(ORDER.map((r) => r.jobId));
  });

  it('returns the other sources and one error per failed source when a source fails', async () => {
    const failing = FIXTURE.qbusiness!.applications[1].indices[0].dataSources[0];
    await harness.setFaults([
      { service: 'qbusiness', resourceId: failing.dataSourceId, denyAccess: true },
    ]);
    const response: any = await harness.gql(FEED, { first: 30 });
    expect(response.data.jobs.edges).toHaveLength(30);
    const failingJobs = new Set(failing.syncJobs.map((j) => j.executionId));
    const expected = ORDER.filter((r) => !failingJobs.has(r.jobId))
      .slice(0, 30)
      .map((r) => r.jobId);
    expect(response.data.jobs.edges.map((e: any) => e.node.jobId)).toEqual(expected);
    expect(response.errors).toHaveLength(1);
    expect(response.errors[0]).toMatchObject({
      path: ['jobs'],
      extensions: {
        code: 'UPSTREAM_ACCESS_DENIED',
        service: 'QBUSINESS',
        sourceId: sourceIds.get(failing.dataSourceId),
      },
    });
    // The next page asks the failed source again; once it answers, none of its jobs is lost.
    await harness.setFaults([]);
    const rest = [
      ...response.data.jobs.edges.map((e: any) => e.node.jobId),
      ...(await walkFeed(harness, {}, 40, response.data.jobs.pageInfo.endCursor)),
    ];
    expect(rest).toHaveLength(ORDER.length);
    expect(new Set(rest)).toEqual(new Set(ORDER.map((r) => r.jobId)));
  });

  it('never answers data: null when a whole service fails', async () => {
    await harness.setFaults([{ service: 'kendra', errorRate: 1 }]);
    const response: any = await harness.gql(FEED, { first: 10 });
    expect(response.data.jobs.edges.map((e: any) => e.node.service)).not.toContain('KENDRA');
    expect(response.data.jobs.edges).toHaveLength(10);
    const codes = response.errors.map((e: any) => `${e.extensions.code}/${e.extensions.service}`);
    expect(new Set(codes)).toEqual(new Set(['UPSTREAM_UNAVAILABLE/KENDRA']));
    expect(response.errors).toHaveLength(4);
  });
});

describe('when discovery finds a new source mid-walk', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness(FIXTURE, {}, { discoveryTtlSeconds: 0 });
  });
  afterAll(() => harness.close());

  it('keeps the cursors valid and adds the new source after the place the walk had reached', async () => {
    const first: any = await harness.gql(FEED, { first: 40 });
    const seenFirst = first.data.jobs.edges.map((e: any) => e.node.jobId);
    const lastTime = Date.parse(first.data.jobs.edges[39].node.startedAt);
    const extra = {
      knowledgeBaseId: '00000000-0000-4000-8000-00000000abcd',
      name: 'late arrival',
      knowledgeBaseType: 'QUICK_RESPONSES',
      importJobs: FIXTURE.qconnect!.knowledgeBases[0].importJobs.map((j, i) => ({
        ...j,
        importJobId: `00000000-0000-4000-9000-${String(i).padStart(12, '0')}`,
      })),
    };
    await harness.loadFixture({
      ...FIXTURE,
      qconnect: { knowledgeBases: [...FIXTURE.qconnect!.knowledgeBases, extra] },
    });

    const rest = await walkFeed(harness, {}, 40, first.data.jobs.pageInfo.endCursor);
    const original = ORDER.map((r) => r.jobId);
    expect([...seenFirst, ...rest.filter((id) => original.includes(id))]).toEqual(original);
    const newOnes = extra.importJobs
      .filter((j) => Date.parse(j.createdTime) < lastTime)
      .map((j) => j.importJobId);
    expect(rest.filter((id) => !original.includes(id)).sort()).toEqual(newOnes.sort());
  });
});

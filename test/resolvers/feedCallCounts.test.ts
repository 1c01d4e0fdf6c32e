/**
 * Batching, measured: in one request every upstream page and parent look-up is fetched once,
 * whatever the query's shape. Exact counts from /_emulator/stats over 60 sources, catalog warm.
 */
import { BASE_TIME, multiSourceFixture } from '../helpers/fixtures';
import { startHarness, type Harness } from '../helpers/harness';

// 10 Q Business applications × 3, 5 Kendra indexes × 3, 15 knowledge bases: 60 sources.
const FIXTURE = multiSourceFixture({ apps: 10, indexes: 5, kbs: 15, perIndex: 3, jobs: 15 });

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness(FIXTURE);
  await harness.gql('{ sources(first: 100) { nodes { id } } }');
});
afterAll(() => harness.close());
beforeEach(() => harness.resetStats());

// Each source's newest job is one of the 60 newest of the feed (sources are a minute apart), so
// a 20-job page needs exactly the first page of every source: one list call per source.
const ONE_CALL_PER_SOURCE = {
  'kendra.ListDataSourceSyncJobs': 15,
  'qbusiness.ListDataSourceSyncJobs': 30,
  'qconnect.ListImportJobs': 15,
};

it('reads a 60-source feed page with one list call per source', async () => {
  const response = await harness.gql('{ jobs(first: 20) { nodes { jobId } } }');
  expect(response.errors).toBeUndefined();
  expect(response.data.jobs.nodes).toHaveLength(20);
  expect(await harness.stats()).toEqual(ONE_CALL_PER_SOURCE);
});

it('fetches the same page requested twice through aliases once', async () => {
  const response = await harness.gql(
    '{ a: jobs(first: 20) { nodes { jobId } } b: jobs(first: 20) { edges { node { jobId } } } }',
  );
  expect(response.errors).toBeUndefined();
  expect(response.data.a.nodes).toEqual(response.data.b.edges.map((e: any) => e.node));
  expect(await harness.stats()).toEqual(ONE_CALL_PER_SOURCE);
});

it("adds no call for each job's source name (discovery already knows it)", async () => {
  const response = await harness.gql(
    '{ jobs(first: 20) { nodes { jobId source { name type status } } } }',
  );
  expect(response.errors).toBeUndefined();
  expect(response.data.jobs.nodes.every((n: any) => n.source.name.length > 0)).toBe(true);
  expect(await harness.stats()).toEqual(ONE_CALL_PER_SOURCE);
});

it("adds no call for each job's source and index names (discovery listed both)", async () => {
  const response = await harness.gql(`{ jobs(first: 60) { nodes { jobId source { name
    ... on KendraDataSource { index { id name } }
    ... on QBusinessDataSource { index { id name } } } } } }`);
  expect(response.errors).toBeUndefined();
  const indexNames = new Set(
    response.data.jobs.nodes.flatMap((n: any) => (n.source.index ? [n.source.index.name] : [])),
  );
  // 5 Kendra and 10 Q Business indexes, each named as the fixture names it.
  expect(indexNames.size).toBe(15);
  expect([...indexNames].every((name: any) => /^(kendra|qbusiness)-index-\d+$/.test(name))).toBe(
    true,
  );
  expect(await harness.stats()).toEqual(ONE_CALL_PER_SOURCE);
});

it('describes an index once when a field its listing lacks is asked', async () => {
  const response = await harness.gql(`{ jobs(first: 60) { nodes { source {
    ... on KendraDataSource { index { name description } } } } } }`);
  expect(response.errors).toBeUndefined();
  expect(await harness.stats()).toEqual({ ...ONE_CALL_PER_SOURCE, 'kendra.DescribeIndex': 5 });
});

it('scans only the window for a summary, at the largest page size', async () => {
  // 15 jobs an hour apart per source; a 6-hour window holds the 6 newest (plus the minutes offset).
  const startedAfter = new Date(BASE_TIME - 6 * 3_600_000 + 30 * 60_000).toISOString();
  const startedBefore = new Date(BASE_TIME).toISOString();
  const response = await harness.gql(
    `query($a: DateTime!, $b: DateTime) { jobSummary(filter: { startedAfter: $a, startedBefore: $b }) { total } }`,
    { a: startedAfter, b: startedBefore },
  );
  expect(response.errors).toBeUndefined();
  // Kendra and Q Business take the window: one page of at most 10 per source. Q Connect has no
  // filter: one page of 100 reaches past the window.
  expect(await harness.stats()).toEqual(ONE_CALL_PER_SOURCE);
  const inWindow = (iso: string) =>
    Date.parse(iso) >= Date.parse(startedAfter) && Date.parse(iso) <= Date.parse(startedBefore);
  const expected =
    FIXTURE.kendra!.indices.flatMap((i) => i.dataSources.flatMap((d) => d.syncJobs)).filter((j) =>
      inWindow(j.StartTime),
    ).length +
    FIXTURE.qbusiness!.applications.flatMap((a) =>
      a.indices.flatMap((i) => i.dataSources.flatMap((d) => d.syncJobs)),
    ).filter((j) => inWindow(j.startTime)).length +
    FIXTURE.qconnect!.knowledgeBases.flatMap((k) => k.importJobs).filter((j) =>
      inWindow(j.createdTime),
    ).length;
  expect(response.data.jobSummary.total).toBe(expected);
});

it('asks no source whose jobs cannot match the filter', async () => {
  // DELETED is an import job state: the 45 Kendra and Q Business sources are not asked.
  const deleted = await harness.gql(
    '{ jobs(first: 5, filter: { states: [DELETED] }) { nodes { service state } } }',
  );
  expect(deleted.errors).toBeUndefined();
  expect(
    deleted.data.jobs.nodes.every((n: any) => n.service === 'QCONNECT' && n.state === 'DELETED'),
  ).toBe(true);
  expect(await harness.stats()).toEqual({ 'qconnect.ListImportJobs': 15 });
  await harness.resetStats();
  const none = await harness.gql(
    '{ jobs(first: 5, filter: { states: [] }) { nodes { jobId } pageInfo { hasNextPage } } }',
  );
  expect(none.data.jobs).toEqual({ nodes: [], pageInfo: { hasNextPage: false } });
  expect(await harness.stats()).toEqual({});
});

it('pages on from a cursor read only through a fragment (cursors are built when named anywhere)', async () => {
  const first = await harness.gql(`{ jobs(first: 5) { nodes { jobId } ...Info } }
    fragment Info on JobConnection { pageInfo { ...Ends } }
    fragment Ends on PageInfo { endCursor }`);
  expect(first.errors).toBeUndefined();
  const after = first.data.jobs.pageInfo.endCursor;
  expect(typeof after).toBe('string');
  const whole = await harness.gql('{ jobs(first: 10) { nodes { jobId } } }');
  const next = await harness.gql(
    'query($after: String) { jobs(first: 5, after: $after) { nodes { jobId } } }',
    { after },
  );
  expect(next.errors).toBeUndefined();
  expect(next.data.jobs.nodes).toEqual(whole.data.jobs.nodes.slice(5));
});

it('answers every GraphQL response with Cache-Control: no-store', async () => {
  const response = await fetch(harness.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ jobs(first: 1) { nodes { jobId } } }' }),
  });
  expect(response.status).toBe(200);
  expect(response.headers.get('cache-control')).toBe('no-store');
});

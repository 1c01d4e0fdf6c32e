/**
 * DataLoader in every resolver that meets AWS: within one request, the same page or parent asked
 * for twice is fetched once. Counted with the emulator's /_emulator/stats, the catalog warmed first
 * so the counts are exact.
 */
import { KENDRA_DS, KENDRA_INDEX, KB, singleSourceFixture } from '../helpers/fixtures';
import { startHarness, type Harness } from '../helpers/harness';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness(singleSourceFixture(45));
  await harness.gql('{ sources(first: 100) { nodes { id } } }'); // warm discovery
});
afterAll(() => harness.close());
beforeEach(() => harness.resetStats());

const SYNC_JOBS = `syncJobs(first: 10) { nodes { jobId } }`;

it('coalesces the same page asked for twice through aliases and fragments', async () => {
  const response = await harness.gql(
    `query($idx: ID!, $ds: ID!) {
      a: kendraIndex(id: $idx) { dataSource(id: $ds) { ${SYNC_JOBS} } }
      b: kendraIndex(id: $idx) { dataSource(id: $ds) { ...jobs } }
    }
    fragment jobs on KendraDataSource { ${SYNC_JOBS} }`,
    { idx: KENDRA_INDEX, ds: KENDRA_DS },
  );
  expect(response.errors).toBeUndefined();
  expect(response.data.a.dataSource.syncJobs.nodes).toEqual(
    response.data.b.dataSource.syncJobs.nodes,
  );
  const stats = await harness.stats();
  // 10 jobs and a look-ahead page: two calls, made once for both aliases.
  expect(stats['kendra.ListDataSourceSyncJobs']).toBe(2);
});

it("makes one describe call for fifty jobs' shared data source", async () => {
  const response = await harness.gql(
    `query($idx: ID!, $ds: ID!) {
      kendraIndex(id: $idx) { dataSource(id: $ds) { syncJobs(first: 50) { nodes { jobId dataSource { name } } } } }
    }`,
    { idx: KENDRA_INDEX, ds: KENDRA_DS },
  );
  expect(response.errors).toBeUndefined();
  const nodes = response.data.kendraIndex.dataSource.syncJobs.nodes;
  expect(nodes).toHaveLength(45);
  expect(new Set(nodes.map((n: any) => n.dataSource.name))).toEqual(new Set(['hr-policies-s3']));
  const stats = await harness.stats();
  expect(stats['kendra.DescribeDataSource']).toBe(1);
  expect(stats['kendra.ListDataSourceSyncJobs']).toBe(5);
});

it('fetches parents only when a query asks for their fields', async () => {
  await harness.gql(
    `query($kb: ID!) { qconnectKnowledgeBase(id: $kb) { importJobs(first: 5) { nodes { jobId } } } }`,
    { kb: KB },
  );
  expect(await harness.stats()).toEqual({ 'qconnect.ListImportJobs': 1 });
  await harness.resetStats();
  await harness.gql(
    `query($kb: ID!) { qconnectKnowledgeBase(id: $kb) { name importJobs(first: 5) { nodes { knowledgeBase { name } } } } }`,
    { kb: KB },
  );
  expect(await harness.stats()).toEqual({
    'qconnect.ListImportJobs': 1,
    'qconnect.GetKnowledgeBase': 1,
  });
});

it('does not share pages between requests', async () => {
  const query = `query($kb: ID!) { qconnectKnowledgeBase(id: $kb) { importJobs(first: 5) { nodes { jobId } } } }`;
  await harness.gql(query, { kb: KB });
  await harness.gql(query, { kb: KB });
  expect((await harness.stats())['qconnect.ListImportJobs']).toBe(2);
});

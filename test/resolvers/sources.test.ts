/** `Query.sources`: discovery of every service, filters, and a service whose listing fails. */
import { multiSourceFixture } from '../helpers/fixtures';
import { startHarness, type Harness } from '../helpers/harness';

const FIXTURE = multiSourceFixture({ apps: 3, indexes: 2, kbs: 3, perIndex: 2, jobs: 2 });
const SOURCES = `query($filter: SourceFilter, $first: Int, $after: String) {
  sources(filter: $filter, first: $first, after: $after) {
    nodes { id service sourceId name type indexId applicationId }
    pageInfo { hasNextPage endCursor } } }`;

describe('with every service answering', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness(FIXTURE);
  });
  afterAll(() => harness.close());

  it("serves every source with its parents' ids, in pages", async () => {
    const first = await harness.gql(SOURCES, { first: 8 });
    const rest = await harness.gql(SOURCES, {
      first: 8,
      after: first.data.sources.pageInfo.endCursor,
    });
    const all = [...first.data.sources.nodes, ...rest.data.sources.nodes];
    expect(all).toHaveLength(13);
    expect(rest.data.sources.pageInfo.hasNextPage).toBe(false);
    const qb = all.find((s: any) => s.service === 'QBUSINESS');
    expect(qb.applicationId).toHaveLength(36);
    expect(qb.indexId).toHaveLength(36);
    expect(all.find((s: any) => s.service === 'QCONNECT')).toMatchObject({
      indexId: null,
      applicationId: null,
      type: 'QUICK_RESPONSES',
    });
  });

  it('filters by service and by a case-insensitive search in names and ids', async () => {
    const kendra = await harness.gql(SOURCES, { filter: { services: ['KENDRA'] } });
    expect(kendra.data.sources.nodes.map((s: any) => s.service)).toEqual([
      'KENDRA',
      'KENDRA',
      'KENDRA',
      'KENDRA',
    ]);
    const search = await harness.gql(SOURCES, { filter: { search: 'QBUSINESS-SOURCE-1-' } });
    expect(search.data.sources.nodes.map((s: any) => s.name).sort()).toEqual([
      'qbusiness-source-1-0',
      'qbusiness-source-1-1',
    ]);
  });

  it("lists one index's data sources", async () => {
    const index = FIXTURE.kendra!.indices[1];
    const { data } = await harness.gql(
      `query($id: ID!) { kendraIndex(id: $id) { name dataSources { nodes { sourceId } } } }`,
      { id: index.Id },
    );
    expect(data.kendraIndex.name).toBe(index.Name);
    expect(data.kendraIndex.dataSources.nodes.map((n: any) => n.sourceId).sort()).toEqual(
      index.dataSources.map((d) => d.Id).sort(),
    );
  });
});

describe('with one service failing its listing', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness(FIXTURE, {
      faults: [{ service: 'qconnect', operation: 'ListKnowledgeBases', denyAccess: true }],
    });
  });
  afterAll(() => harness.close());

  it('serves the other services and reports the failed one', async () => {
    const response = await harness.gql(SOURCES, { first: 50 });
    expect(response.data.sources.nodes).toHaveLength(10);
    expect(response.errors).toEqual([
      expect.objectContaining({
        path: ['sources'],
        extensions: expect.objectContaining({
          code: 'UPSTREAM_ACCESS_DENIED',
          service: 'QCONNECT',
        }),
      }),
    ]);
  });

  it('lists it again on the next request once it answers', async () => {
    await harness.setFaults([]);
    const response = await harness.gql(SOURCES, { first: 50 });
    expect(response.errors).toBeUndefined();
    expect(response.data.sources.nodes).toHaveLength(13);
  });
});

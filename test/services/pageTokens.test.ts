/**
 * A page token is the client's only when it came from a cursor: a ValidationException on a page the
 * gateway asked for itself (a second page in one request, a discovery listing) is not
 * CURSOR_EXPIRED, while one on a cursor's token still is.
 */
import { askPage, fetchPage } from '../helpers/connections';
import { id36, singleSourceFixture } from '../helpers/fixtures';
import { startHarness, type Harness } from '../helpers/harness';

const OPERATIONS = {
  KENDRA: { service: 'kendra', operation: 'ListDataSourceSyncJobs' },
  QBUSINESS: { service: 'qbusiness', operation: 'ListDataSourceSyncJobs' },
} as const;

describe('job pages', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness(singleSourceFixture(15));
  });
  afterAll(() => harness.close());
  beforeEach(() => harness.setFaults([]));

  it.each(['KENDRA', 'QBUSINESS'] as const)(
    "reports a %s ValidationException on the gateway's own second page as invalid, not expired",
    async (service) => {
      // The first call passes; the second (same request, the token of the first page) is refused.
      await harness.setFaults([
        { ...OPERATIONS[service], afterRequests: 1, validationError: true },
      ]);
      const response = await askPage(harness, service, { first: 12 });
      expect(response.errors?.map((error) => error.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    },
  );

  it.each(['KENDRA', 'QBUSINESS'] as const)(
    "still reports a %s ValidationException on a cursor's token as CURSOR_EXPIRED",
    async (service) => {
      const first = await fetchPage(harness, service, { first: 10 });
      await harness.setFaults([{ ...OPERATIONS[service], validationError: true }]);
      const response = await askPage(harness, service, {
        first: 3,
        after: first.pageInfo.endCursor,
      });
      expect(response.errors?.map((error) => error.extensions?.code)).toEqual(['CURSOR_EXPIRED']);
    },
  );
});

describe('discovery', () => {
  const APP = id36('app', 7);
  const INDEX = id36('idx', 7);
  let harness: Harness;
  beforeAll(async () => {
    const dataSources = Array.from({ length: 11 }, (_, d) => ({
      dataSourceId: id36('qds', d),
      displayName: `source-${d}`,
      type: 'WEBCRAWLER',
      syncJobs: [],
    }));
    harness = await startHarness({
      qbusiness: {
        applications: [
          {
            applicationId: APP,
            displayName: 'app',
            indices: [{ indexId: INDEX, displayName: 'index', dataSources }],
          },
        ],
      },
    });
  });
  afterAll(() => harness.close());

  it('reports a ValidationException on its own second ListDataSources page as invalid, not expired', async () => {
    // Q Business lists 10 data sources a page: the 11th needs a second page, with a token.
    await harness.setFaults([
      {
        service: 'qbusiness',
        operation: 'ListDataSources',
        afterRequests: 1,
        validationError: true,
      },
    ]);
    const response = await harness.gql('{ sources(first: 20) { nodes { sourceId } } }');
    expect(response.data?.sources.nodes).toEqual([]);
    expect(
      response.errors?.map((error) => [error.extensions?.service, error.extensions?.code]),
    ).toEqual([['QBUSINESS', 'BAD_USER_INPUT']]);
    expect(await harness.stats()).toMatchObject({ 'qbusiness.ListDataSources': 2 });
  });
});

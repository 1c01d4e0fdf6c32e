/**
 * The cost budget in upstream calls: estimated before execution (a document over the limit is
 * refused with zero upstream calls, discovery included), capped during execution, and reported
 * in `extensions.cost` of every response.
 */
import { BASE_TIME, singleSourceFixture } from '../helpers/fixtures';
import { startHarness, type Harness } from '../helpers/harness';

const HOUR = 3_600_000;
/** The document that made 16,008 upstream calls: 1,000 aliases, each with its own window. */
const FLOOD = `{ ${Array.from(
  { length: 1000 },
  (_, i) =>
    `a${i}: jobs(first: 100, filter: { startedBefore: "${new Date(BASE_TIME - i * 60_000).toISOString()}" }) { nodes { id } }`,
).join('\n')} }`;

let standard: Harness;
let lifted: Harness;
beforeAll(async () => {
  standard = await startHarness(singleSourceFixture(100));
  // Document-shape limits lifted, so only the cost budget stands between the flood and AWS.
  lifted = await startHarness(
    singleSourceFixture(200),
    {},
    {
      maxCost: 12,
      documentLimits: { maxAliases: 5000, maxRootFields: 5000, maxTokens: 200_000 },
    },
  );
});
afterAll(async () => {
  await standard.close();
  await lifted.close();
});
beforeEach(async () => {
  await standard.resetStats();
  await lifted.resetStats();
});

function total(stats: Record<string, number>): number {
  return Object.values(stats).reduce((sum, n) => sum + n, 0);
}

it('refuses the 1,000-alias flood with zero upstream calls', async () => {
  const response = await standard.gql(FLOOD);
  expect(response.data).toBeUndefined();
  expect(response.errors?.[0].extensions?.code).toBe('QUERY_TOO_COMPLEX');
  expect(await standard.stats()).toEqual({});
});

it('refuses the flood on its estimated cost alone, before discovery, with the cost and the limit', async () => {
  const response = await lifted.gql(FLOOD);
  expect(response.errors).toHaveLength(1);
  const error = response.errors![0];
  expect(error.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 12 });
  expect(error.extensions!.cost).toBeGreaterThanOrEqual(16_000);
  expect((response as any).extensions.cost).toEqual({
    estimated: error.extensions!.cost,
    actual: 0,
    limit: 12,
  });
  expect(await lifted.stats()).toEqual({});
});

it('reports estimated, actual and limit on every response; actual is the calls this request made', async () => {
  const response = await standard.gql('{ jobs(first: 5) { nodes { id } } }');
  expect(response.errors).toBeUndefined();
  const cost = (response as any).extensions.cost;
  expect(cost.limit).toBe(1000);
  expect(cost.actual).toBe(total(await standard.stats()));
  expect(cost.actual).toBeGreaterThan(0);
  expect(cost.estimated).toBeGreaterThanOrEqual(cost.actual);
  await standard.resetStats();
  const again = await standard.gql('{ __typename }');
  expect((again as any).extensions.cost).toEqual({ estimated: 0, actual: 0, limit: 1000 });
});

it('caps the calls made during execution: past the limit the field errs and what was read stays', async () => {
  // Warm the catalog so the estimate (9 pages for an 8-day window, 20 needed) fits the limit of 12.
  await lifted.gql('{ sources { nodes { id } } }');
  await lifted.resetStats();
  const window = {
    startedAfter: new Date(BASE_TIME - 192 * HOUR).toISOString(),
    startedBefore: new Date(BASE_TIME).toISOString(),
  };
  const response = await lifted.gql(
    `query($f: JobFilter!) { sources(filter: { services: [KENDRA] }) { nodes { sourceId } }
       jobSummary(filter: $f) { total } }`,
    { f: { ...window, services: ['KENDRA'] } },
  );
  expect(response.data.sources.nodes).toEqual([{ sourceId: 'ds-hr-policies' }]);
  expect(response.errors?.map((e) => e.extensions?.code)).toEqual(['QUERY_TOO_COMPLEX']);
  expect((response as any).extensions.cost).toEqual({ estimated: 9, actual: 12, limit: 12 });
  expect(await lifted.stats()).toEqual({ 'kendra.ListDataSourceSyncJobs': 12 });
});

it.each([
  // Kendra and Q Business: 21 items at 10 a page is 3 calls each; Q Connect: 1 call at 100 a page.
  ['{ jobs(first: 20) { nodes { id } } }', 7],
  // Three sources, 6 items each: one page each.
  ['{ sources { nodes { jobs(first: 5) { nodes { id } } } } }', 3],
  // Aliases count as often as they occur; fragments where they are spread.
  [
    '{ a: jobs(first: 20) { nodes { id } } b: jobs(first: 20) { ...J } } fragment J on JobConnection { nodes { id } }',
    14,
  ],
  // A job's source, described at most once per source.
  ['{ jobs(first: 20) { nodes { source { name } } } }', 10],
  ['query { nodes(ids: ["a", "b", "c"]) { id } }', 3],
])('estimates %s at %i calls once the sources are known', async (query, estimated) => {
  await standard.gql('{ sources { nodes { id } } }');
  const response = await standard.gql(query);
  expect((response as any).extensions.cost.estimated).toBe(estimated);
  expect((response as any).extensions.cost.actual).toBeLessThanOrEqual(estimated);
});

/**
 * Upstream rates at the gateway's edge: the configured rate of each operation and the rate in
 * force are exported as metrics; a call the service throttles halves its operation's rate.
 */
import { singleSourceFixture } from '../helpers/fixtures';
import { startHarness, type Harness } from '../helpers/harness';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness(singleSourceFixture(30), {}, { upstreamRate: 50 });
});
afterAll(() => harness.close());

async function metrics(): Promise<string> {
  return (await fetch(harness.gatewayUrl.replace(/graphql$/, 'metrics'))).text();
}

it("exports each operation's configured rate and the rate in force, which throttling halves", async () => {
  expect((await harness.gql('{ sources { nodes { id } } }')).errors).toBeUndefined();
  let text = await metrics();
  expect(text).toContain(
    'syncjobs_upstream_rate_limit{service="KENDRA",operation="ListIndices"} 50',
  );
  expect(text).toContain('syncjobs_upstream_rate{service="KENDRA",operation="ListIndices"} 50');

  // The emulator lets one call through, then throttles: the second page of the history.
  await harness.setFaults([
    { service: 'kendra', operation: 'ListDataSourceSyncJobs', throttleRps: 0.001 },
  ]);
  await harness.resetStats();
  const response = await harness.gql(
    '{ jobs(first: 15, filter: { services: [KENDRA] }) { nodes { id } } }',
  );
  expect(response.errors?.map((e) => e.extensions?.code)).toEqual(['UPSTREAM_THROTTLED']);
  expect(await harness.stats()).toEqual({ 'kendra.ListDataSourceSyncJobs': 2 });
  text = await metrics();
  expect(text).toContain(
    'syncjobs_upstream_rate_limit{service="KENDRA",operation="ListDataSourceSyncJobs"} 50',
  );
  expect(text).toMatch(
    /syncjobs_upstream_rate\{service="KENDRA",operation="ListDataSourceSyncJobs"\} 2\d(\.\d+)?\n/,
  );
});

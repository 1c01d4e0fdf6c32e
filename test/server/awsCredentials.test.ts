/**
 * The gateway's own AWS credentials missing or expired at run time: an INTERNAL_SERVER_ERROR that
 * says so (never UPSTREAM_ACCESS_DENIED, which stays for AWS refusing a valid identity), logged
 * at most once a minute on the gateway's clock, and `/readyz` not ready.
 */
import { BASE_TIME, singleSourceFixture } from '../helpers/fixtures';
import { startHarness, type Harness } from '../helpers/harness';
import { captureLogs, type LogCapture } from '../helpers/logCapture';

let harness: Harness;
let logs: LogCapture;
let clock = BASE_TIME;
beforeAll(async () => {
  logs = captureLogs();
  harness = await startHarness(
    singleSourceFixture(1),
    {},
    {
      now: () => clock,
      logLevel: 'info',
      logDestination: logs.destination,
      // What the SDK's default chain throws when it finds nothing.
      credentials: async () => {
        throw Object.assign(new Error('Could not load credentials from any providers'), {
          name: 'CredentialsProviderError',
        });
      },
    },
  );
});
afterAll(() => harness.close());

const problemLines = () => logs.lines().filter((line) => line.reason === 'AWS_CREDENTIALS');

it('answers with INTERNAL_SERVER_ERROR saying the credentials are missing or expired, logged once a minute', async () => {
  const first = await harness.gql('{ sources { nodes { name } } }');
  expect(first.errors!.length).toBeGreaterThan(0);
  for (const error of first.errors!) {
    expect(error.message).toMatch(/^The gateway's AWS credentials are missing or expired/);
    expect(error.extensions).toMatchObject({
      code: 'INTERNAL_SERVER_ERROR',
      reason: 'AWS_CREDENTIALS',
    });
  }
  expect(JSON.stringify(first)).not.toContain('UPSTREAM_ACCESS_DENIED');
  expect(problemLines()).toHaveLength(1);
  expect(problemLines()[0].msg).toMatch(/credentials are missing or expired/);

  await harness.gql('{ sources { nodes { name } } }');
  clock += 59_000;
  await harness.gql('{ sources { nodes { name } } }');
  expect(problemLines()).toHaveLength(1);

  clock += 1_000;
  await harness.gql('{ sources { nodes { name } } }');
  expect(problemLines()).toHaveLength(2);
});

it('is not ready, and says why', async () => {
  const response = await fetch(harness.gatewayUrl.replace(/\/graphql$/, '/readyz'));
  expect(response.status).toBe(503);
  const body = (await response.json()) as any;
  const kendra = body.failing.find((check: { name: string }) => check.name === 'kendra');
  expect(kendra.reason).toMatch(/AWS credentials are missing or expired/);
});

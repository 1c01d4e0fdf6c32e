/** The HTTP edge: health, Prometheus metrics, the IDE page, and bad requests answered as 4xx. */
import { singleSourceFixture } from '../helpers/fixtures';
import { startHarness, type Harness } from '../helpers/harness';

let harness: Harness;
let base: string;
beforeAll(async () => {
  harness = await startHarness(singleSourceFixture(3));
  base = harness.gatewayUrl.replace(/\/graphql$/, '');
});
afterAll(() => harness.close());

it('answers liveness at /healthz', async () => {
  const response = await fetch(`${base}/healthz`);
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({ status: 'ok' });
});

it('answers readiness at /readyz: ready on its in-memory store', async () => {
  const response = await fetch(`${base}/readyz`);
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({ status: 'ready' });
});

it('counts upstream calls by service, operation and outcome at /metrics', async () => {
  // /readyz's probes count too, so compare before and after one discovery.
  const listIndices = async () => {
    const text = await (await fetch(`${base}/metrics`)).text();
    const line =
      /syncjobs_upstream_calls_total\{service="KENDRA",operation="ListIndices",outcome="ok"\} (\d+)/;
    return { count: Number(text.match(line)?.[1] ?? 0), text };
  };
  const before = await listIndices();
  await harness.gql('{ sources { nodes { id } } }');
  const after = await listIndices();
  expect(after.count).toBe(before.count + 1);
  expect(after.text).toContain('syncjobs_upstream_call_seconds_bucket');
});

it('serves the IDE page to a browser', async () => {
  const response = await fetch(harness.gatewayUrl, { headers: { accept: 'text/html' } });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/html');
});

it('answers a body that is not JSON with 400 and a JSON error, and keeps serving', async () => {
  const response = await fetch(harness.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{"query": ',
  });
  expect(response.status).toBe(400);
  expect(((await response.json()) as any).errors[0].extensions.code).toBe('BAD_REQUEST');
  expect((await harness.gql('{ __typename }')).data).toEqual({ __typename: 'Query' });
});

it('answers an unknown path with 404', async () => {
  const response = await fetch(`${base}/nope`);
  expect(response.status).toBe(404);
});

/**
 * The HTTP edge refuses what it cannot take with a status and a JSON error, never with a reset:
 * oversize bodies (413), other media types (415); the connection stays usable afterwards.
 */
import http from 'node:http';
import { singleSourceFixture } from '../helpers/fixtures';
import { startHarness, type Harness } from '../helpers/harness';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness(singleSourceFixture(3));
});
afterAll(() => harness.close());

/** A raw POST over one keep-alive agent, so a reset would surface as a rejected promise. */
function post(body: string | Buffer, headers: Record<string, string>, agent?: http.Agent) {
  const url = new URL(harness.gatewayUrl);
  return new Promise<{ status: number; json: any }>((resolve, reject) => {
    const req = http.request(
      { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers, agent },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, json: text ? JSON.parse(text) : undefined });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

it('answers a body over 1 MiB with 413 and a JSON error, and the same connection serves the next request', async () => {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const big = JSON.stringify({ query: `{ __typename }`, padding: 'x'.repeat(1024 * 1024 + 10) });
  const refused = await post(big, { 'content-type': 'application/json' }, agent);
  expect(refused.status).toBe(413);
  expect(refused.json.errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
  expect(refused.json.errors[0].message).toContain('1048576 bytes');
  const next = await post(
    JSON.stringify({ query: '{ __typename }' }),
    { 'content-type': 'application/json' },
    agent,
  );
  expect(next).toMatchObject({ status: 200, json: { data: { __typename: 'Query' } } });
  agent.destroy();
});

it('answers an oversize body sent without a length (chunked) with 413 too', async () => {
  const chunks = await fetch(harness.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: new Blob(['{"query":"{ __typename }","x":"', 'y'.repeat(2 * 1024 * 1024), '"}']).stream(),
    duplex: 'half',
  } as RequestInit);
  expect(chunks.status).toBe(413);
  expect(((await chunks.json()) as any).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
});

it.each([['text/xml'], ['text/plain'], ['application/x-www-form-urlencoded']])(
  'answers a %s body with 415 without executing it',
  async (type) => {
    await harness.resetStats();
    const response = await post(JSON.stringify({ query: '{ sources { nodes { id } } }' }), {
      'content-type': type,
    });
    expect(response.status).toBe(415);
    expect(response.json.errors[0].extensions.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(await harness.stats()).toEqual({});
  },
);

it("accepts application/json with a charset and GraphQL over HTTP's media type", async () => {
  const query = JSON.stringify({ query: '{ __typename }' });
  for (const type of ['application/json; charset=utf-8', 'application/graphql-response+json']) {
    expect(await post(query, { 'content-type': type })).toMatchObject({
      status: 200,
      json: { data: { __typename: 'Query' } },
    });
  }
});

it('still answers GET queries', async () => {
  const response = await fetch(
    `${harness.gatewayUrl}?query=${encodeURIComponent('{ __typename }')}`,
    {
      headers: { 'apollo-require-preflight': 'true' },
    },
  );
  expect(response.status).toBe(200);
  expect(await response.json()).toMatchObject({ data: { __typename: 'Query' } });
});

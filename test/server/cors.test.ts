/**
 * CORS: no cross-origin access by default; the `--cors-origin` list (exact origins and wildcard
 * hosts) with the headers browser clients send; localhost pages in development mode; nothing at
 * all for a disallowed origin; and Apollo's CSRF prevention still on.
 */
import { originMatcher } from '../../src/server/corsPolicy';
import { singleSourceFixture } from '../helpers/fixtures';
import { startHarness, type Harness } from '../helpers/harness';

const HEADERS = [
  'authorization',
  'content-type',
  'apollo-require-preflight',
  'apollographql-client-name',
  'apollographql-client-version',
  'x-request-id',
];

function preflight(url: string, origin: string) {
  return fetch(url, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'authorization,content-type,x-request-id',
    },
  });
}

function query(url: string, origin: string) {
  return fetch(url, {
    method: 'POST',
    headers: { origin, 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ __typename }' }),
  });
}

describe('with --cors-origin', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness(
      singleSourceFixture(1),
      {},
      {
        corsOrigins: ['https://app.example.org', 'https://*.example.com'],
      },
    );
  });
  afterAll(() => harness.close());

  it.each(['https://app.example.org', 'https://dash.example.com', 'https://a.b.example.com'])(
    'answers a preflight from the allowed origin %s with its origin and the client headers',
    async (origin) => {
      const response = await preflight(harness.gatewayUrl, origin);
      expect(response.status).toBe(204);
      expect(response.headers.get('access-control-allow-origin')).toBe(origin);
      expect(response.headers.get('access-control-allow-headers')!.split(',')).toEqual(
        expect.arrayContaining(HEADERS),
      );
      expect(response.headers.get('access-control-allow-methods')).toContain('POST');
    },
  );

  it.each([
    'https://evil.example.net',
    'http://app.example.org',
    'https://example.com',
    'https://app.example.org.evil.net',
    'http://localhost:3000',
  ])('gives the disallowed origin %s no access-control-allow-origin at all', async (origin) => {
    const response = await preflight(harness.gatewayUrl, origin);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    const answer = await query(harness.gatewayUrl, origin);
    expect(answer.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('lets an allowed page read the answer and its request id', async () => {
    const response = await query(harness.gatewayUrl, 'https://dash.example.com');
    expect(response.headers.get('access-control-allow-origin')).toBe('https://dash.example.com');
    expect(response.headers.get('access-control-expose-headers')).toContain('x-request-id');
    expect(((await response.json()) as any).data).toEqual({ __typename: 'Query' });
  });

  it('keeps CSRF prevention on: simple cross-site requests, which need no preflight, are refused', async () => {
    // A GET with a query and none of the headers that force a preflight: Apollo's CSRF check.
    const get = await fetch(`${harness.gatewayUrl}?query=${encodeURIComponent('{ __typename }')}`, {
      headers: { origin: 'https://evil.example.net' },
    });
    expect(get.status).toBe(400);
    expect(await get.text()).toMatch(/CSRF/);
    // A form-like POST (text/plain) never reaches execution either.
    const post = await fetch(harness.gatewayUrl, {
      method: 'POST',
      headers: { origin: 'https://evil.example.net', 'content-type': 'text/plain' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(post.status).toBeGreaterThanOrEqual(400);
    expect(((await post.json()) as any).data).toBeUndefined();
  });
});

it('allows no origin by default, not even localhost outside development mode', async () => {
  const harness = await startHarness(singleSourceFixture(1));
  try {
    for (const origin of ['http://localhost:3000', 'https://app.example.org']) {
      const response = await preflight(harness.gatewayUrl, origin);
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
    }
  } finally {
    await harness.close();
  }
});

it('allows pages of localhost and 127.0.0.1 on any port in development mode, and no others', async () => {
  const harness = await startHarness(singleSourceFixture(1), {}, { development: true });
  try {
    for (const origin of ['http://localhost:3000', 'http://127.0.0.1:5173']) {
      expect(
        (await preflight(harness.gatewayUrl, origin)).headers.get('access-control-allow-origin'),
      ).toBe(origin);
    }
    const other = await preflight(harness.gatewayUrl, 'https://app.example.org');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  } finally {
    await harness.close();
  }
});

it('refuses a --cors-origin entry that is not an origin, saying what is expected', () => {
  expect(() => originMatcher('https://app.example.org/path')).toThrow(
    /not an origin \(scheme:\/\/host\[:port\]/,
  );
  expect(() => originMatcher('app.example.org')).toThrow(/needs its scheme/);
  expect(() => originMatcher('*')).toThrow(/not an origin/);
});

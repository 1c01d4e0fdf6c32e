/**
 * Authentication at the edge and scopes per field: JWTs checked against a JWKS the test serves on
 * loopback (expiry, issuer, audience, unknown and rotated keys), static API keys from a file, 401
 * with `WWW-Authenticate: Bearer`, and FORBIDDEN fields for a caller without the scope.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startGateway } from '../../src/server/createGateway';
import { KB, KENDRA_DS, KENDRA_INDEX, singleSourceFixture } from '../helpers/fixtures';
import { startHarness, type Harness } from '../helpers/harness';
import { bearer, postGraphql } from '../helpers/http';
import { AUDIENCE, ISSUER, startTestIdp, type TestIdp } from '../helpers/jwks';

const READER_KEY = 'reader-key-0123456789abcdef';
const HASHED_KEY = 'hashed-key-0123456789abcdef';
const DOTTED_KEY = 'looks.like-a.jwt-0123456789';
const SOURCES = '{ sources { nodes { name } } }';
const START = 'mutation($id: ID!) { startSync(dataSourceId: $id) { state } }';

let idp: TestIdp;
let harness: Harness;
let dataSourceId: string;

beforeAll(async () => {
  idp = await startTestIdp();
  await idp.addKey('key-1');
  const dir = mkdtempSync(join(tmpdir(), 'sjg-keys-'));
  const keysFile = join(dir, 'api-keys');
  const hash = createHash('sha256').update(HASHED_KEY).digest('hex');
  writeFileSync(
    keysFile,
    `# name key scopes\nreader ${READER_KEY} jobs:read\nops sha256:${hash} jobs:read jobs:sync\ndotted ${DOTTED_KEY} jobs:read\n`,
  );
  harness = await startHarness(
    singleSourceFixture(3),
    { jobDurationSeconds: 600 },
    {
      auth: {
        jwt: { jwksUrl: idp.jwksUrl, issuer: ISSUER, audience: AUDIENCE, jwksCooldownMs: 0 },
        apiKeysFile: keysFile,
      },
    },
  );
  const { body } = await postGraphql(
    harness.gatewayUrl,
    'query($k: ID!, $d: ID!) { kendraIndex(id: $k) { dataSource(id: $d) { id } } }',
    bearer(READER_KEY),
    { k: KENDRA_INDEX, d: KENDRA_DS },
  );
  dataSourceId = body.data.kendraIndex.dataSource.id;
});
afterAll(async () => {
  await harness.close();
  await idp.close();
});
beforeEach(() => harness.resetStats());

function expectRefused(result: { status: number; headers: Headers; body: any }, reason: RegExp) {
  expect(result.status).toBe(401);
  expect(result.headers.get('www-authenticate')).toMatch(/^Bearer /);
  expect(result.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  expect(result.body.errors[0].message).toMatch(reason);
  expect(result.body.data).toBeUndefined();
}

describe('JWT bearer tokens', () => {
  it('refuses a request without credentials with 401 and asks nothing upstream', async () => {
    const result = await postGraphql(harness.gatewayUrl, SOURCES);
    expectRefused(result, /Authentication required/);
    expect(result.headers.get('www-authenticate')).toBe('Bearer realm="syncjobs-gateway"');
    expect(await harness.stats()).toEqual({});
  });

  it('refuses a GET that names only a persisted query, without a query text', async () => {
    const extensions = JSON.stringify({
      persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) },
    });
    const response = await fetch(
      `${harness.gatewayUrl}?extensions=${encodeURIComponent(extensions)}`,
      {
        headers: { 'apollo-require-preflight': 'true' },
      },
    );
    expect(response.status).toBe(401);
    expect(((await response.json()) as any).errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('serves a valid token with the jobs:read scope', async () => {
    const token = await idp.sign('key-1', { scope: 'jobs:read' });
    const result = await postGraphql(harness.gatewayUrl, SOURCES, bearer(token));
    expect(result.status).toBe(200);
    expect(result.body.errors).toBeUndefined();
    expect(result.body.data.sources.nodes).toHaveLength(3);
  });

  it('refuses an expired token', async () => {
    const hourAgo = Math.floor(Date.now() / 1000) - 3600;
    const token = await idp.sign('key-1', { scope: 'jobs:read', iat: hourAgo - 60, exp: hourAgo });
    expectRefused(await postGraphql(harness.gatewayUrl, SOURCES, bearer(token)), /expired/);
  });

  it('accepts a token expired within the allowed clock skew (30 s by default)', async () => {
    const now = Math.floor(Date.now() / 1000);
    const token = await idp.sign('key-1', { scope: 'jobs:read', iat: now - 600, exp: now - 10 });
    expect((await postGraphql(harness.gatewayUrl, SOURCES, bearer(token))).status).toBe(200);
  });

  it('refuses a token of another issuer', async () => {
    const token = await idp.sign('key-1', { scope: 'jobs:read', iss: 'https://evil.example' });
    expectRefused(await postGraphql(harness.gatewayUrl, SOURCES, bearer(token)), /"iss" claim/);
  });

  it('refuses a token for another audience', async () => {
    const token = await idp.sign('key-1', { scope: 'jobs:read', aud: 'another-api' });
    expectRefused(await postGraphql(harness.gatewayUrl, SOURCES, bearer(token)), /"aud" claim/);
  });

  it('refuses an unknown kid, and accepts it once the key set publishes it (rotation)', async () => {
    await idp.addKey('key-2', false);
    const token = await idp.sign('key-2', { scope: 'jobs:read' });
    const before = idp.fetches();
    expectRefused(
      await postGraphql(harness.gatewayUrl, SOURCES, bearer(token)),
      /no key .* matches the token's kid/,
    );
    expect(idp.fetches()).toBe(before + 1);

    idp.publish('key-2');
    const result = await postGraphql(harness.gatewayUrl, SOURCES, bearer(token));
    expect(result.status).toBe(200);
    expect(result.body.data.sources.nodes).toHaveLength(3);
  });

  it('refuses a token signed by a key outside the key set even when it names a known kid', async () => {
    await idp.addKey('impostor', false);
    const token = await idp.sign('impostor', { scope: 'jobs:read' });
    const forged = `${(await idp.sign('key-1')).split('.')[0]}.${token.split('.').slice(1).join('.')}`;
    expectRefused(await postGraphql(harness.gatewayUrl, SOURCES, bearer(forged)), /signature/);
  });
});

describe('scopes', () => {
  it('answers startSync with FORBIDDEN for a read-only token, and starts nothing', async () => {
    const token = await idp.sign('key-1', { scope: 'jobs:read' });
    const result = await postGraphql(harness.gatewayUrl, START, bearer(token), {
      id: dataSourceId,
    });
    expect(result.status).toBe(200);
    expect(result.body.errors).toEqual([
      expect.objectContaining({
        path: ['startSync'],
        extensions: expect.objectContaining({ code: 'FORBIDDEN', scope: 'jobs:sync' }),
      }),
    ]);
    expect(result.body.data).toBeNull();
    expect((await harness.stats())['kendra.StartDataSourceSyncJob']).toBeUndefined();
  });

  it('starts a sync for a token with jobs:sync', async () => {
    const token = await idp.sign('key-1', { scope: 'jobs:read jobs:sync' });
    const result = await postGraphql(harness.gatewayUrl, START, bearer(token), {
      id: dataSourceId,
    });
    expect(result.body.errors).toBeUndefined();
    expect(result.body.data.startSync.state).toBe('RUNNING');
    expect((await harness.stats())['kendra.StartDataSourceSyncJob']).toBe(1);
  });

  it('nulls only the fields a caller has no scope for and serves the rest', async () => {
    const token = await idp.sign('key-1', { scope: 'jobs:sync' });
    const result = await postGraphql(
      harness.gatewayUrl,
      'query($k: ID!) { __typename kendraIndex(id: $k) { name } }',
      bearer(token),
      { k: KENDRA_INDEX },
    );
    expect(result.body.data).toEqual({ __typename: 'Query', kendraIndex: null });
    expect(result.body.errors.map((e: any) => [e.path, e.extensions.code])).toEqual([
      [['kendraIndex'], 'FORBIDDEN'],
    ]);
  });
});

describe('service scopes', () => {
  it('shows a caller with service:kendra only Kendra, without asking the other services for jobs', async () => {
    const token = await idp.sign('key-1', { scope: 'jobs:read service:kendra' });
    const result = await postGraphql(
      harness.gatewayUrl,
      '{ sources { nodes { service } } jobs(first: 10) { nodes { service } } }',
      bearer(token),
    );
    expect(result.body.errors).toBeUndefined();
    expect(result.body.data.sources.nodes).toEqual([{ service: 'KENDRA' }]);
    expect(new Set(result.body.data.jobs.nodes.map((node: any) => node.service))).toEqual(
      new Set(['KENDRA']),
    );
    const stats = await harness.stats();
    expect(stats['kendra.ListDataSourceSyncJobs']).toBeGreaterThan(0);
    expect(stats['qbusiness.ListDataSourceSyncJobs']).toBeUndefined();
    expect(stats['qconnect.ListImportJobs']).toBeUndefined();
  });

  it('answers an id of another service as NOT_FOUND, revealing nothing', async () => {
    const token = await idp.sign('key-1', { scope: 'jobs:read service:kendra' });
    const result = await postGraphql(
      harness.gatewayUrl,
      'query($kb: ID!) { qconnectKnowledgeBase(id: $kb) { name } }',
      bearer(token),
      {
        kb: KB,
      },
    );
    expect(result.body.errors[0].extensions.code).toBe('NOT_FOUND');
    expect(result.body.data.qconnectKnowledgeBase).toBeNull();
  });
});

describe('API keys', () => {
  it('serves a key of the file with its scopes', async () => {
    const result = await postGraphql(harness.gatewayUrl, SOURCES, bearer(READER_KEY));
    expect(result.body.data.sources.nodes).toHaveLength(3);
    const start = await postGraphql(harness.gatewayUrl, START, bearer(READER_KEY), {
      id: dataSourceId,
    });
    expect(start.body.errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it('serves a key the file lists only by its SHA-256', async () => {
    const result = await postGraphql(harness.gatewayUrl, SOURCES, bearer(HASHED_KEY));
    expect(result.body.data.sources.nodes).toHaveLength(3);
  });

  it('serves a key shaped like a JWT as a key, though a JWKS is configured too', async () => {
    const result = await postGraphql(harness.gatewayUrl, SOURCES, bearer(DOTTED_KEY));
    expect(result.status).toBe(200);
    expect(result.body.data.sources.nodes).toHaveLength(3);
  });

  it('refuses an unknown key', async () => {
    expectRefused(
      await postGraphql(harness.gatewayUrl, SOURCES, bearer(`${READER_KEY}x`)),
      /unknown API key/,
    );
  });
});

it('serves the IDE page without credentials (a browser cannot send them when navigating)', async () => {
  const response = await fetch(harness.gatewayUrl, { headers: { accept: 'text/html' } });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/html');
});

it('refuses to listen on a non-loopback address without authentication, and says why', async () => {
  await expect(startGateway({ host: '0.0.0.0', port: 0, logLevel: 'silent' })).rejects.toThrow(
    /Refusing to listen on 0\.0\.0\.0 without authentication.*GATEWAY_JWKS_URL.*GATEWAY_API_KEYS_FILE.*--allow-unauthenticated/s,
  );
});

it('refuses an API keys file with a short key, naming the file and line but not the key', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'sjg-keys-')), 'keys');
  writeFileSync(file, 'ok 0123456789abcdefgh jobs:read\nweak short-secret jobs:read\n');
  const start = startGateway({ port: 0, logLevel: 'silent', auth: { apiKeysFile: file } });
  await expect(start).rejects.toThrow(`${file}:2: a key must have at least 16 characters, got 12`);
  await expect(start).rejects.not.toThrow(/short-secret/);
});

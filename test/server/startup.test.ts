/**
 * What `npm start` refuses and what it defaults to: the AWS start-up check (no credentials, no
 * region) and production defaults (`--upstream` required, introspection and IDE off), each through
 * the real CLI with a clean environment. The refusal of a network-reachable listener without
 * authentication is in authentication.test.ts.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator } from '../../src/emulator';
import { startGateway } from '../../src/server/createGateway';
import { bareAwsEnv, runCli, waitForOutput, type CliRun } from '../helpers/cli';
import { singleSourceFixture } from '../helpers/fixtures';

const running: CliRun[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((run) => run.stop()));
});
function start(args: string[], env: Record<string, string>): CliRun {
  const run = runCli(args, env);
  running.push(run);
  return run;
}

async function readyUrl(run: CliRun): Promise<string> {
  const [, url] = await waitForOutput(run, /ready at (http:\/\/localhost:\d+\/graphql)/);
  return url.replace('localhost', '127.0.0.1');
}

describe('the AWS start-up check', () => {
  it('exits non-zero without credentials, naming where the SDK looked', async () => {
    const env = bareAwsEnv({ AWS_REGION: 'eu-west-1' });
    const run = start(['--upstream', 'aws', '--port', '0'], env);
    expect(await run.exited).toBe(1);
    expect(run.output()).toMatch(/No AWS credentials/);
    expect(run.output()).toContain('AWS_ACCESS_KEY_ID');
    expect(run.output()).toContain(`${env.HOME}/.aws/credentials`);
    expect(run.output()).toContain('--no-startup-check');
    expect(run.output()).not.toMatch(/No AWS region/);
  }, 30_000);

  it('exits non-zero without a region, naming where the SDK looked', async () => {
    const env = bareAwsEnv({
      AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'secret-never-shown',
    });
    const run = start(['--upstream', 'aws', '--port', '0'], env);
    expect(await run.exited).toBe(1);
    expect(run.output()).toMatch(/No AWS region: set one of --region, .*AWS_REGION/);
    expect(run.output()).toContain(`${env.HOME}/.aws/config`);
    expect(run.output()).not.toMatch(/No AWS credentials/);
    expect(run.output()).not.toContain('secret-never-shown');
  }, 30_000);

  it('starts with --no-startup-check, then answers that the credentials are missing, not access denied', async () => {
    const emulator = await startEmulator({ port: 0, fixture: singleSourceFixture(1) });
    try {
      const run = start(
        ['--upstream', 'aws', '--port', '0', '--no-startup-check'],
        bareAwsEnv({
          AWS_REGION: 'eu-west-1',
          AWS_ENDPOINT_URL: emulator.url,
        }),
      );
      const response = await fetch(await readyUrl(run), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ sources { nodes { name } } }' }),
      });
      const body = (await response.json()) as any;
      expect(body.errors[0]).toMatchObject({
        message: expect.stringMatching(/^The gateway's AWS credentials are missing or expired/),
        extensions: { code: 'INTERNAL_SERVER_ERROR', reason: 'AWS_CREDENTIALS' },
      });
      expect(JSON.stringify(body)).not.toContain('UPSTREAM_ACCESS_DENIED');
      await waitForOutput(run, /"reason":"AWS_CREDENTIALS".*logged at most once a minute/);
      // Three services failed in that request: one log line.
      const logged = run
        .output()
        .split('\n')
        .filter((line) => line.includes('logged at most once a minute'));
      expect(logged).toHaveLength(1);
      expect(logged[0]).toContain('CredentialsProviderError');
    } finally {
      await emulator.close();
    }
  }, 30_000);
});

describe('with NODE_ENV=production', () => {
  it('refuses to start without --upstream: the demo emulator is never a silent default', async () => {
    const run = start(['--port', '0'], { NODE_ENV: 'production' });
    expect(await run.exited).toBe(2);
    expect(run.output()).toMatch(/NODE_ENV is production: name the upstream with --upstream aws/);
  }, 30_000);

  it('turns introspection and the IDE off, and the options turn them on', async () => {
    const introspect = (url: string) =>
      fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __schema { queryType { name } } }' }),
      }).then((response) => response.json() as Promise<any>);
    const page = (url: string) => fetch(url, { headers: { accept: 'text/html' } });

    const closed = await readyUrl(
      start(['--upstream', 'emulator', '--port', '0'], { NODE_ENV: 'production' }),
    );
    const refused = await introspect(closed);
    expect(refused.errors[0].message).toMatch(/introspection is not allowed/i);
    expect((await page(closed)).headers.get('content-type') ?? '').not.toContain('text/html');

    // --introspection and --ide turn them on again (the gateway's options, in process).
    const emulator = await startEmulator({ port: 0, fixture: singleSourceFixture(1) });
    const gateway = await startGateway({
      port: 0,
      endpoint: emulator.url,
      region: 'us-east-1',
      logLevel: 'silent',
      production: true,
      introspection: true,
      ide: true,
    });
    try {
      const open = gateway.url.replace('localhost', '127.0.0.1');
      expect((await introspect(open)).data).toEqual({ __schema: { queryType: { name: 'Query' } } });
      const ide = await page(open);
      expect(ide.status).toBe(200);
      expect(ide.headers.get('content-type')).toContain('text/html');
    } finally {
      await gateway.close();
      await emulator.close();
    }
  }, 40_000);
});

it('takes API keys, CORS origins and introspection from the environment', async () => {
  const keysFile = join(mkdtempSync(join(tmpdir(), 'sjg-keys-')), 'keys');
  writeFileSync(keysFile, 'ci env-key-0123456789abcdef jobs:read\n');
  const url = await readyUrl(
    start(['--port', '0'], {
      GATEWAY_API_KEYS_FILE: keysFile,
      GATEWAY_CORS_ORIGINS: 'https://app.example.org, https://*.example.com',
      GATEWAY_INTROSPECTION: 'false',
    }),
  );
  const ask = (query: string, headers: Record<string, string> = {}) =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://x.example.com', ...headers },
      body: JSON.stringify({ query }),
    });
  expect((await ask('{ __typename }')).status).toBe(401);
  const served = await ask('{ __typename }', { authorization: 'Bearer env-key-0123456789abcdef' });
  expect(served.status).toBe(200);
  expect(served.headers.get('access-control-allow-origin')).toBe('https://x.example.com');
  const introspection = await ask('{ __schema { queryType { name } } }', {
    authorization: 'Bearer env-key-0123456789abcdef',
  });
  expect(((await introspection.json()) as any).errors[0].message).toMatch(/introspection/i);
}, 30_000);

/** `npm start`'s program: starts on its embedded emulator with demo data, and refuses bad input clearly. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator } from '../../src/emulator';
import { singleSourceFixture } from '../helpers/fixtures';

const ROOT = join(__dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

interface Running {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function run(args: string[], env: Record<string, string> = {}): Running {
  const child = spawn(TSX, ['src/server/cli.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, PORT: '', ...env },
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/**
 * Resolves with the first match of `pattern` in the program's output, checked on every chunk it
 * writes; rejects if the program exits first. The test's own timeout bounds the wait.
 */
function waitFor(server: Running, pattern: RegExp): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    const check = (): void => {
      const match = server.output().match(pattern);
      if (!match) return;
      server.child.stdout!.off('data', check);
      server.child.stderr!.off('data', check);
      resolve(match);
    };
    server.child.stdout!.on('data', check);
    server.child.stderr!.on('data', check);
    void server.exited.then((code) =>
      reject(new Error(`exited (${code}) before ${pattern}; output so far:\n${server.output()}`)),
    );
    check();
  });
}

it('starts on the embedded emulator with demo data and serves the feed across services', async () => {
  const server = run(['--port', '0']);
  try {
    const [, url] = await waitFor(server, /ready at (http:\/\/localhost:\d+\/graphql)/);
    const response = await fetch(url.replace('localhost', '127.0.0.1'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query:
          '{ jobs(first: 50) { nodes { service } } sources(first: 100) { nodes { service } } }',
      }),
    });
    const body = (await response.json()) as any;
    expect(body.errors).toBeUndefined();
    expect(new Set(body.data.sources.nodes.map((n: any) => n.service))).toEqual(
      new Set(['KENDRA', 'QBUSINESS', 'QCONNECT']),
    );
    expect(body.data.jobs.nodes).toHaveLength(50);
  } finally {
    server.child.kill('SIGTERM');
    await server.exited;
  }
}, 30_000);

it('refuses an unknown flag with the usage and exit code 2', async () => {
  const server = run(['--colour', 'blue']);
  expect(await server.exited).toBe(2);
  expect(server.output()).toContain('Usage: npm start');
}, 30_000);

it('refuses a --store that is not memory or redis:// and an empty --cursor-secret, with exit code 2', async () => {
  const store = run(['--store', 'memcached://x', '--port', '0']);
  expect(await store.exited).toBe(2);
  expect(store.output()).toMatch(
    /--store must be "memory" or a redis:\/\/host:port\[\/db\] URL, got "memcached:\/\/x"/,
  );
  const secret = run(['--port', '0'], { GATEWAY_CURSOR_SECRET: 'one,,three' });
  expect(await secret.exited).toBe(2);
  expect(secret.output()).toMatch(
    /--cursor-secret: every comma-separated secret must be non-empty/,
  );
}, 30_000);

it('refuses a configuration file with an error, naming the file, the line and the field', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sjg-'));
  const file = join(dir, 'gateway.yaml');
  writeFileSync(file, 'kendra:\n  indexes:\n    - id: too-short\n');
  const server = run(['--config', file, '--port', '0']);
  expect(await server.exited).toBe(1);
  expect(server.output()).toMatch(
    /gateway\.yaml:3: kendra\.indexes\[0\]\.id: must be 36 characters/,
  );
}, 30_000);

it('talks to AWS through the SDK settings with --upstream aws, honouring AWS_ENDPOINT_URL', async () => {
  const emulator = await startEmulator({ port: 0, fixture: singleSourceFixture(3) });
  const server = run(['--upstream', 'aws', '--port', '0'], {
    AWS_ENDPOINT_URL: emulator.url,
    AWS_REGION: 'eu-west-1',
    AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
    AWS_SECRET_ACCESS_KEY: 'secret-never-shown',
  });
  try {
    const [, url] = await waitFor(server, /ready at (http:\/\/localhost:\d+\/graphql)/);
    const response = await fetch(url.replace('localhost', '127.0.0.1'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ sources { nodes { name } } }' }),
    });
    const body = (await response.json()) as any;
    expect(body.data.sources.nodes.map((n: any) => n.name).sort()).toEqual([
      'confluence-it',
      'hr-policies-s3',
      'support answers',
    ]);
    expect(emulator.stats().calls['kendra.ListIndices']).toBe(1);
    expect(server.output()).not.toContain('secret-never-shown');
  } finally {
    server.child.kill('SIGTERM');
    await server.exited;
    await emulator.close();
  }
}, 30_000);

it.each([
  [['--rate', '0'], '--rate must be greater than 0'],
  [['--concurrency', '0'], '--concurrency must be greater than 0'],
  [['--max-cost', 'lots'], '--max-cost must be a non-negative number'],
])('refuses %j with the reason and exit code 2', async (args, reason) => {
  const server = run(args);
  expect(await server.exited).toBe(2);
  expect(server.output()).toContain(reason);
});

it('reads an option from its environment variable when the flag is absent', async () => {
  const server = run([], { PORT: '0', GATEWAY_IDE: 'false', GATEWAY_SEED: '2' });
  try {
    const [, url] = await waitFor(server, /ready at (http:\/\/localhost:\d+\/graphql)/);
    const response = await fetch(url.replace('localhost', '127.0.0.1'), {
      headers: { accept: 'text/html' },
    });
    expect(response.headers.get('content-type') ?? '').not.toContain('text/html');
  } finally {
    server.child.kill('SIGTERM');
    await server.exited;
  }
}, 30_000);

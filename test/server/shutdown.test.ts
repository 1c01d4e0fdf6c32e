/**
 * Graceful shutdown: on SIGTERM or SIGINT the gateway stops accepting, lets the requests in flight
 * finish against a slow emulator, and exits 0, whether started with `npm start` or directly.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
/** Discovery runs three dependent rounds: at 1.5 s each, the request is in flight for seconds. */
const SLOW = ['--port', '0', '--latency', '1500'];

function start(command: string, args: string[]) {
  // Its own process group, so a failed test can clean up npm's child too.
  const child: ChildProcess = spawn(command, args, {
    cwd: ROOT,
    env: { ...process.env, PORT: '' },
    detached: true,
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/** Waits for a condition, bounded (no assertion on how long it took). */
async function until<T>(
  probe: () => T | undefined | Promise<T | undefined>,
  output: () => string,
): Promise<T> {
  const deadline = Date.now() + 45_000;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`condition not met; output so far:\n${output()}`);
}

async function upstreamCalls(emulatorUrl: string): Promise<number> {
  const stats = (await (await fetch(`${emulatorUrl}/_emulator/stats`)).json()) as {
    calls: Record<string, number>;
  };
  return Object.values(stats.calls).reduce((sum, n) => sum + n, 0);
}

async function drainsOn(signal: NodeJS.Signals, command: string, args: string[]) {
  const gateway = start(command, args);
  try {
    const url = await until(
      () => gateway.output().match(/ready at (http:\/\/localhost:\d+\/graphql)/)?.[1],
      gateway.output,
    );
    const emulatorUrl = await until(
      () => gateway.output().match(/emulator \(demo data\) at (http:\/\/[\d.:]+)/)?.[1],
      gateway.output,
    );
    const target = url.replace('localhost', '127.0.0.1');
    const inFlight = fetch(target, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ sources(first: 100) { nodes { id service } } }' }),
    });
    // The request has reached the slow emulator: it is in flight when the signal comes.
    await until(
      async () => ((await upstreamCalls(emulatorUrl)) > 0 ? true : undefined),
      gateway.output,
    );
    gateway.child.kill(signal);
    await until(
      () => (gateway.output().includes(`${signal}: stopping`) ? true : undefined),
      gateway.output,
    );
    // No longer accepting: a new connection is refused while the first request still runs.
    await expect(fetch(target, { method: 'POST', body: '{}' })).rejects.toThrow();
    const response = await inFlight;
    expect(response.status).toBe(200);
    const body = (await response.json()) as any;
    expect(body.errors).toBeUndefined();
    expect(new Set(body.data.sources.nodes.map((n: any) => n.service))).toEqual(
      new Set(['KENDRA', 'QBUSINESS', 'QCONNECT']),
    );
    expect(await gateway.exited).toBe(0);
  } finally {
    if (gateway.child.exitCode === null) process.kill(-gateway.child.pid!, 'SIGKILL');
  }
}

it(
  'drains the requests in flight on SIGTERM and exits 0 (tsx directly)',
  () => drainsOn('SIGTERM', TSX, ['src/server/cli.ts', ...SLOW]),
  60_000,
);

it(
  'drains on SIGINT too (node with the tsx loader)',
  () => drainsOn('SIGINT', process.execPath, ['--import', 'tsx', 'src/server/cli.ts', ...SLOW]),
  60_000,
);

it(
  'drains on SIGTERM sent to npm start, and npm exits 0',
  () => drainsOn('SIGTERM', 'npm', ['start', '--silent', '--', ...SLOW]),
  60_000,
);

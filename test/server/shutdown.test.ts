/**
 * Graceful shutdown: on SIGTERM or SIGINT the gateway stops accepting, lets the requests in flight
 * finish against a slow emulator, and exits 0, whether started with `npm start` or directly.
 *
 * The signal comes once the request's first upstream call has left, so the gateway is waiting on
 * the slow emulator, not busy: tsx SIGKILLs a child that does not take a relayed signal within
 * 30 ms. The emulator is the test's own, behind a TCP relay that says when the gateway connects.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { type AddressInfo, connect, createServer, type Socket } from 'node:net';
import { join } from 'node:path';
import { type RunningEmulator, startEmulator } from '../../src/emulator';
import { waitForOutput } from '../helpers/cli';

const ROOT = join(__dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const ARGS = ['--port', '0', '--upstream', 'aws'];

let emulator: RunningEmulator;
beforeAll(async () => {
  // Discovery runs three dependent rounds: at 1.5 s each, the request is in flight for seconds.
  emulator = await startEmulator({ port: 0, demo: true, latencyMs: 1500 });
});
afterAll(() => emulator?.close());

/** A TCP relay to the emulator; `connected` resolves when the first connection comes in. */
async function relayToEmulator() {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    const upstream = connect(emulator.port, '127.0.0.1');
    socket.pipe(upstream).pipe(socket);
    for (const end of [socket, upstream]) {
      sockets.add(end);
      end.on('error', () => end.destroy());
      end.on('close', () => sockets.delete(end));
    }
  });
  const connected = once(server, 'connection').then(() => undefined);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    connected,
    close: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function start(command: string, args: string[], endpoint: string) {
  // Its own process group, so a failed test can clean up npm's child too.
  const child: ChildProcess = spawn(command, args, {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: '',
      AWS_ENDPOINT_URL: endpoint,
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'example-secret',
    },
    detached: true,
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function drainsOn(signal: NodeJS.Signals, command: string, args: string[]) {
  const relay = await relayToEmulator();
  const gateway = start(command, args, relay.url);
  try {
    const [, url] = await waitForOutput(
      gateway,
      /ready at (http:\/\/localhost:\d+\/graphql)/,
      45_000,
    );
    const target = url.replace('localhost', '127.0.0.1');
    const inFlight = fetch(target, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ sources(first: 100) { nodes { id service } } }' }),
    });
    // The request has reached the slow emulator: it is in flight when the signal comes.
    await relay.connected;
    gateway.child.kill(signal);
    await waitForOutput(gateway, new RegExp(`${signal}: stopping`), 45_000);
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
    await relay.close();
  }
}

it(
  'drains the requests in flight on SIGTERM and exits 0 (tsx directly)',
  () => drainsOn('SIGTERM', TSX, ['src/server/cli.ts', ...ARGS]),
  60_000,
);

it(
  'drains on SIGINT too (node with the tsx loader)',
  () => drainsOn('SIGINT', process.execPath, ['--import', 'tsx', 'src/server/cli.ts', ...ARGS]),
  60_000,
);

it(
  'drains on SIGTERM sent to npm start, and npm exits 0',
  () => drainsOn('SIGTERM', 'npm', ['start', '--silent', '--', ...ARGS]),
  60_000,
);

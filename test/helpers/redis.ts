/**
 * A real Redis for tests: Debian's `redis-server` on a free loopback port, in a temporary
 * directory, with an append-only file so that a stop and a start keep its data (as a Redis with
 * persistence would). Installs the package when it is missing, so `npm ci && npm test` passes on a
 * fresh machine of this kind. `stop()` / `start()` take it down and bring it back on the same port.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RedisServer {
  url: string;
  port: number;
  /** Stops the server (it saves its data first) and waits for it to exit. */
  stop(): Promise<void>;
  /** Starts it again on the same port and data, and waits until it accepts connections. */
  start(): Promise<void>;
  /** Freezes the process (SIGSTOP): connections stay open, nothing is answered, as when slow. */
  pause(): void;
  /** Lets a paused server go on (SIGCONT). */
  resume(): void;
  /** Stops it for good and removes its data. */
  close(): Promise<void>;
}

/** Where Debian puts the server; the set-up installs it when it is not there. */
const REDIS_SERVER = '/usr/bin/redis-server';

function aptInstall(): void {
  const install = () =>
    execFileSync('apt-get', ['install', '-y', '-o', 'DPkg::Lock::Timeout=600', 'redis-server'], {
      stdio: 'ignore',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  try {
    install();
  } catch {
    execFileSync('apt-get', ['update'], { stdio: 'ignore' });
    install();
  }
}

/** Makes sure `redis-server` is installed (apt-get when missing). */
export function ensureRedisInstalled(): string {
  if (!existsSync(REDIS_SERVER)) aptInstall();
  if (!existsSync(REDIS_SERVER)) throw new Error(`${REDIS_SERVER} is still missing after apt-get`);
  return REDIS_SERVER;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export async function startRedis(): Promise<RedisServer> {
  const binary = ensureRedisInstalled();
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'sjg-redis-'));
  let child: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();

  const start = () =>
    new Promise<void>((resolve, reject) => {
      const args = [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--dir',
        dir,
        '--save',
        '',
        '--appendonly',
        'yes',
        '--appendfsync',
        'always',
        '--protected-mode',
        'no',
      ];
      const proc = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
      child = proc;
      exited = new Promise((done) => proc.once('exit', () => done()));
      let output = '';
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        if (/Ready to accept connections/.test(output)) {
          proc.stdout!.off('data', onData);
          resolve();
        }
      };
      proc.stdout!.on('data', onData);
      proc.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
      proc.once('exit', (code) => reject(new Error(`redis-server exited (${code}): ${output}`)));
    });
  const stop = async () => {
    child?.kill('SIGTERM');
    await exited;
    child = undefined;
  };
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    start,
    stop,
    pause: () => void child?.kill('SIGSTOP'),
    resume: () => void child?.kill('SIGCONT'),
    async close() {
      child?.kill('SIGCONT');
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * One emulator (on a worker thread, `emulatorWorker.ts`) and one gateway in this process, on
 * loopback, with helpers to post GraphQL, read and reset the emulator's call counts and set its
 * latency (through its control API), and time things. Danger: the gateway's clock runs from
 * `BASE_TIME` (where the bench data ends), so windows ending "now" hold the data.
 */
import { Worker } from 'node:worker_threads';
import { KendraClient } from '@aws-sdk/client-kendra';
import { QBusinessClient } from '@aws-sdk/client-qbusiness';
import { QConnectClient } from '@aws-sdk/client-qconnect';
import type { Fixture } from '../src/emulator/fixture/fixture';
import { startGateway, type GatewayConfig, type RunningGateway } from '../src/server/createGateway';
import { BASE_TIME } from './fixtures';

/** The emulator thread: its URL, a full collection of its heap (then its size), and its end. */
export interface BenchEmulator {
  url: string;
  gc(): Promise<{ heapUsed: number; heapTotal: number }>;
  close(): Promise<void>;
}

export interface Bench {
  emulator: BenchEmulator;
  gateway: RunningGateway;
  gql<T = any>(query: string, variables?: Record<string, unknown>): Promise<T>;
  /** Upstream list calls (and all calls) since the last reset. */
  calls(): Promise<{ list: number; all: number }>;
  resetCalls(): Promise<void>;
  setLatency(ms: number): Promise<void>;
  /** A new gateway (empty caches) on the same emulator, replacing the current one. */
  restartGateway(config?: Partial<GatewayConfig>): Promise<void>;
  close(): Promise<void>;
}

const started = Date.now();
let skipped = 0;
/** The bench's clock: `BASE_TIME` plus an hour plus real elapsed time (TTLs still run). */
export const benchNow = () => BASE_TIME + 3_600_000 + skipped + (Date.now() - started);
/** Moves the gateways' clock on (first pages expire) without waiting. */
export const advanceBenchClock = (ms: number) => void (skipped += ms);

export async function startBench(
  fixture: Fixture,
  config: Partial<GatewayConfig> = {},
): Promise<Bench> {
  const emulator = await startEmulatorThread(fixture);
  const control = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${emulator.url}/_emulator/${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} /_emulator/${path}: ${response.status}`);
    return response.json() as Promise<any>;
  };
  const start = (overrides: Partial<GatewayConfig>) =>
    startGateway({
      port: 0,
      endpoint: emulator.url,
      region: 'us-east-1',
      logLevel: 'silent',
      now: benchNow,
      // A first 31-day summary over 14 sources × 10,000 jobs makes 1,220 calls, over the default.
      maxCost: 100_000,
      ...overrides,
    });
  const bench: Bench = {
    emulator,
    gateway: await start(config),
    async gql(query, variables = {}) {
      const response = await fetch(bench.gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { data?: any; errors?: unknown[] };
      if (body.errors) throw new Error(JSON.stringify(body.errors).slice(0, 500));
      return body.data;
    },
    async calls() {
      const counts = Object.entries(
        (await control('GET', 'stats')).calls as Record<string, number>,
      );
      const list = counts
        .filter(([op]) => /List(DataSourceSync|Import)Jobs$/.test(op))
        .reduce((s, [, n]) => s + n, 0);
      return { list, all: counts.reduce((s, [, n]) => s + n, 0) };
    },
    resetCalls: async () => void (await control('DELETE', 'stats')),
    setLatency: async (ms) =>
      void (await control('PUT', 'faults', { rules: ms > 0 ? [{ latencyMs: ms }] : [] })),
    async restartGateway(overrides = {}) {
      await bench.gateway.close();
      bench.gateway = await start({ ...config, ...overrides });
    },
    async close() {
      await bench.gateway.close();
      await emulator.close();
    },
  };
  return bench;
}

/** Starts `emulatorWorker.ts` on `fixture` and resolves once it listens. */
function startEmulatorThread(fixture: Fixture): Promise<BenchEmulator> {
  // A worker does not inherit tsx's loader: the thread registers it before loading the file.
  const entry = `require('tsx/cjs'); require(${JSON.stringify(require.resolve('./emulatorWorker.ts'))});`;
  const worker = new Worker(entry, { eval: true, workerData: { fixture } });
  return new Promise((resolve, reject) => {
    worker.once('error', reject);
    worker.once('message', ({ url }: { url: string }) =>
      resolve({
        url,
        gc: () =>
          new Promise((done) => {
            worker.once('message', done);
            worker.postMessage('gc');
          }),
        close: () =>
          new Promise<void>((done) => {
            worker.once('exit', () => done());
            worker.postMessage('close');
          }),
      }),
    );
  });
}

/** New SDK clients of the three services on the bench's emulator, as a script would make them. */
export function sdkClients(bench: Bench) {
  const common = {
    endpoint: bench.emulator.url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' },
  };
  const clients = {
    kendra: new KendraClient(common),
    qbusiness: new QBusinessClient(common),
    qconnect: new QConnectClient(common),
  };
  return {
    ...clients,
    destroy: () => Object.values(clients).forEach((client) => client.destroy()),
  };
}

/** Milliseconds `fn` takes. */
export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

/** The p-th percentile (0..100) of `samples`. */
export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

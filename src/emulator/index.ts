/**
 * The emulator of Kendra, Amazon Q Business and Amazon Q in Connect, at the wire level: the real
 * `@aws-sdk/client-*` clients pointed at `url` (or at `AWS_ENDPOINT_URL`) cannot tell it from AWS.
 * `startEmulator` wires the store, page tokens, fault rules, stats, router and the h1/h2c server
 * together; the CLI (`cli.ts`) and the gateway's tests start it this way.
 *
 * Danger: everything here lives as long as the returned emulator; call `close()` (tests: in
 * afterAll) or the port, its sockets and HTTP/2 sessions stay open and jest does not exit.
 */
import pino from 'pino';
import { addJobs, type AddJobsRequest } from './addJobs';
import { serveControl } from './control';
import { ControlError } from './controlError';
import { FaultInjector, validateFaultRules, type FaultRule } from './faults';
import type { Fixture } from './fixture';
import { FixtureError } from './fixtureReader';
import type { HandlerDeps } from './handlerDeps';
import type { TokenMode } from './page';
import { routeRequest } from './router';
import { serveOperation } from './serveOperation';
import { listen } from './server';
import { CallStats, type StatsSnapshot } from './stats';
import { EmulatorStore } from './store';
import { PageTokenCodec } from './tokens';
import { validateFixture } from './validateFixture';
import type { EmulatorReply, EmulatorRequest } from './wire';

export type { AddJobsRequest } from './addJobs';
export { ControlError } from './controlError';
export type { FaultRule } from './faults';
export type * from './fixture';
export type { StatsSnapshot } from './stats';
export type { TokenMode } from './page';
export { validateFixture, FixtureError, knowledgeBaseArn } from './validateFixture';
export { UNKNOWN_ENUM_VALUE, UNKNOWN_UNION_MEMBER } from './unknownValues';

export interface EmulatorOptions {
  /** 0 picks a free port (tests); the CLI defaults to 4566. Default 0. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** The initial data; validated like `PUT /_emulator/state`. */
  fixture?: Fixture;
  /** Generated demo data instead of `fixture` (`generateDemoFixture` in `demo.ts`). */
  demo?: boolean | { seed?: number; scale?: number };
  /** How page tokens continue (see `page.ts`). Default keyset. */
  tokenMode?: TokenMode;
  /** How long a page token stays valid, in seconds (fractional allowed). Default 3600. */
  tokenTtlSeconds?: number;
  /** How long an API-started sync job runs, in seconds (fractional allowed). Default 60. */
  jobDurationSeconds?: number;
  /** Latency added to every service request (`--latency`); not a fault rule, so `PUT /_emulator/faults` keeps it. */
  latencyMs?: number;
  /** Initial fault rules, as `PUT /_emulator/faults` takes them. */
  faults?: FaultRule[];
  /** One log line per request (pino, to stdout). Default false. */
  log?: boolean;
}

export interface RunningEmulator {
  /** e.g. `http://127.0.0.1:45678`: the `endpoint` of the SDK clients. */
  url: string;
  port: number;
  /** Ends every socket and session and releases the port. */
  close(): Promise<void>;
  /** `PUT /_emulator/state`: replaces all data; throws `ControlError` 400 (naming the field) and keeps the old data. */
  loadFixture(fixture: Fixture): void;
  /** `POST /_emulator/jobs`; throws `ControlError` 400 (bad job) or 404 (unknown source). */
  addJobs(request: AddJobsRequest): { added: number };
  /** `PUT /_emulator/faults`; throws `ControlError` 400 naming the field. An empty list clears all rules. */
  setFaults(rules: FaultRule[]): void;
  /** `GET /_emulator/stats`. */
  stats(): StatsSnapshot;
  /** `DELETE /_emulator/stats`. */
  resetStats(): void;
}

function checkNumber(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new RangeError(`${name} must be a finite number >= 0, got ${String(value)}`);
  }
  return value;
}

/** Loads demo data lazily, so that the module is only needed when asked for. */
async function demoFixture(demo: true | { seed?: number; scale?: number }): Promise<Fixture> {
  const { generateDemoFixture } = await import('./demo');
  return generateDemoFixture(demo === true ? {} : demo);
}

/** Starts an emulator; resolves once it listens. Throws on invalid options, fixture or rules. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const tokenMode = options.tokenMode ?? 'keyset';
  if (tokenMode !== 'keyset' && tokenMode !== 'offset') throw new RangeError(`tokenMode must be keyset or offset, got ${String(tokenMode)}`);
  const ttlMs = checkNumber('tokenTtlSeconds', options.tokenTtlSeconds, 3600) * 1000;
  const jobDurationMs = checkNumber('jobDurationSeconds', options.jobDurationSeconds, 60) * 1000;
  const latencyMs = checkNumber('latencyMs', options.latencyMs, 0);
  if (options.fixture && options.demo) throw new RangeError('Give either fixture or demo, not both');

  const store = new EmulatorStore(jobDurationMs);
  const stats = new CallStats();
  const faults = new FaultInjector(validateFaultRules(options.faults ?? [], 'faults'), latencyMs);
  const deps: HandlerDeps = { store, page: { tokens: new PageTokenCodec(ttlMs), mode: tokenMode } };
  const logger = options.log ? pino({ name: 'emulator' }) : undefined;
  const timers = new Set<NodeJS.Timeout>();

  const loadFixture = (doc: unknown): Record<string, number> => {
    try {
      store.load(validateFixture(doc));
    } catch (error) {
      if (error instanceof FixtureError) throw new ControlError(400, `Fixture refused, state unchanged: ${error.message}`, error.path);
      throw error;
    }
    return store.summary();
  };
  const initial = options.demo ? await demoFixture(options.demo) : options.fixture;
  if (initial) loadFixture(initial);

  const actions = {
    loadFixture,
    addJobs: (body: unknown) => addJobs(store, body),
    setFaults: (rules: unknown) => faults.set(validateFaultRules(rules)),
    faults: () => ({ baseLatencyMs: faults.baseLatencyMs, rules: faults.rules() }),
    stats: () => stats.snapshot(),
    resetStats: () => stats.reset(),
    health: () => ({ status: 'ok', services: ['kendra', 'qbusiness', 'qconnect'], tokenMode, resources: store.summary() }),
  };
  const sleep = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });

  const handle = async (request: EmulatorRequest): Promise<EmulatorReply> => {
    const started = Date.now();
    const route = routeRequest(request, deps);
    const reply =
      route.kind === 'control'
        ? serveControl(request, actions)
        : route.kind === 'none'
          ? route.reply
          : await serveOperation(route.call, {
              stats,
              faults,
              sleep,
              onBug: (error, call) => logger?.error({ err: error, operation: `${call.service}.${call.operation}` }, 'emulator bug'),
            });
    logger?.info({ method: request.method, path: request.path, status: reply.status, ms: Date.now() - started, operation: route.kind === 'service' ? `${route.call.service}.${route.call.operation}` : route.kind });
    return reply;
  };

  const server = await listen({
    port: options.port ?? 0,
    host: options.host ?? '127.0.0.1',
    handle,
    onError: (error) => logger?.error({ err: error }, 'request failed'),
  });
  const host = options.host ?? '127.0.0.1';
  const urlHost = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;
  return {
    url: `http://${urlHost}:${server.port}`,
    port: server.port,
    async close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      await server.close();
    },
    loadFixture: (fixture) => void loadFixture(fixture),
    addJobs: (request) => actions.addJobs(request),
    setFaults: (rules) => actions.setFaults(rules),
    stats: actions.stats,
    resetStats: actions.resetStats,
  };
}

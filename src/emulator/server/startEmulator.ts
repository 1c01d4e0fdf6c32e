/**
 * Assembles one emulator: the store, page tokens, fault rules, stats, router and the h1/h2c
 * listener, all on one clock. The public entry (`../index.ts`) re-exports `startEmulator`; the
 * CLI and the gateway's tests start emulators through it.
 *
 * Danger: everything here lives as long as the returned emulator; call `close()` (tests: in
 * afterAll) or the port, its sockets and HTTP/2 sessions stay open and jest does not exit.
 */
import pino from 'pino';
import { sleepOn, systemClock, type Clock } from '../clock';
import { addJobs, type AddJobsRequest } from '../control/addJobs';
import { serveControl } from '../control/control';
import { CallStats, type StatsSnapshot } from '../control/stats';
import { FaultInjector } from '../faults/faultInjector';
import { validateFaultRules, type FaultRule } from '../faults/faultRules';
import type { Fixture } from '../fixture/fixture';
import { FixtureError, validateFixture } from '../fixture/validateFixture';
import { ControlError } from '../protocols/controlError';
import type { EmulatorReply, EmulatorRequest } from '../protocols/wire';
import { EmulatorStore } from '../store/emulatorStore';
import type { HandlerDeps } from '../store/handlerDeps';
import type { TokenMode } from '../tokens/page';
import { PageTokenCodec } from '../tokens/pageTokens';
import { listen } from './listen';
import { routeRequest } from './router';
import { serveOperation } from './serveOperation';

const HOUR_MS = 3_600_000;

/** What `startEmulator` takes; every member is optional. */
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
  /**
   * Latency added to every service request (`--latency`); not a fault rule, so `PUT
   * /_emulator/faults` keeps it.
   */
  latencyMs?: number;
  /** Initial fault rules, as `PUT /_emulator/faults` takes them. */
  faults?: FaultRule[];
  /** One log line per request (pino, to stdout). Default false. */
  log?: boolean;
  /**
   * The time of live jobs, token expiry, throttling budgets, latency and the demo's last hour.
   * Default: wall time (`systemClock`). Tests pass a `ManualClock` and move it.
   */
  clock?: Clock;
}

/** A started emulator: where it listens, and its control API in-process. */
export interface RunningEmulator {
  /** e.g. `http://127.0.0.1:45678`: the `endpoint` of the SDK clients. */
  url: string;
  port: number;
  /** Ends every socket and session and releases the port. */
  close(): Promise<void>;
  /**
   * `PUT /_emulator/state`: replaces all data; throws `ControlError` 400 (naming the field) and
   * keeps the old data.
   */
  loadFixture(fixture: Fixture): void;
  /** `POST /_emulator/jobs`; throws `ControlError` 400 (bad job) or 404 (unknown source). */
  addJobs(request: AddJobsRequest): { added: number };
  /**
   * `PUT /_emulator/faults`; throws `ControlError` 400 naming the field. An empty list clears all
   * rules.
   */
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

/**
 * Loads demo data lazily, so that the module is only needed when asked for. The history ends at
 * the clock's current hour, as the generator's own default does on wall time.
 */
async function demoFixture(
  demo: true | { seed?: number; scale?: number },
  clock: Clock,
): Promise<Fixture> {
  const { generateDemoFixture } = await import('../fixture/demo');
  const now = new Date(Math.floor(clock.now() / HOUR_MS) * HOUR_MS);
  return generateDemoFixture({ ...(demo === true ? {} : demo), now });
}

/** Starts an emulator; resolves once it listens. Throws on invalid options, fixture or rules. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const tokenMode = options.tokenMode ?? 'keyset';
  if (tokenMode !== 'keyset' && tokenMode !== 'offset')
    throw new RangeError(`tokenMode must be keyset or offset, got ${String(tokenMode)}`);
  const ttlMs = checkNumber('tokenTtlSeconds', options.tokenTtlSeconds, 3600) * 1000;
  const jobDurationMs = checkNumber('jobDurationSeconds', options.jobDurationSeconds, 60) * 1000;
  const latencyMs = checkNumber('latencyMs', options.latencyMs, 0);
  if (options.fixture && options.demo)
    throw new RangeError('Give either fixture or demo, not both');

  const clock = options.clock ?? systemClock;
  if (typeof clock.now !== 'function') throw new RangeError('clock must have a now() method');
  const store = new EmulatorStore(jobDurationMs, clock);
  const stats = new CallStats();
  const faults = new FaultInjector(
    validateFaultRules(options.faults ?? [], 'faults'),
    clock,
    latencyMs,
  );
  const deps: HandlerDeps = {
    store,
    page: { tokens: new PageTokenCodec(ttlMs, clock), mode: tokenMode },
  };
  const logger = options.log ? pino({ name: 'emulator' }) : undefined;
  // Each latency wait has its own signal, aborted by close(), so that no wait outlives the
  // emulator. One signal shared by every wait would carry a listener per request in its latency,
  // hundreds under load, where Node warns of a leak past ten.
  const waits = new Set<AbortController>();
  let closed = false;

  const loadFixture = (doc: unknown): Record<string, number> => {
    try {
      store.load(validateFixture(doc));
    } catch (error) {
      if (error instanceof FixtureError)
        throw new ControlError(
          400,
          `Fixture refused, state unchanged: ${error.message}`,
          error.path,
        );
      throw error;
    }
    return store.summary();
  };
  const initial = options.demo ? await demoFixture(options.demo, clock) : options.fixture;
  if (initial) loadFixture(initial);

  const actions = {
    loadFixture,
    addJobs: (body: unknown) => addJobs(store, body),
    setFaults: (rules: unknown) => faults.set(validateFaultRules(rules)),
    faults: () => ({ baseLatencyMs: faults.baseLatencyMs, rules: faults.rules() }),
    stats: () => stats.snapshot(),
    resetStats: () => stats.reset(),
    health: () => ({
      status: 'ok',
      services: ['kendra', 'qbusiness', 'qconnect'],
      tokenMode,
      resources: store.summary(),
    }),
  };
  const sleep = async (ms: number): Promise<void> => {
    const wait = new AbortController();
    if (closed) wait.abort();
    waits.add(wait);
    try {
      await sleepOn(clock, ms, wait.signal);
    } finally {
      waits.delete(wait);
    }
  };

  const handle = async (request: EmulatorRequest): Promise<EmulatorReply> => {
    // wall time on purpose: the log reports how long the host took, whatever the emulator's clock
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
              onBug: (error, call) =>
                logger?.error(
                  { err: error, operation: `${call.service}.${call.operation}` },
                  'emulator bug',
                ),
            });
    logger?.info({
      method: request.method,
      path: request.path,
      status: reply.status,
      ms: Date.now() - started,
      operation:
        route.kind === 'service' ? `${route.call.service}.${route.call.operation}` : route.kind,
    });
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
      closed = true;
      for (const wait of waits) wait.abort();
      waits.clear();
      await server.close();
    },
    loadFixture: (fixture) => void loadFixture(fixture),
    addJobs: (request) => actions.addJobs(request),
    setFaults: (rules) => actions.setFaults(rules),
    stats: actions.stats,
    resetStats: actions.resetStats,
  };
}

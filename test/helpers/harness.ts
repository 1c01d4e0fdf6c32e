/**
 * A gateway on its emulator, both on free ports, for tests that go through GraphQL and the real
 * SDK clients. `gql` posts a query; `stats`/`resetStats`/`setFaults`/`addJobs` drive the emulator.
 * A `clock` in the emulator options (a `ManualClock`) drives the gateway's `now` too, unless the
 * gateway config names its own, so a test moves one time for both.
 */
import { startEmulator, type EmulatorOptions, type Fixture } from '../../src/emulator';
import { startGateway, type GatewayConfig } from '../../src/server/createGateway';

export interface GqlResponse<T = any> {
  data?: T;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[];
}

export interface Harness {
  emulatorUrl: string;
  gatewayUrl: string;
  gql<T = any>(query: string, variables?: Record<string, unknown>): Promise<GqlResponse<T>>;
  /** `{ "kendra.ListDataSourceSyncJobs": n, ... }` since the last reset. */
  stats(): Promise<Record<string, number>>;
  resetStats(): Promise<void>;
  setFaults(rules: unknown[]): Promise<void>;
  addJobs(body: unknown): Promise<void>;
  /** Replaces all emulator data (PUT /_emulator/state). */
  loadFixture(fixture: Fixture): Promise<void>;
  /** Resolves once the gateway's background reads (look-ahead) have settled. */
  settled(): Promise<void>;
  close(): Promise<void>;
}

export async function startHarness(
  fixture: Fixture,
  emulatorOptions: Partial<EmulatorOptions> = {},
  gatewayConfig: Partial<GatewayConfig> = {},
): Promise<Harness> {
  const emulator = await startEmulator({ port: 0, fixture, ...emulatorOptions });
  const clock = emulatorOptions.clock;
  const gateway = await startGateway({
    port: 0,
    endpoint: emulator.url,
    region: 'us-east-1',
    maxAttempts: 1,
    logLevel: 'silent',
    ...(clock ? { now: () => clock.now() } : {}),
    // Off unless a test is about it: each request's calls and faults then stand on their own.
    pageCache: false,
    responseCacheTtlSeconds: 0,
    ...gatewayConfig,
  });
  const control = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${emulator.url}/_emulator/${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok)
      throw new Error(`${method} /_emulator/${path}: ${response.status} ${await response.text()}`);
    return response.status === 204 ? undefined : response.json();
  };
  return {
    emulatorUrl: emulator.url,
    gatewayUrl: gateway.url,
    async gql(query, variables) {
      const response = await fetch(gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as GqlResponse;
    },
    stats: async () => ((await control('GET', 'stats')) as { calls: Record<string, number> }).calls,
    resetStats: async () => void (await control('DELETE', 'stats')),
    setFaults: async (rules) => void (await control('PUT', 'faults', { rules })),
    addJobs: async (body) => void (await control('POST', 'jobs', body)),
    loadFixture: async (next) => void (await control('PUT', 'state', next)),
    settled: () => gateway.settled(),
    async close() {
      await gateway.close();
      await emulator.close();
    },
  };
}

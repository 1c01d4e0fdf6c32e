/**
 * A gateway on the emulator's demo data with the default seed, as `npm start` runs it: for tests
 * of what a new user sees (the IDE, the README's examples). Both run on one fixed clock, so the
 * "last 7 days" of every example hold the same jobs on every run, whatever the date.
 */
import { ManualClock, startEmulator } from '../../src/emulator';
import {
  startGateway,
  type GatewayConfig,
  type RunningGateway,
} from '../../src/server/createGateway';

export interface DemoGateway {
  gateway: RunningGateway;
  /** The emulator's base URL (its control API is under `/_emulator/`). */
  emulatorUrl: string;
  /** Posts an operation; the parsed JSON response. */
  gql(query: string, variables?: Record<string, unknown>): Promise<{ data?: any; errors?: any[] }>;
  close(): Promise<void>;
}

/** The instant the demo tests run at (the demo's history ends at its hour). */
export const DEMO_NOW = Date.parse('2026-11-20T12:34:56.000Z');

export async function startDemoGateway(config: Partial<GatewayConfig> = {}): Promise<DemoGateway> {
  const clock = new ManualClock(DEMO_NOW);
  const emulator = await startEmulator({ port: 0, demo: { seed: 1 }, clock });
  const gateway = await startGateway({
    port: 0,
    endpoint: emulator.url,
    region: 'us-east-1',
    maxAttempts: 1,
    logLevel: 'silent',
    now: () => clock.now(),
    ...config,
  });
  return {
    gateway,
    emulatorUrl: emulator.url,
    async gql(query, variables) {
      const response = await fetch(gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as { data?: any; errors?: any[] };
    },
    async close() {
      await gateway.close();
      await emulator.close();
    },
  };
}

/**
 * The SDK clients hold as many connections as their service's in-flight cap, so every call the
 * cap lets through reaches the service at once (the SDK's own default of 50 sockets would queue
 * the rest inside the client, unseen by the cap and its metrics).
 */
import { ListDataSourceSyncJobsCommand } from '@aws-sdk/client-kendra';
import { ManualClock, startEmulator, type RunningEmulator } from '../../src/emulator';
import { createAwsClients, destroyAwsClients } from '../../src/services/clients';
import { KENDRA_DS, KENDRA_INDEX, singleSourceFixture } from '../helpers/fixtures';

const CALLS = 64; // the default in-flight cap, above the SDK's 50 sockets

let emulator: RunningEmulator;
const clock = new ManualClock();
beforeAll(async () => {
  emulator = await startEmulator({ port: 0, fixture: singleSourceFixture(3), clock });
  // Every call waits in the emulator until the test moves its clock: all of them are in flight.
  emulator.setFaults([{ latencyMs: 1_000 }]);
});
afterAll(() => emulator.close());

it(`has all ${CALLS} calls to one service in flight at once`, async () => {
  const clients = createAwsClients({
    endpoint: emulator.url,
    region: 'us-east-1',
    sockets: { KENDRA: CALLS },
  });
  try {
    const input = { IndexId: KENDRA_INDEX, Id: KENDRA_DS, MaxResults: 1 };
    // Settled together, so that calls cut off by a failed run end as results, not as crashes.
    const calls = Promise.allSettled(
      Array.from({ length: CALLS }, () =>
        clients.kendra.send(new ListDataSourceSyncJobsCommand(input)),
      ),
    );
    // Each call that reaches the emulator starts a latency wait. With fewer sockets than calls,
    // the last waits never begin and this test runs into its time-out.
    while (clock.sleepers().length < CALLS) await clock.nextSleep();
    expect(emulator.stats().calls['kendra.ListDataSourceSyncJobs']).toBe(CALLS);
    clock.advance(1_000);
    const pages = await calls;
    expect(
      pages.every((page) => page.status === 'fulfilled' && page.value.History?.length === 1),
    ).toBe(true);
  } finally {
    destroyAwsClients(clients);
  }
}, 10_000);

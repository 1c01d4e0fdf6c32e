/** An upstream page token that expired behind a cursor is CURSOR_EXPIRED, telling the client to restart. */
import { ManualClock } from '../../src/emulator';
import { fetchPage, askPage } from '../helpers/connections';
import { BASE_TIME, singleSourceFixture } from '../helpers/fixtures';
import { startHarness, type Harness } from '../helpers/harness';

let harness: Harness;
// an hour after the fixture's newest job, so every job lies in the gateway's walk
const clock = new ManualClock(BASE_TIME + 3_600_000);
beforeAll(async () => {
  harness = await startHarness(singleSourceFixture(130), { tokenTtlSeconds: 0.5, clock });
});
afterAll(() => harness.close());

it.each(['KENDRA', 'QBUSINESS', 'QCONNECT'] as const)(
  'answers a cursor whose %s token expired with CURSOR_EXPIRED',
  async (service) => {
    // Past the service's first page (10 sync jobs, 100 import jobs): the cursor carries a real
    // upstream token, not the first page's.
    const first = await fetchPage(harness, service, { first: service === 'QCONNECT' ? 100 : 10 });
    const second = await fetchPage(harness, service, { first: 5, after: first.pageInfo.endCursor });
    clock.advance(700);
    const response = await askPage(harness, service, {
      first: 5,
      after: second.pageInfo.endCursor,
    });
    expect(response.errors?.[0].extensions?.code).toBe('CURSOR_EXPIRED');
    expect(response.errors?.[0].message).toMatch(/restart from the first page/);
    // A first page still works.
    expect((await fetchPage(harness, service, { first: 5 })).ids).toHaveLength(5);
  },
);

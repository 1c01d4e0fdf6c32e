/**
 * Operator mutations: a start/stop round trip on Kendra and Q Business, conflicts and refusals.
 * The emulator's jobs run on a ManualClock that the tests move.
 */
import { ManualClock } from '../../src/emulator';
import {
  BASE_TIME,
  KB,
  KENDRA_DS,
  KENDRA_INDEX,
  QB_APP,
  QB_DS,
  QB_INDEX,
  singleSourceFixture,
} from '../helpers/fixtures';
import { startHarness, type Harness } from '../helpers/harness';

let harness: Harness;
// an hour after the fixture's newest job, so every job lies in the gateway's walk
const clock = new ManualClock(BASE_TIME + 3_600_000);
const ids: Record<string, string> = {};
beforeAll(async () => {
  harness = await startHarness(singleSourceFixture(3), { jobDurationSeconds: 0.6, clock });
  const { data } = await harness.gql(
    `query($k: ID!, $kd: ID!, $a: ID!, $i: ID!, $d: ID!, $kb: ID!) {
      kendraIndex(id: $k) { dataSource(id: $kd) { id } }
      qbusinessApplication(id: $a) { index(id: $i) { dataSource(id: $d) { id } } }
      qconnectKnowledgeBase(id: $kb) { id } }`,
    { k: KENDRA_INDEX, kd: KENDRA_DS, a: QB_APP, i: QB_INDEX, d: QB_DS, kb: KB },
  );
  ids.KENDRA = data.kendraIndex.dataSource.id;
  ids.QBUSINESS = data.qbusinessApplication.index.dataSource.id;
  ids.QCONNECT = data.qconnectKnowledgeBase.id;
});
afterAll(() => harness.close());
beforeEach(() => harness.setFaults([]));

const START = `mutation($id: ID!) { startSync(dataSourceId: $id) { id jobId state status statusRaw startedAt service } }`;
const STOP = `mutation($id: ID!) { stopSync(dataSourceId: $id) { id jobId state status } }`;
const STATE = `query($id: ID!) { node(id: $id) { ... on SyncJob { state status endedAt } } }`;

describe.each(['KENDRA', 'QBUSINESS'] as const)('on %s', (service) => {
  it('starts a sync that runs, refuses a second one, stops it and sees it aborted', async () => {
    const started = await harness.gql(START, { id: ids[service] });
    expect(started.errors).toBeUndefined();
    expect(started.data.startSync).toMatchObject({ state: 'RUNNING', status: 'SYNCING', service });

    const again = await harness.gql(START, { id: ids[service] });
    expect(again.errors?.[0].extensions?.code).toBe('CONFLICT');

    const stopped = await harness.gql(STOP, { id: ids[service] });
    expect(stopped.errors).toBeUndefined();
    expect(stopped.data.stopSync).toMatchObject({
      jobId: started.data.startSync.jobId,
      state: 'STOPPING',
    });

    clock.advance(300);
    const later = await harness.gql(STATE, { id: started.data.startSync.id });
    expect(later.data.node).toMatchObject({ state: 'ABORTED', status: 'ABORTED' });
    expect(later.data.node.endedAt).not.toBeNull();
  });

  it('runs a sync to its end', async () => {
    const started = await harness.gql(START, { id: ids[service] });
    expect(started.errors).toBeUndefined();
    clock.advance(900);
    const done = await harness.gql(STATE, { id: started.data.startSync.id });
    expect(['SUCCEEDED', 'FAILED']).toContain(done.data.node.state);
  });

  it('answers stopSync with nothing running as CONFLICT', async () => {
    const response = await harness.gql(STOP, { id: ids[service] });
    expect(response.errors?.[0].extensions?.code).toBe('CONFLICT');
  });

  it('maps a refusal by the service to UPSTREAM_ACCESS_DENIED', async () => {
    await harness.setFaults([{ operation: 'StartDataSourceSyncJob', denyAccess: true }]);
    const response = await harness.gql(START, { id: ids[service] });
    expect(response.errors?.[0].extensions).toMatchObject({
      code: 'UPSTREAM_ACCESS_DENIED',
      service,
    });
    expect(response.data).toBeNull();
  });
});

it('refuses a knowledge base as BAD_USER_INPUT and an unknown data source as NOT_FOUND', async () => {
  const kb = await harness.gql(START, { id: ids.QCONNECT });
  expect(kb.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  const unknown = Buffer.from(
    JSON.stringify(['g1', 'KendraDataSource', KENDRA_INDEX, 'nope']),
  ).toString('base64url');
  const missing = await harness.gql(START, { id: unknown });
  expect(missing.errors?.[0].extensions?.code).toBe('NOT_FOUND');
});

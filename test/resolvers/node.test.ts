/** Global ids: every object type round-trips through node(id:) and nodes(ids:). */
import {
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
beforeAll(async () => {
  harness = await startHarness(singleSourceFixture(12));
});
afterAll(() => harness.close());

async function ids(): Promise<Record<string, string>> {
  const { data, errors } = await harness.gql(
    `query($kidx: ID!, $kds: ID!, $app: ID!, $qidx: ID!, $qds: ID!, $kb: ID!) {
      kendraIndex(id: $kidx) { id dataSource(id: $kds) { id syncJobs(first: 1, after: null) { nodes { id jobId } } } }
      qbusinessApplication(id: $app) { id index(id: $qidx) { id dataSource(id: $qds) { id syncJobs(first: 1) { nodes { id jobId } } } } }
      qconnectKnowledgeBase(id: $kb) { id importJobs(first: 1) { nodes { id jobId } } }
    }`,
    { kidx: KENDRA_INDEX, kds: KENDRA_DS, app: QB_APP, qidx: QB_INDEX, qds: QB_DS, kb: KB },
  );
  expect(errors).toBeUndefined();
  return {
    KendraIndex: data.kendraIndex.id,
    KendraDataSource: data.kendraIndex.dataSource.id,
    kendraJob: data.kendraIndex.dataSource.syncJobs.nodes[0].id,
    QBusinessApplication: data.qbusinessApplication.id,
    QBusinessIndex: data.qbusinessApplication.index.id,
    QBusinessDataSource: data.qbusinessApplication.index.dataSource.id,
    qbusinessJob: data.qbusinessApplication.index.dataSource.syncJobs.nodes[0].id,
    QConnectKnowledgeBase: data.qconnectKnowledgeBase.id,
    importJob: data.qconnectKnowledgeBase.importJobs.nodes[0].id,
  };
}

it('resolves every object type by its global id, jobs included', async () => {
  const all = await ids();
  for (const [expected, id] of Object.entries(all)) {
    const { data, errors } = await harness.gql(
      `query($id: ID!) { node(id: $id) { __typename id ... on Job { jobId service } ... on JobSource { sourceId name } } }`,
      { id },
    );
    expect(errors).toBeUndefined();
    expect(data.node.id).toBe(id);
    const typename = expected.endsWith('Job')
      ? expected === 'importJob'
        ? 'ImportJob'
        : 'SyncJob'
      : expected;
    expect(data.node.__typename).toBe(typename);
  }
});

it('answers nodes(ids:) in the order asked, with null for objects that do not exist', async () => {
  const all = await ids();
  const missing = Buffer.from(
    JSON.stringify(['g1', 'KendraDataSource', KENDRA_INDEX, 'no-such-source']),
  ).toString('base64url');
  const { data, errors } = await harness.gql(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, {
    ids: [all.importJob, missing, all.KendraIndex],
  });
  expect(errors).toBeUndefined();
  expect(data.nodes).toEqual([{ id: all.importJob }, null, { id: all.KendraIndex }]);
});

it('refuses an id that is not one of ours as BAD_USER_INPUT', async () => {
  const { data, errors } = await harness.gql(`{ node(id: "hello") { id } }`);
  expect(data?.node ?? null).toBeNull();
  expect(errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
});

it('refuses more than 100 ids in one nodes(ids:) call, saying the limit', async () => {
  const ids = Array.from({ length: 101 }, () => 'x');
  const { errors } = await harness.gql(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids });
  expect(errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  expect(errors?.[0].message).toContain('100');
});

it('answers node(id:) on a listed source from discovery, without a describe call', async () => {
  const all = await ids();
  await harness.resetStats();
  for (const type of ['KendraDataSource', 'QBusinessDataSource', 'QConnectKnowledgeBase']) {
    const { data, errors } = await harness.gql(
      `query($id: ID!) { node(id: $id) { ... on JobSource { name } } }`,
      {
        id: all[type],
      },
    );
    expect(errors).toBeUndefined();
    expect(data.node.name.length).toBeGreaterThan(0);
  }
  expect(await harness.stats()).toEqual({});
});

/**
 * Ids are checked locally against the models' constraints before any call: global ids with
 * malformed service ids inside, and knowledge base ARNs of another region, resource type or
 * account.
 */
import { KB, KENDRA_INDEX, singleSourceFixture, uuid } from '../helpers/fixtures';
import { startHarness, type Harness } from '../helpers/harness';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness(singleSourceFixture(5));
  // Discovery is warm: the calls counted below are the ids' own.
  await harness.gql('{ sources { nodes { id } } }');
});
afterAll(() => harness.close());
beforeEach(() => harness.resetStats());

const globalId = (...parts: (string | number)[]) =>
  Buffer.from(JSON.stringify(['g1', ...parts])).toString('base64url');
const KB_QUERY = 'query($id: ID!) { qconnectKnowledgeBase(id: $id) { knowledgeBaseId: id name } }';

it('makes no call for 100 made-up import job ids that break the model (a UUID)', async () => {
  const ids = Array.from({ length: 100 }, (_, i) => globalId('ImportJob', KB, `import-${i}`));
  const { data, errors } = await harness.gql('query($ids: [ID!]!) { nodes(ids: $ids) { id } }', {
    ids,
  });
  expect(data.nodes).toEqual(Array(100).fill(null));
  expect(errors).toHaveLength(100);
  expect(new Set(errors!.map((e) => e.extensions?.code))).toEqual(new Set(['BAD_USER_INPUT']));
  expect(errors![0].message).toContain('lower-case UUID');
  expect(await harness.stats()).toEqual({});
});

it('asks once per well-formed import job id, and answers null for one that does not exist', async () => {
  const { data, errors } = await harness.gql('query($ids: [ID!]!) { nodes(ids: $ids) { id } }', {
    ids: [globalId('ImportJob', KB, uuid(777_777)), globalId('ImportJob', KB, 'bad')],
  });
  expect(data.nodes).toEqual([null, null]);
  expect(errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
  expect(await harness.stats()).toEqual({ 'qconnect.GetImportJob': 1 });
});

it.each([
  ['a Kendra index id of 5 characters', globalId('KendraIndex', 'short')],
  ['a Kendra data source id with a slash', globalId('KendraDataSource', KENDRA_INDEX, 'a/b')],
  [
    'a Q Business execution id of 3 characters',
    globalId('SyncJob', 'QBUSINESS', 'a'.repeat(36), 'b'.repeat(36), 'c'.repeat(36), 'x-1', 5),
  ],
  [
    'a knowledge base ARN inside a global id',
    globalId('QConnectKnowledgeBase', `arn:aws:wisdom:us-east-1:123456789012:knowledge-base/${KB}`),
  ],
])('refuses %s as BAD_USER_INPUT without a call', async (_, id) => {
  const { data, errors } = await harness.gql('query($id: ID!) { node(id: $id) { id } }', { id });
  expect(data.node).toBeNull();
  expect(errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
  expect(await harness.stats()).toEqual({});
});

it('refuses an ARN of another region or resource type without a call', async () => {
  for (const [arn, says] of [
    [`arn:aws:wisdom:eu-west-1:123456789012:knowledge-base/${KB}`, 'region "eu-west-1"'],
    [`arn:aws:wisdom:us-east-1:123456789012:assistant/${KB}`, 'not a knowledge base'],
  ]) {
    const { errors } = await harness.gql(KB_QUERY, { id: arn });
    expect(errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    expect(errors![0].message).toContain(says);
  }
  expect(await harness.stats()).toEqual({});
});

it("answers another account's ARN with NOT_FOUND, and this account's with the knowledge base", async () => {
  const other = await harness.gql(KB_QUERY, {
    id: `arn:aws:wisdom:us-east-1:210987654321:knowledge-base/${KB}`,
  });
  expect(other.data.qconnectKnowledgeBase).toBeNull();
  expect(other.errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
  const own = await harness.gql(KB_QUERY, {
    id: `arn:aws:wisdom:us-east-1:123456789012:knowledge-base/${KB}`,
  });
  expect(own.errors).toBeUndefined();
  expect(own.data.qconnectKnowledgeBase.name).toEqual(expect.any(String));
  // The listing knows each knowledge base's ARN: neither answer needed a call.
  expect(await harness.stats()).toEqual({});
});

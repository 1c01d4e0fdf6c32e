/**
 * Lists to start from: `kendraIndexes`, `qbusinessApplications` (with `indices`),
 * `qconnectKnowledgeBases`, paged like every connection, from the catalog's listings (no call per
 * item), the served set respected; single-object fields take service ids and global ids alike.
 */
import { ConfigCatalog } from '../../src/catalog/configCatalog';
import { startDemoGateway, type DemoGateway } from '../helpers/demoHarness';

let demo: DemoGateway;
beforeAll(async () => {
  demo = await startDemoGateway();
});
afterAll(() => demo.close());

const stats = async (): Promise<Record<string, number>> =>
  (
    (await (await fetch(`${demo.emulatorUrl}/_emulator/stats`)).json()) as {
      calls: Record<string, number>;
    }
  ).calls;
const resetStats = () => fetch(`${demo.emulatorUrl}/_emulator/stats`, { method: 'DELETE' });

it('lists every served index, application and knowledge base, with no call per item', async () => {
  await resetStats();
  const result = await demo.gql(`{
    kendraIndexes { nodes { id indexId name status } }
    qbusinessApplications {
      nodes { name indices { nodes { name status dataSources { nodes { name } } } } }
    }
    qconnectKnowledgeBases { nodes { sourceId name } }
  }`);
  expect(result.errors).toBeUndefined();
  expect(result.data.kendraIndexes.nodes.map((n: any) => n.name).sort()).toEqual([
    'enterprise-search-prod',
    'product-docs-search',
  ]);
  expect(result.data.qbusinessApplications.nodes.map((n: any) => n.name).sort()).toEqual([
    'acme-assistant',
    'sales-copilot',
  ]);
  const acme = result.data.qbusinessApplications.nodes.find(
    (n: any) => n.name === 'acme-assistant',
  );
  expect(acme.indices.nodes.map((n: any) => n.name).sort()).toEqual([
    'acme-knowledge',
    'support-content',
  ]);
  expect(result.data.qconnectKnowledgeBases.nodes).toHaveLength(2);
  const calls = await stats();
  expect(calls['kendra.DescribeIndex']).toBeUndefined();
  expect(calls['qbusiness.GetApplication']).toBeUndefined();
  expect(calls['qbusiness.GetIndex']).toBeUndefined();
});

it('pages a list with first/after and last/before', async () => {
  const first = await demo.gql(
    '{ kendraIndexes(first: 1) { nodes { indexId } pageInfo { hasNextPage endCursor } } }',
  );
  expect(first.data.kendraIndexes.pageInfo.hasNextPage).toBe(true);
  const after = first.data.kendraIndexes.pageInfo.endCursor;
  const second = await demo.gql(
    'query ($after: String) { kendraIndexes(first: 1, after: $after) { nodes { indexId } pageInfo { hasNextPage } } }',
    { after },
  );
  expect(second.data.kendraIndexes.pageInfo.hasNextPage).toBe(false);
  expect(second.data.kendraIndexes.nodes[0].indexId).not.toBe(
    first.data.kendraIndexes.nodes[0].indexId,
  );
  const last = await demo.gql(
    '{ qconnectKnowledgeBases(last: 1) { nodes { sourceId } pageInfo { hasPreviousPage } } }',
  );
  expect(last.data.qconnectKnowledgeBases.pageInfo.hasPreviousPage).toBe(true);
});

it('takes the global id the gateway returned wherever it takes a service id', async () => {
  const listed = await demo.gql(`{
    kendraIndexes(first: 1) { nodes { id indexId name dataSources(first: 1) { nodes { id name } } } }
    qbusinessApplications(first: 1) {
      nodes { id name indices(first: 1) { nodes { id name dataSources(first: 1) { nodes { id name } } } } }
    }
    qconnectKnowledgeBases(first: 1) { nodes { id name } }
  }`);
  const index = listed.data.kendraIndexes.nodes[0];
  const app = listed.data.qbusinessApplications.nodes[0];
  const qbIndex = app.indices.nodes[0];
  const kb = listed.data.qconnectKnowledgeBases.nodes[0];
  const result = await demo.gql(
    `query ($k: ID!, $kd: ID!, $kByService: ID!, $a: ID!, $i: ID!, $d: ID!, $kb: ID!) {
      byGlobal: kendraIndex(id: $k) { name dataSource(id: $kd) { name } }
      byService: kendraIndex(id: $kByService) { id }
      qbusinessApplication(id: $a) { name index(id: $i) { name dataSource(id: $d) { name } } }
      qconnectKnowledgeBase(id: $kb) { name }
    }`,
    {
      k: index.id,
      kd: index.dataSources.nodes[0].id,
      kByService: index.indexId,
      a: app.id,
      i: qbIndex.id,
      d: qbIndex.dataSources.nodes[0].id,
      kb: kb.id,
    },
  );
  expect(result.errors).toBeUndefined();
  expect(result.data.byGlobal).toEqual({
    name: index.name,
    dataSource: { name: index.dataSources.nodes[0].name },
  });
  expect(result.data.byService.id).toBe(index.id);
  expect(result.data.qbusinessApplication).toEqual({
    name: app.name,
    index: { name: qbIndex.name, dataSource: { name: qbIndex.dataSources.nodes[0].name } },
  });
  expect(result.data.qconnectKnowledgeBase.name).toBe(kb.name);
});

it('refuses the global id of another kind of object', async () => {
  const listed = await demo.gql('{ qconnectKnowledgeBases(first: 1) { nodes { id } } }');
  const result = await demo.gql('query ($id: ID!) { kendraIndex(id: $id) { name } }', {
    id: listed.data.qconnectKnowledgeBases.nodes[0].id,
  });
  expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  expect(result.errors?.[0]?.message).toMatch(/Kendra index.*QConnectKnowledgeBase/);
});

it('lists only what a configuration file serves', async () => {
  const all = await demo.gql(`{
    kendraIndexes { nodes { indexId } }
    qbusinessApplications { nodes { applicationId indices { nodes { indexId } } } }
  }`);
  const kendraIndex = all.data.kendraIndexes.nodes[0].indexId;
  const app = all.data.qbusinessApplications.nodes.find((a: any) => a.indices.nodes.length > 1);
  const qbIndex = app.indices.nodes[0].indexId;
  const configured = await startDemoGateway({
    catalog: (upstream, options) =>
      new ConfigCatalog(
        upstream,
        {
          kendra: { indexes: [{ id: kendraIndex }] },
          qbusiness: { applications: [{ id: app.applicationId, indices: [{ id: qbIndex }] }] },
        },
        options,
      ),
  });
  try {
    const result = await configured.gql(`{
      kendraIndexes { nodes { indexId } }
      qbusinessApplications { nodes { applicationId indices { nodes { indexId } } } }
      qconnectKnowledgeBases { nodes { sourceId } }
    }`);
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      kendraIndexes: { nodes: [{ indexId: kendraIndex }] },
      qbusinessApplications: {
        nodes: [{ applicationId: app.applicationId, indices: { nodes: [{ indexId: qbIndex }] } }],
      },
      qconnectKnowledgeBases: { nodes: [] },
    });
  } finally {
    await configured.close();
  }
});

it('refuses an altered list cursor before the catalog lists anything', async () => {
  const first = await demo.gql('{ kendraIndexes(first: 1) { pageInfo { endCursor } } }');
  const cursor: string = first.data.kendraIndexes.pageInfo.endCursor;
  const altered = `${cursor.slice(0, -2)}${cursor.endsWith('AA') ? 'BB' : 'AA'}`;
  // A gateway that has listed nothing yet: any call would show in its emulator's counts.
  const fresh = await startDemoGateway();
  try {
    const query = 'query ($a: String) { kendraIndexes(after: $a) { nodes { name } } }';
    const result = await fresh.gql(query, { a: altered });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const calls = await (await fetch(`${fresh.emulatorUrl}/_emulator/stats`)).json();
    expect(calls).toEqual({ calls: {} });
  } finally {
    await fresh.close();
  }
});

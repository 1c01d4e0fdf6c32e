/**
 * The gateway as an Apollo Federation 2 subgraph: `_service`/`_entities` answer, and a supergraph
 * composed with a small team subgraph (a `Connector` with `lastSync: SyncJob`, plus a field on
 * `SyncJob` by its key and one on the `JobSource` entity interface) answers through `@apollo/gateway`.
 */
import { composeServices } from '@apollo/composition';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { KENDRA_DS, KENDRA_INDEX, singleSourceFixture } from '../helpers/fixtures';
import { startHarness, type Harness } from '../helpers/harness';

let harness: Harness;
let jobIds: string[];
const teamServer = { url: '', stop: async () => {} };

/** A team's subgraph: connectors that point at their last sync, and notes on jobs. */
const TEAM_SDL = `
  extend schema
    @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@interfaceObject"])
  type Query { connectors: [Connector!]! }
  type Connector @key(fields: "id") { id: ID! lastSync: SyncJob }
  type SyncJob @key(fields: "id") { id: ID! reviewedBy: String }
  type JobSource @key(fields: "id") @interfaceObject { id: ID! owner: String }
`;

function teamSubgraph(lastSyncId: () => string) {
  return buildSubgraphSchema({
    typeDefs: parse(TEAM_SDL),
    resolvers: {
      Query: { connectors: () => [{ id: 'connector-1' }] },
      Connector: { lastSync: () => ({ id: lastSyncId() }) },
      SyncJob: { reviewedBy: (job: { id: string }) => `reviewer of ${job.id.length}-char id` },
      JobSource: { owner: () => 'team-search' },
    } as never,
  });
}

beforeAll(async () => {
  harness = await startHarness(singleSourceFixture(3));
  const { data } = await harness.gql(
    `query($i: ID!, $d: ID!) { kendraIndex(id: $i) { dataSource(id: $d) { syncJobs(first: 3) { nodes { id } } } } }`,
    { i: KENDRA_INDEX, d: KENDRA_DS },
  );
  jobIds = data.kendraIndex.dataSource.syncJobs.nodes.map((job: { id: string }) => job.id);
  const team = new ApolloServer({ schema: teamSubgraph(() => jobIds[0]) });
  const { url } = await startStandaloneServer(team, { listen: { port: 0, host: '127.0.0.1' } });
  teamServer.url = url;
  teamServer.stop = () => team.stop();
});
afterAll(async () => {
  await teamServer.stop();
  await harness.close();
});

it('answers _service with its SDL, keys and the federation link included', async () => {
  const { data, errors } = await harness.gql('{ _service { sdl } }');
  expect(errors).toBeUndefined();
  expect(data._service.sdl).toContain('@link(url: "https://specs.apollo.dev/federation/v2.3"');
  for (const type of [
    'SyncJob',
    'ImportJob',
    'KendraDataSource',
    'QBusinessDataSource',
    'QConnectKnowledgeBase',
    'KendraIndex',
    'QBusinessApplication',
    'QBusinessIndex',
  ]) {
    expect(data._service.sdl).toMatch(
      new RegExp(`type ${type} implements [^{]*@key\\(fields: "id"\\)`),
    );
  }
  expect(data._service.sdl).toMatch(/interface Job implements Node\s+@key\(fields: "id"\)/);
  expect(data._service.sdl).toMatch(/interface JobSource implements Node\s+@key\(fields: "id"\)/);
});

it('resolves _entities through the node loaders: one look-up call per job, null for a wrong type', async () => {
  await harness.resetStats();
  const { data, errors } = await harness.gql(
    `query($r: [_Any!]!) { _entities(representations: $r) {
      __typename ... on SyncJob { jobId state } ... on KendraDataSource { name } } }`,
    {
      r: [
        { __typename: 'SyncJob', id: jobIds[0] },
        { __typename: 'Job', id: jobIds[1] },
        { __typename: 'SyncJob', id: jobIds[0] },
        { __typename: 'ImportJob', id: jobIds[2] },
      ],
    },
  );
  expect(errors).toBeUndefined();
  expect(data._entities.map((e: { __typename?: string } | null) => e?.__typename ?? null)).toEqual([
    'SyncJob',
    'SyncJob',
    'SyncJob',
    null,
  ]);
  expect(data._entities[0]).toEqual(data._entities[2]);
  // Three distinct jobs asked (the repeated one is shared); the wrong-typed one is looked up too.
  expect((await harness.stats())['kendra.ListDataSourceSyncJobs']).toBe(3);
});

it('composes with a team subgraph, and a supergraph query returns fields of both', async () => {
  const { data } = await harness.gql('{ _service { sdl } }');
  const composed = composeServices([
    { name: 'jobs', typeDefs: parse(data._service.sdl), url: harness.gatewayUrl },
    { name: 'team', typeDefs: parse(TEAM_SDL), url: teamServer.url },
  ]);
  expect(composed.errors).toBeUndefined();
  const gateway = new ApolloGateway({
    supergraphSdl: composed.supergraphSdl!,
    buildService: ({ url }) => new RemoteGraphQLDataSource({ url }),
  });
  const router = new ApolloServer({ gateway });
  const { url } = await startStandaloneServer(router, { listen: { port: 0, host: '127.0.0.1' } });
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `{
          connectors { id lastSync { id jobId state reviewedBy dataSource { name owner } } }
          sources(first: 1) { nodes { sourceId owner } }
        }`,
      }),
    });
    const body = (await response.json()) as { data: any; errors?: unknown };
    expect(body.errors).toBeUndefined();
    const lastSync = body.data.connectors[0].lastSync;
    expect(lastSync.id).toBe(jobIds[0]);
    expect(lastSync.jobId).toEqual(expect.any(String));
    expect(lastSync.state).toEqual(expect.any(String));
    expect(lastSync.dataSource.name).toEqual(expect.any(String));
    expect(lastSync.dataSource.owner).toBe('team-search');
    expect(lastSync.reviewedBy).toBe(`reviewer of ${jobIds[0].length}-char id`);
    expect(body.data.sources.nodes[0]).toEqual({
      sourceId: expect.any(String),
      owner: 'team-search',
    });
  } finally {
    await router.stop();
  }
});

/**
 * Over 14 sources × 10,000 jobs (one every 45 minutes):
 *  - summary: a 31-day `jobSummary` from a cold gateway, then again once its first pages expired,
 *    against the SDK paginators run in parallel over the same window (25 ms per call);
 *  - throughput: the dashboard request (a 7-day `jobSummary` and `jobs(first: 20)`) from 32
 *    clients, against a bare `@apollo/server` answering the same response from memory;
 *  - next page: p50 and p90 of `jobs(first: 20, after:)` at 100 ms, look-ahead off and on.
 */
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { paginateListDataSourceSyncJobs } from '@aws-sdk/client-kendra';
import { paginateListDataSourceSyncJobs as paginateQBusiness } from '@aws-sdk/client-qbusiness';
import { paginateListImportJobs } from '@aws-sdk/client-qconnect';
import type { Fixture } from '../../src/emulator/fixture/fixture';
import { benchFixture } from '../fixtures';
import { load } from '../load';
import {
  type Bench,
  advanceBenchClock,
  benchNow,
  percentile,
  round,
  startBench,
  timed,
  sdkClients,
} from '../setup';

const DAY = 86_400_000;
const SUMMARY = `query($after: DateTime!) { jobSummary(filter: { startedAfter: $after }) {
  total failureRate byState { state count } services { service total failureRate } } }`;
const DASHBOARD = `query($after: DateTime!) {
  jobSummary(filter: { startedAfter: $after }) { total failureRate byState { state count } services { service total } }
  jobs(first: 20) { nodes { jobId service state startedAt source { name } } } }`;

/** The SDK's own paginators over the window, every source at once (as a script would). */
async function sdkSummary(
  bench: Bench,
  fixture: Fixture,
  after: Date,
  before: Date,
): Promise<number> {
  const clients = sdkClients(bench);
  const { kendra, qbusiness, qconnect } = clients;
  let jobs = 0;
  const walks: Promise<void>[] = [];
  for (const index of fixture.kendra!.indices)
    for (const ds of index.dataSources)
      walks.push(
        (async () => {
          const input = {
            IndexId: index.Id,
            Id: ds.Id,
            StartTimeFilter: { StartTime: after, EndTime: before },
          };
          for await (const page of paginateListDataSourceSyncJobs(
            { client: kendra, pageSize: 10 },
            input,
          ))
            jobs += page.History?.length ?? 0;
        })(),
      );
  for (const app of fixture.qbusiness!.applications)
    for (const index of app.indices)
      for (const ds of index.dataSources)
        walks.push(
          (async () => {
            const input = {
              applicationId: app.applicationId,
              indexId: index.indexId,
              dataSourceId: ds.dataSourceId,
              startTime: after,
              endTime: before,
            };
            for await (const page of paginateQBusiness({ client: qbusiness, pageSize: 10 }, input))
              jobs += page.history?.length ?? 0;
          })(),
        );
  for (const kb of fixture.qconnect!.knowledgeBases)
    walks.push(
      (async () => {
        for await (const page of paginateListImportJobs(
          { client: qconnect, pageSize: 100 },
          { knowledgeBaseId: kb.knowledgeBaseId },
        )) {
          const items = page.importJobSummaries ?? [];
          jobs += items.filter((job) => job.createdTime! >= after).length;
          if (items.some((job) => job.createdTime! < after)) break; // newest first: the rest is older
        }
      })(),
    );
  await Promise.all(walks);
  clients.destroy();
  return jobs;
}

async function summary(bench: Bench, fixture: Fixture) {
  await bench.setLatency(25);
  await bench.restartGateway();
  await bench.gql('{ sources(first: 1) { nodes { id } } }');
  const after = new Date(benchNow() - 31 * DAY + 60_000);
  await bench.resetCalls();
  const first = await timed(() => bench.gql(SUMMARY, { after: after.toISOString() }));
  const firstCalls = (await bench.calls()).list;
  advanceBenchClock(10_000); // the first pages' few seconds pass
  await bench.resetCalls();
  const second = await timed(() => bench.gql(SUMMARY, { after: after.toISOString() }));
  const secondCalls = (await bench.calls()).list;
  await bench.resetCalls();
  const sdk = await timed(() => sdkSummary(bench, fixture, after, new Date(benchNow())));
  return {
    jobs: first.value.jobSummary.total,
    sdkJobs: sdk.value,
    firstMs: round(first.ms, 0),
    firstCalls,
    secondMs: round(second.ms, 0),
    secondCalls,
    sdkMs: round(sdk.ms, 0),
    sdkCalls: (await bench.calls()).list,
    firstVsSdk: round(first.ms / sdk.ms),
    secondCallsShare: round(secondCalls / firstCalls, 3),
  };
}

async function throughput(bench: Bench) {
  await bench.setLatency(25);
  await bench.restartGateway();
  const variables = { after: new Date(benchNow() - 7 * DAY).toISOString() };
  const body = JSON.stringify({ query: DASHBOARD, variables });
  const response = await bench.gql(DASHBOARD, variables);
  const bare = new ApolloServer({
    typeDefs: `scalar DateTime
      input JobFilter { startedAfter: DateTime }
      type Count { state: String count: Int }
      type ServiceCount { service: String total: Int }
      type Summary { total: Int failureRate: Float byState: [Count] services: [ServiceCount] }
      type Source { name: String }
      type Job { jobId: String service: String state: String startedAt: String source: Source }
      type Connection { nodes: [Job] }
      type Query { jobSummary(filter: JobFilter): Summary jobs(first: Int): Connection }`,
    resolvers: { Query: { jobSummary: () => response.jobSummary, jobs: () => response.jobs } },
  });
  const { url } = await startStandaloneServer(bare, { listen: { port: 0, host: '127.0.0.1' } });
  try {
    await load(url, body, 32, 1000); // warm-up of both
    await load(bench.gateway.url, body, 32, 1000);
    const ceiling = await load(url, body, 32, 4000);
    const gateway = await load(bench.gateway.url, body, 32, 4000);
    // The same without shared responses: every request computed (from cached pages).
    await bench.restartGateway({ responseCacheTtlSeconds: 0 });
    await load(bench.gateway.url, body, 32, 1000);
    const uncached = await load(bench.gateway.url, body, 32, 4000);
    return {
      gateway,
      bareApollo: ceiling,
      uncached,
      ratio: round(gateway.rps / ceiling.rps),
      uncachedRatio: round(uncached.rps / ceiling.rps),
    };
  } finally {
    await bare.stop();
  }
}

async function nextPage(bench: Bench) {
  await bench.setLatency(100);
  const result: Record<string, { p50Ms: number; p90Ms: number; clicks: number }> = {};
  for (const lookAhead of [false, true]) {
    await bench.restartGateway({ lookAhead });
    await bench.gql('{ sources(first: 1) { nodes { id } } }');
    let after = (await bench.gql('{ jobs(first: 20) { pageInfo { endCursor } } }')).jobs.pageInfo
      .endCursor;
    const samples: number[] = [];
    for (let i = 0; i < 15; i++) {
      await bench.gateway.settled(); // the reader's think time: background reads have finished
      const page = await timed(() =>
        bench.gql(
          'query($after: String) { jobs(first: 20, after: $after) { nodes { jobId } pageInfo { endCursor } } }',
          { after },
        ),
      );
      samples.push(page.ms);
      after = page.value.jobs.pageInfo.endCursor;
    }
    result[lookAhead ? 'lookAheadOn' : 'lookAheadOff'] = {
      p50Ms: round(percentile(samples, 50), 1),
      p90Ms: round(percentile(samples, 90), 1),
      clicks: samples.length,
    };
  }
  return { latencyMs: 100, ...result, p50ShareOfLatencyOn: round(result.lookAheadOn.p50Ms / 100) };
}

export async function dashboard() {
  const fixture = benchFixture({ sources: 14, jobs: 10_000, spacingMinutes: 45 });
  const bench = await startBench(fixture);
  try {
    return {
      summary: await summary(bench, fixture),
      throughput: await throughput(bench),
      nextPage: await nextPage(bench),
    };
  } finally {
    await bench.close();
  }
}

/**
 * Over 60 sources × 1,000 jobs at 25 ms per call, each from a cold gateway with default settings:
 *  - fan-out: the first `jobs(first: 50)` against the critical path (the most pages any one source
 *    must read in a row for it, × the latency);
 *  - deep and backward: 20 pages of 50 forwards and then 20 back, calls against the distinct
 *    upstream pages the walk needs;
 *  - N+1: a 100-job page with each job's source and parent names, calls besides the list calls
 *    against the distinct sources and parents on it.
 */
import { ListDataSourceSyncJobsCommand } from '@aws-sdk/client-kendra';
import { ListDataSourceSyncJobsCommand as ListQBusinessSyncJobs } from '@aws-sdk/client-qbusiness';
import { ListImportJobsCommand } from '@aws-sdk/client-qconnect';
import type { Fixture } from '../../src/emulator/fixture/fixture';
import { benchFixture } from '../fixtures';
import { type Bench, percentile, round, startBench, timed, sdkClients } from '../setup';

const LATENCY_MS = 25;
const FEED = `query($first: Int, $after: String, $last: Int, $before: String) {
  jobs(first: $first, after: $after, last: $last, before: $before) {
    nodes { jobId service source { id } } pageInfo { startCursor endCursor } } }`;
const NAMES = `{ jobs(first: 100) { nodes { jobId source { id name
  ... on KendraDataSource { index { id name } }
  ... on QBusinessDataSource { index { id name } } } } } }`;

type Node = { source: { id: string }; service: string };

/** Per source on a page, the upstream pages its items need (items / the service's page size). */
function pagesPerSource(nodes: Node[]): number[] {
  const perSource = new Map<string, { count: number; size: number }>();
  for (const node of nodes) {
    const entry = perSource.get(node.source.id) ?? {
      count: 0,
      size: node.service === 'QCONNECT' ? 100 : 10,
    };
    entry.count++;
    perSource.set(node.source.id, entry);
  }
  return [...perSource.values()].map((e) => Math.ceil(e.count / e.size));
}

/** Upstream pages the nodes (plus the item that proves more) need. */
const distinctPages = (nodes: Node[]) => pagesPerSource(nodes).reduce((sum, n) => sum + n, 0);

/** The most pages one source must read in a row for the nodes: the rounds of the critical path. */
const criticalRounds = (nodes: Node[]) => Math.max(1, ...pagesPerSource(nodes));

/**
 * The same first pages read with the SDK alone, every source at once from new clients (as a cold
 * gateway's): what 60 calls cost on this machine before any gateway work.
 */
async function sdkFirstPages(bench: Bench, fixture: Fixture): Promise<number> {
  const clients = sdkClients(bench);
  const { kendra, qbusiness, qconnect } = clients;
  const calls: Promise<unknown>[] = [];
  const { ms } = await timed(async () => {
    for (const index of fixture.kendra!.indices)
      for (const ds of index.dataSources)
        calls.push(
          kendra.send(
            new ListDataSourceSyncJobsCommand({ IndexId: index.Id, Id: ds.Id, MaxResults: 10 }),
          ),
        );
    for (const app of fixture.qbusiness!.applications)
      for (const index of app.indices)
        for (const ds of index.dataSources)
          calls.push(
            qbusiness.send(
              new ListQBusinessSyncJobs({
                applicationId: app.applicationId,
                indexId: index.indexId,
                dataSourceId: ds.dataSourceId,
                maxResults: 10,
              }),
            ),
          );
    for (const kb of fixture.qconnect!.knowledgeBases)
      calls.push(
        qconnect.send(
          new ListImportJobsCommand({ knowledgeBaseId: kb.knowledgeBaseId, maxResults: 100 }),
        ),
      );
    await Promise.all(calls);
  });
  clients.destroy();
  return ms;
}

async function fanOut(bench: Bench, fixture: Fixture) {
  const samples: number[] = [];
  const sdkSamples: number[] = [];
  let calls = 0;
  for (let i = 0; i < 3; i++) {
    await bench.setLatency(LATENCY_MS);
    sdkSamples.push(await sdkFirstPages(bench, fixture));
    await bench.restartGateway();
    await bench.setLatency(0);
    await bench.gql('{ sources(first: 1) { nodes { id } } }'); // discovery warm
    await bench.setLatency(LATENCY_MS);
    await bench.resetCalls();
    samples.push((await timed(() => bench.gql(FEED, { first: 50 }))).ms);
    calls = (await bench.calls()).list;
  }
  const proof = (await bench.gql(FEED, { first: 51 })).jobs.nodes as Node[];
  const rounds = criticalRounds(proof);
  const ms = percentile(samples, 50);
  const sdkMs = percentile(sdkSamples, 50);
  return {
    ms: round(ms, 0),
    boundMs: rounds * LATENCY_MS,
    rounds,
    ratio: round(ms / (rounds * LATENCY_MS)),
    calls,
    sdkAloneMs: round(sdkMs, 0),
    sdkAloneRatio: round(sdkMs / (rounds * LATENCY_MS)),
    vsSdkAlone: round(ms / sdkMs),
  };
}

async function deepAndBackward(bench: Bench) {
  await bench.restartGateway();
  await bench.gql('{ sources(first: 1) { nodes { id } } }');
  await bench.resetCalls();
  const nodes: Node[] = [];
  let after: string | null = null;
  const forward = await timed(async () => {
    for (let i = 0; i < 20; i++) {
      const page: any = (await bench.gql(FEED, { first: 50, after })).jobs;
      nodes.push(...page.nodes);
      after = page.pageInfo.endCursor;
    }
  });
  const forwardCalls = (await bench.calls()).list;
  const forwardEnd = after;
  let before: string | null = after;
  const backward = await timed(async () => {
    for (let i = 0; i < 20 && before; i++)
      before = (await bench.gql(FEED, { last: 50, before })).jobs.pageInfo.startCursor;
  });
  const calls = (await bench.calls()).list;
  const proof = (await bench.gql(FEED, { first: 1, after: forwardEnd })).jobs.nodes as Node[];
  const pages = distinctPages([...nodes, ...proof]);
  return {
    forwardCalls,
    backwardCalls: calls - forwardCalls,
    calls,
    distinctPages: pages,
    ratio: round(calls / pages),
    forwardMsPerPage: round(forward.ms / 20, 0),
    backwardMsPerPage: round(backward.ms / 20, 0),
  };
}

async function nPlusOne(bench: Bench) {
  await bench.restartGateway();
  await bench.gql('{ sources(first: 1) { nodes { id } } }');
  await bench.resetCalls();
  const nodes = (await bench.gql(NAMES)).jobs.nodes as {
    source: { id: string; index?: { id: string } };
  }[];
  const { list, all } = await bench.calls();
  const parents = new Set(nodes.flatMap((n) => (n.source.index ? [n.source.index.id] : [])));
  const sources = new Set(nodes.map((n) => n.source.id));
  return {
    jobs: nodes.length,
    distinctSources: sources.size,
    distinctParents: parents.size,
    listCalls: list,
    extraCalls: all - list,
  };
}

export async function feedWalks() {
  const fixture = benchFixture({ sources: 60, jobs: 1000, spacingMinutes: 45 });
  const bench = await startBench(fixture);
  try {
    await bench.setLatency(LATENCY_MS);
    const fan = await fanOut(bench, fixture);
    const deep = await deepAndBackward(bench);
    const names = await nPlusOne(bench);
    return {
      fanOut: fan,
      deepAndBackward: deep,
      nPlusOne: names,
    };
  } finally {
    await bench.close();
  }
}

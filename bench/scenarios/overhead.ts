/**
 * Overhead: 2,000 jobs of one Kendra source through `jobs(first: 100)` against the SDK's
 * `paginateListDataSourceSyncJobs` at the largest page size, at 0 and 25 ms per call, each walk
 * from cold (a new gateway, a new client). The two alternate over several rounds, which go first
 * in turn, so that the machine's other load falls on both alike; the figures are the medians.
 */
import { paginateListDataSourceSyncJobs } from '@aws-sdk/client-kendra';
import { benchFixture } from '../fixtures';
import { type Bench, round, startBench, timed, sdkClients } from '../setup';

const PAGE = `query($id: ID!, $after: String) { node(id: $id) { ... on JobSource {
  jobs(first: 100, after: $after) { nodes { jobId state startedAt } pageInfo { hasNextPage endCursor } } } } }`;
const ROUNDS = { 0: 3, 25: 5 } as const;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1];

async function gatewayWalk(bench: Bench) {
  await bench.restartGateway();
  const id = (await bench.gql('{ sources(first: 1) { nodes { id } } }')).sources.nodes[0].id;
  await bench.resetCalls();
  const walk = await timed(async () => {
    let after: string | null = null;
    let jobs = 0;
    for (;;) {
      const page: any = (await bench.gql(PAGE, { id, after })).node.jobs;
      jobs += page.nodes.length;
      if (!page.pageInfo.hasNextPage) return jobs;
      after = page.pageInfo.endCursor;
    }
  });
  return { ms: walk.ms, jobs: walk.value, calls: (await bench.calls()).all };
}

async function sdkWalk(bench: Bench, input: { IndexId: string; Id: string }) {
  const clients = sdkClients(bench);
  const client = clients.kendra;
  await bench.resetCalls();
  const walk = await timed(async () => {
    let jobs = 0;
    // A copy: the paginator writes each NextToken into the input it is given.
    for await (const page of paginateListDataSourceSyncJobs({ client, pageSize: 10 }, { ...input }))
      jobs += page.History?.length ?? 0;
    return jobs;
  });
  clients.destroy();
  return { ms: walk.ms, jobs: walk.value, calls: (await bench.calls()).all };
}

export async function overhead() {
  const fixture = benchFixture({ sources: 1, jobs: 2000, spacingMinutes: 30 });
  const index = fixture.kendra!.indices[0];
  const input = { IndexId: index.Id, Id: index.dataSources[0].Id };
  const bench = await startBench(fixture);
  const rows = [];
  try {
    // Warms both sides up (module loading, JIT, sockets); not reported.
    await gatewayWalk(bench);
    await sdkWalk(bench, input);
    for (const latencyMs of [0, 25] as const) {
      await bench.setLatency(latencyMs);
      const gateway: Awaited<ReturnType<typeof gatewayWalk>>[] = [];
      const sdk: Awaited<ReturnType<typeof sdkWalk>>[] = [];
      for (let i = 0; i < ROUNDS[latencyMs]; i++) {
        if (i % 2 === 0) {
          gateway.push(await gatewayWalk(bench));
          sdk.push(await sdkWalk(bench, input));
        } else {
          sdk.push(await sdkWalk(bench, input));
          gateway.push(await gatewayWalk(bench));
        }
      }
      const ratios = gateway.map((g, i) => g.ms / sdk[i].ms);
      rows.push({
        latencyMs,
        rounds: ROUNDS[latencyMs],
        jobs: gateway[0].jobs,
        gatewayMs: round(median(gateway.map((g) => g.ms)), 0),
        sdkMs: round(median(sdk.map((s) => s.ms)), 0),
        ratio: round(median(ratios)),
        ratios: ratios.map((r) => round(r)),
        gatewayCalls: gateway[0].calls,
        sdkCalls: sdk[0].calls,
        sdkJobs: sdk[0].jobs,
      });
    }
  } finally {
    await bench.setLatency(0);
    await bench.close();
  }
  return rows;
}

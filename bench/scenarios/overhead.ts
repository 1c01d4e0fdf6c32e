/**
 * Overhead: 2,000 jobs of one Kendra source through `jobs(first: 100)` against the SDK's
 * `paginateListDataSourceSyncJobs` at the largest page size, at 0 and 25 ms per call, each from cold.
 */
import { KendraClient, paginateListDataSourceSyncJobs } from '@aws-sdk/client-kendra';
import { benchFixture } from '../fixtures';
import { round, startBench, timed } from '../setup';

const PAGE = `query($id: ID!, $after: String) { node(id: $id) { ... on JobSource {
  jobs(first: 100, after: $after) { nodes { jobId state startedAt } pageInfo { hasNextPage endCursor } } } } }`;

export async function overhead() {
  const fixture = benchFixture({ sources: 1, jobs: 2000, spacingMinutes: 30 });
  const kendraIndex = fixture.kendra!.indices[0];
  const bench = await startBench(fixture);
  const rows = [];
  try {
    // The first round warms both sides up (module loading, JIT, sockets) and is not reported.
    for (const [i, latencyMs] of [0, 0, 25].entries()) {
      bench.setLatency(latencyMs);
      await bench.restartGateway();
      const id = (await bench.gql('{ sources(first: 1) { nodes { id } } }')).sources.nodes[0].id;
      bench.resetCalls();
      const gateway = await timed(async () => {
        let after: string | null = null;
        let jobs = 0;
        for (;;) {
          const page: any = (await bench.gql(PAGE, { id, after })).node.jobs;
          jobs += page.nodes.length;
          if (!page.pageInfo.hasNextPage) return jobs;
          after = page.pageInfo.endCursor;
        }
      });
      const gatewayCalls = bench.calls().all;
      const client = new KendraClient({
        endpoint: bench.emulator.url,
        region: 'us-east-1',
        credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' },
      });
      bench.resetCalls();
      const sdk = await timed(async () => {
        let jobs = 0;
        const pages = paginateListDataSourceSyncJobs(
          { client, pageSize: 10 },
          { IndexId: kendraIndex.Id, Id: kendraIndex.dataSources[0].Id },
        );
        for await (const page of pages) jobs += page.History?.length ?? 0;
        return jobs;
      });
      const sdkCalls = bench.calls().all;
      client.destroy();
      if (i === 0) continue;
      rows.push({
        latencyMs,
        jobs: gateway.value,
        gatewayMs: round(gateway.ms, 0),
        sdkMs: round(sdk.ms, 0),
        ratio: round(gateway.ms / sdk.ms),
        gatewayCalls,
        sdkCalls,
        sdkJobs: sdk.value,
      });
    }
  } finally {
    bench.setLatency(0);
    await bench.close();
  }
  return rows;
}

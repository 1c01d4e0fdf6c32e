/**
 * Memory: the process's RSS (gateway and emulator together, 14 sources of 1,000 jobs) after a
 * warm-up, and after 20,000 mixed requests from 32 clients (feed pages at many depths, summaries,
 * node look-ups, source lists) at 0 ms: nothing per request may be kept beyond the bounded store.
 */
import { benchFixture } from '../fixtures';
import { type Bench, benchNow, round, startBench } from '../setup';

const MB = 2 ** 20;
const REQUESTS = Number(process.env.BENCH_MEMORY_REQUESTS ?? 20_000);
// Long enough for V8 to size its heap to the load: RSS growth after it is then what is kept.
const WARM_UP = 6_000;

/**
 * The process's RSS after a full collection of both heaps, the gateway's and the emulator's, and
 * what each heap holds (`heapTotal`: what V8 reserved; `heapUsed`: what is alive).
 */
async function measure(bench: Bench) {
  const emulator = await bench.emulator.gc();
  (globalThis as { gc?: () => void }).gc?.();
  const { rss, heapUsed, heapTotal } = process.memoryUsage();
  return { rss, heapUsed, heapTotal, emulatorHeapTotal: emulator.heapTotal };
}

export async function memory() {
  const bench = await startBench(benchFixture({ sources: 14, jobs: 1000, spacingMinutes: 45 }));
  try {
    const ids = (await bench.gql('{ sources(first: 100) { nodes { id } } }')).sources.nodes.map(
      (n: any) => n.id,
    );
    const cursors: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 30; i++) {
      after = (
        await bench.gql(
          'query($a: String) { jobs(first: 50, after: $a) { pageInfo { endCursor } } }',
          { a: after },
        )
      ).jobs.pageInfo.endCursor;
      cursors.push(after as string);
    }
    const week = new Date(benchNow() - 7 * 86_400_000).toISOString();
    const requests: (() => Promise<unknown>)[] = [
      () => bench.gql('{ jobs(first: 20) { nodes { jobId source { name } } } }'),
      // A walk at a random depth, one page on: its cursor replaces the one it came from, so the
      // cursors in use stay recent (the position store keeps a bounded number of pages).
      async () => {
        const at = Math.floor(Math.random() * cursors.length);
        const query =
          'query($a: String) { jobs(first: 20, after: $a) { nodes { jobId } pageInfo { endCursor } } }';
        // One client's share of stored positions is bounded: an old cursor may be gone
        // (CURSOR_EXPIRED), and then the walk starts again from the top, as a client would.
        const page = await bench
          .gql(query, { a: cursors[at] })
          .catch(() => bench.gql(query, { a: null }));
        cursors[at] = page.jobs.pageInfo.endCursor ?? cursors[at];
      },
      () =>
        bench.gql('query($a: DateTime!) { jobSummary(filter: { startedAfter: $a }) { total } }', {
          a: week,
        }),
      () =>
        bench.gql(
          'query($id: ID!) { node(id: $id) { ... on JobSource { name jobs(first: 10) { nodes { jobId } } } } }',
          { id: ids[Math.floor(Math.random() * ids.length)] },
        ),
      () => bench.gql('{ sources(first: 100) { nodes { id name } } }'),
    ];
    let sent = 0;
    const run = async (count: number) => {
      const target = sent + count;
      const loop = async () => {
        while (sent < target) await requests[sent++ % requests.length]();
      };
      await Promise.all(Array.from({ length: 32 }, loop));
    };
    await run(WARM_UP);
    const warm = await measure(bench);
    const started = performance.now();
    await run(REQUESTS);
    const seconds = (performance.now() - started) / 1000;
    const done = await measure(bench);
    const mb = (bytes: number) => round(bytes / MB, 1);
    return {
      requests: REQUESTS,
      warmMb: mb(warm.rss),
      afterMb: mb(done.rss),
      growthMb: mb(done.rss - warm.rss),
      // The emulator's heap (it stands for AWS; its memory is not the gateway's).
      emulatorHeapGrowthMb: mb(done.emulatorHeapTotal - warm.emulatorHeapTotal),
      // What the objects alive after a collection grew by (RSS also holds V8's spare capacity).
      heapUsedGrowthMb: mb(done.heapUsed - warm.heapUsed),
      heapTotalGrowthMb: mb(done.heapTotal - warm.heapTotal),
      requestsPerSecond: round(REQUESTS / seconds, 0),
      gcExposed: Boolean((globalThis as { gc?: unknown }).gc),
    };
  } finally {
    await bench.close();
  }
}

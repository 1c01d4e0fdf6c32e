/**
 * `npm run bench`: the gateway on its emulator (demo data at a fixed scale, emulated latency),
 * measured as ratios within one run, so the numbers compare this machine with itself:
 *
 *  - feedFanOut: first page of the cross-service feed over every demo source (14) / the emulated
 *    latency of one call (300 ms). Target < 2.5: all sources are read in one parallel round
 *    (one source after another would be about 14); feedMs, the absolute time, should stay well
 *    under 1.5 s.
 *  - deepPage: a page resumed deep in a history / the first page. Target < 1.5: cursors resume
 *    at their page token instead of re-walking the history.
 *  - walkCalls: upstream calls of a full forward walk / (the fewest calls that can read the history
 *    + one look-ahead per page). Target < 1.1: no re-reads beyond the look-ahead.
 *  - backwardCalls: calls of the same walk done backward (last/before) / calls of the forward
 *    walk. Target < 3: the token chain lets `before` start near its cursor instead of re-reading
 *    the history from the top on every page (which would cost about pages / 2 times more).
 *  - heapPerPage: heap growth after many pages / heap at start. Target < 1.5: nothing per request
 *    is retained (loaders die with their request).
 *
 * Results go to stdout and bench/results/latest.json. Speed is never asserted in tests.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startEmulator } from '../src/emulator';
import { perService } from '../src/model/services';
import { startGateway } from '../src/server/createGateway';

const SCALE = Number(process.env.BENCH_SCALE ?? 200);
/** Latency of the fan-out measure: a dozen sources with 300 ms each. */
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 300);
/** Latency of the walk measures (many calls in a row). */
const WALK_LATENCY_MS = Number(process.env.BENCH_WALK_LATENCY_MS ?? 20);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

async function main() {
  const emulator = await startEmulator({ port: 0, demo: { seed: 1, scale: SCALE } });
  const setLatency = (latencyMs: number) => emulator.setFaults([{ latencyMs }]);
  setLatency(LATENCY_MS);
  const gateway = await startGateway({ port: 0, endpoint: emulator.url, region: 'us-east-1', logLevel: 'silent', concurrency: perService(() => 8) });
  const gql = async (query: string, variables: Record<string, unknown> = {}) => {
    const response = await fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
    const body = (await response.json()) as { data?: any; errors?: unknown[] };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };
  const timed = async (fn: () => Promise<unknown>) => {
    const samples: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const start = process.hrtime.bigint();
      await fn();
      samples.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    samples.sort((a, b) => a - b);
    return samples[Math.floor(samples.length / 2)];
  };
  const stats = async () => ((await (await fetch(`${emulator.url}/_emulator/stats`)).json()) as { calls: Record<string, number> }).calls;
  const resetStats = () => fetch(`${emulator.url}/_emulator/stats`, { method: 'DELETE' });

  const sources = (await gql('{ sources(first: 100) { nodes { id service } } }')).sources.nodes as { id: string; service: string }[];
  const kendraSource = sources.find((s) => s.service === 'KENDRA')!;
  const SOURCE_PAGE = `query($id: ID!, $after: String) { node(id: $id) { ... on JobSource { jobs(first: 20, after: $after) { nodes { jobId } pageInfo { endCursor hasNextPage } } } } }`;

  // feedFanOut
  const single = await timed(() => gql(SOURCE_PAGE, { id: kendraSource.id }));
  const feed = await timed(() => gql('{ jobs(first: 20) { nodes { jobId } } }'));

  // deepPage, walkCalls and backwardCalls
  setLatency(WALK_LATENCY_MS);
  await resetStats();
  let after: string | null = null;
  let pages = 0;
  let deepCursor: string | null = null;
  for (;;) {
    const data: any = await gql(SOURCE_PAGE, { id: kendraSource.id, after });
    pages++;
    const info = data.node.jobs.pageInfo;
    if (pages === Math.floor(SCALE / 20) - 1) deepCursor = info.endCursor;
    if (!info.hasNextPage) break;
    after = info.endCursor;
  }
  const walkCalls = (await stats())['kendra.ListDataSourceSyncJobs'] ?? 0;
  const fewestCalls = Math.ceil(SCALE / 10) + pages;
  const BACKWARD_PAGE = `query($id: ID!, $before: String) { node(id: $id) { ... on JobSource { jobs(last: 20, before: $before) { pageInfo { startCursor hasPreviousPage } } } } }`;
  await resetStats();
  let before: string | null = null;
  for (;;) {
    const data: any = await gql(BACKWARD_PAGE, { id: kendraSource.id, before });
    const info = data.node.jobs.pageInfo;
    if (!info.hasPreviousPage) break;
    before = info.startCursor;
  }
  const backwardCalls = (await stats())['kendra.ListDataSourceSyncJobs'] ?? 0;
  const first = await timed(() => gql(SOURCE_PAGE, { id: kendraSource.id }));
  const deep = await timed(() => gql(SOURCE_PAGE, { id: kendraSource.id, after: deepCursor }));

  // heapPerPage
  global.gc?.();
  const heapStart = process.memoryUsage().heapUsed;
  for (let i = 0; i < 200; i++) await gql('{ jobs(first: 20) { nodes { jobId source { name } } } }');
  global.gc?.();
  const heapEnd = process.memoryUsage().heapUsed;

  const results = {
    date: new Date().toISOString(),
    setup: { scale: SCALE, latencyMs: LATENCY_MS, walkLatencyMs: WALK_LATENCY_MS, rounds: ROUNDS, sources: sources.length, node: process.version },
    ratios: {
      feedFanOut: { value: feed / LATENCY_MS, target: 2.5, detail: { feedMs: feed, singleSourceMs: single, sources: sources.length, latencyMs: LATENCY_MS } },
      deepPage: { value: deep / first, target: 1.5, detail: { deepMs: deep, firstMs: first } },
      walkCalls: { value: walkCalls / fewestCalls, target: 1.1, detail: { walkCalls, fewestCalls, pages } },
      backwardCalls: { value: backwardCalls / walkCalls, target: 3, detail: { backwardCalls, walkCalls } },
      heapPerPage: { value: heapEnd / heapStart, target: 1.5, detail: { heapStart, heapEnd, gcExposed: Boolean(global.gc) } },
    },
  };
  for (const [name, ratio] of Object.entries(results.ratios)) {
    console.log(`${name.padEnd(12)} ${ratio.value.toFixed(2).padStart(6)}  (target < ${ratio.target}) ${ratio.value < ratio.target ? 'ok' : 'MISSED'}  ${JSON.stringify(ratio.detail)}`);
  }
  mkdirSync(join(__dirname, 'results'), { recursive: true });
  writeFileSync(join(__dirname, 'results', 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
  await gateway.close();
  await emulator.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

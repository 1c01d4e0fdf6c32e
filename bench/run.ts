/**
 * `npm run bench`: every scenario of the speed targets against the emulator with set latencies, in
 * one run, each figure a ratio or a count measured side by side (the gateway against the SDK's
 * paginators, a bare `@apollo/server`, or the fewest calls the work needs). Prints a table and
 * writes `bench/results/latest.json` and `latest.md` with the machine and its load average.
 * `BENCH_ONLY=overhead,feedWalks` runs some scenarios only. Speed is never asserted in tests.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { dashboard } from './scenarios/dashboard';
import { feedWalks } from './scenarios/feedWalks';
import { memory } from './scenarios/memory';
import { overhead } from './scenarios/overhead';
import { scaling } from './scenarios/scaling';

// Memory first: RSS is then the gateway's own, not what earlier scenarios' emulator threads (with
// their large fixtures) left to the allocator.
const SCENARIOS = { memory, overhead, feedWalks, dashboard, scaling } as const;

interface Check {
  figure: string;
  value: number | string;
  target: string;
  /** Undefined: a figure that explains another, with no target of its own. */
  met?: boolean;
}

function checks(r: Record<string, any>): Check[] {
  const out: Check[] = [];
  const at25 = r.overhead?.find((row: any) => row.latencyMs === 25);
  if (at25) {
    out.push({
      figure: 'overhead time ratio at 25 ms',
      value: at25.ratio,
      target: '<= 1.05',
      met: at25.ratio <= 1.05,
    });
    out.push({
      figure: 'overhead calls (gateway / SDK)',
      value: `${at25.gatewayCalls} / ${at25.sdkCalls}`,
      target: 'equal',
      met: at25.gatewayCalls === at25.sdkCalls,
    });
  }
  if (r.feedWalks) {
    const { fanOut, deepAndBackward, nPlusOne } = r.feedWalks;
    out.push({
      figure: 'fan-out / critical path',
      value: fanOut.ratio,
      target: '<= 2',
      met: fanOut.ratio <= 2,
    });
    out.push({
      figure: 'fan-out: the same 60 calls by the SDK alone / critical path',
      value: fanOut.sdkAloneRatio,
      target: '(floor)',
    });
    out.push({
      figure: 'deep+backward calls / distinct pages',
      value: deepAndBackward.ratio,
      target: '<= 1.1',
      met: deepAndBackward.ratio <= 1.1,
    });
    out.push({
      figure: 'N+1 extra calls',
      value: nPlusOne.extraCalls,
      target: '0',
      met: nPlusOne.extraCalls === 0,
    });
  }
  if (r.dashboard) {
    const { throughput, nextPage, summary } = r.dashboard;
    out.push({
      figure: 'dashboard rps / bare Apollo',
      value: throughput.ratio,
      target: '>= 0.5',
      met: throughput.ratio >= 0.5,
    });
    out.push({
      figure: 'dashboard rps / bare Apollo, --response-cache-ttl 0',
      value: throughput.uncachedRatio,
      target: '(no shared responses)',
    });
    out.push({
      figure: 'next page p50 / latency (look-ahead)',
      value: nextPage.p50ShareOfLatencyOn,
      target: '<= 0.2',
      met: nextPage.p50ShareOfLatencyOn <= 0.2,
    });
    out.push({
      figure: 'second summary calls / first',
      value: summary.secondCallsShare,
      target: '<= 0.1',
      met: summary.secondCallsShare <= 0.1,
    });
  }
  if (r.memory)
    out.push({
      figure: 'RSS growth after 20k requests (MB)',
      value: r.memory.growthMb,
      target: '<= 64',
      met: r.memory.growthMb <= 64,
    });
  return out;
}

function markdown(results: Record<string, any>, table: Check[]): string {
  const lines = [
    `# Bench results`,
    '',
    `${results.date} · ${results.machine.cpu} × ${results.machine.cores} · ${results.machine.memoryGb} GB · Node ${results.machine.node}`,
    `Load average before / after: ${results.machine.loadBefore.join(' ')} / ${results.machine.loadAfter.join(' ')} · ${results.seconds} s`,
    '',
    '| figure | value | target | met |',
    '|---|---|---|---|',
    ...table.map(
      (c) =>
        `| ${c.figure} | ${c.value} | ${c.target} | ${c.met === undefined ? '-' : c.met ? 'yes' : 'NO'} |`,
    ),
    '',
    '## Details',
    '',
    '```json',
    JSON.stringify(results.scenarios, null, 2),
    '```',
    '',
  ];
  return lines.join('\n');
}

async function main() {
  const only = process.env.BENCH_ONLY?.split(',');
  const loadBefore = loadavg().map((n) => Math.round(n * 100) / 100);
  const started = performance.now();
  const scenarios: Record<string, unknown> = {};
  for (const [name, run] of Object.entries(SCENARIOS)) {
    if (only && !only.includes(name)) continue;
    const t = performance.now();
    scenarios[name] = await run();
    console.log(`${name}: ${Math.round((performance.now() - t) / 1000)} s`);
  }
  const results = {
    date: new Date().toISOString(),
    seconds: Math.round((performance.now() - started) / 1000),
    machine: {
      cpu: cpus()[0]?.model ?? 'unknown',
      cores: cpus().length,
      memoryGb: Math.round(totalmem() / 2 ** 30),
      node: process.version,
      loadBefore,
      loadAfter: loadavg().map((n) => Math.round(n * 100) / 100),
    },
    scenarios,
  };
  const table = checks(scenarios);
  console.table(table);
  console.log(JSON.stringify(scenarios, null, 2));
  const dir = join(__dirname, 'results');
  mkdirSync(dir, { recursive: true });
  const suffix = only ? `-${only.join('-')}` : '';
  writeFileSync(
    join(dir, `latest${suffix}.json`),
    `${JSON.stringify({ ...results, checks: table }, null, 2)}\n`,
  );
  writeFileSync(join(dir, `latest${suffix}.md`), markdown(results, table));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

/**
 * Scaling at 25 ms per call, each point from a cold gateway: the first `jobs(first: 50)` and a
 * 31-day `jobSummary` (first and repeated) over 10, 30, 60 and 120 sources of 100 jobs, and over
 * 10 sources of 100, 1,000 and 10,000 jobs.
 */
import { benchFixture } from '../fixtures';
import { advanceBenchClock, benchNow, round, startBench, timed } from '../setup';

const SUMMARY = 'query($a: DateTime!) { jobSummary(filter: { startedAfter: $a }) { total } }';

async function point(sources: number, jobs: number) {
  const bench = await startBench(benchFixture({ sources, jobs, spacingMinutes: 45 }));
  try {
    await bench.gql('{ sources(first: 1) { nodes { id } } }');
    await bench.setLatency(25);
    await bench.resetCalls();
    const feed = await timed(() => bench.gql('{ jobs(first: 50) { nodes { jobId } } }'));
    const feedCalls = (await bench.calls()).list;
    const a = new Date(benchNow() - 31 * 86_400_000 + 60_000).toISOString();
    await bench.resetCalls();
    const summary = await timed(() => bench.gql(SUMMARY, { a }));
    const summaryCalls = (await bench.calls()).list;
    advanceBenchClock(10_000);
    await bench.resetCalls();
    const again = await timed(() => bench.gql(SUMMARY, { a }));
    return {
      sources,
      jobsPerSource: jobs,
      feedMs: round(feed.ms, 0),
      feedCalls,
      summaryMs: round(summary.ms, 0),
      summaryCalls,
      repeatMs: round(again.ms, 0),
      repeatCalls: (await bench.calls()).list,
    };
  } finally {
    await bench.close();
  }
}

export async function scaling() {
  const bySources = [];
  for (const sources of [10, 30, 60, 120]) bySources.push(await point(sources, 100));
  const byJobs = [];
  for (const jobs of [100, 1000, 10_000]) byJobs.push(await point(10, jobs));
  return { bySources, byJobs };
}

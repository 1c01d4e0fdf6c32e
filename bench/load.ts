/**
 * A closed-loop load generator: `clients` loops each posting the same GraphQL request as soon as
 * the previous answer arrived, for `durationMs`. Danger: it runs in the measured process; both
 * sides of a comparison must be measured with it, in the same run.
 */
import { percentile, round } from './setup';

export async function load(
  url: string,
  body: string,
  clients: number,
  durationMs: number,
): Promise<{ rps: number; p50Ms: number; p90Ms: number; errors: number }> {
  const deadline = performance.now() + durationMs;
  const samples: number[] = [];
  let errors = 0;
  const loop = async () => {
    while (performance.now() < deadline) {
      const start = performance.now();
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      const text = await response.text();
      if (!response.ok || text.includes('"errors"')) errors++;
      samples.push(performance.now() - start);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: clients }, loop));
  const elapsed = performance.now() - started;
  return {
    rps: round(samples.length / (elapsed / 1000), 0),
    p50Ms: round(percentile(samples, 50), 1),
    p90Ms: round(percentile(samples, 90), 1),
    errors,
  };
}

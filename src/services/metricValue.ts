/**
 * Sync job metrics arrive as digit strings (`MetricValue`, `^(([1-9][0-9]*)|0)$`). They become
 * numbers exactly, or undefined when absent or beyond 2^53 - 1 (the largest integer JSON clients
 * read exactly); never a rounded value.
 */
export function metricValue(raw: string | undefined): number | undefined {
  if (raw === undefined || !/^(0|[1-9][0-9]*)$/.test(raw)) return undefined;
  const value = Number(raw);
  return Number.isSafeInteger(value) ? value : undefined;
}

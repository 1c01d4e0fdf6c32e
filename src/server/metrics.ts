/** Prometheus metrics of one gateway: upstream calls by service, operation and outcome, and their latency. */
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** A Prometheus registry with the upstream call metrics, and their recorder. */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const upstreamCalls = new Counter({
    name: 'syncjobs_upstream_calls_total',
    help: 'Calls to AWS services, by service, operation and outcome (ok or the gateway error code)',
    labelNames: ['service', 'operation', 'outcome'],
    registers: [registry],
  });
  const upstreamSeconds = new Histogram({
    name: 'syncjobs_upstream_call_seconds',
    help: 'Duration of calls to AWS services (SDK retries included)',
    labelNames: ['service', 'operation'],
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  return {
    registry,
    recordCall(event: { service: string; operation: string; ms: number; outcome: string }) {
      upstreamCalls.inc({ service: event.service, operation: event.operation, outcome: event.outcome });
      upstreamSeconds.observe({ service: event.service, operation: event.operation }, event.ms / 1000);
    },
  };
}

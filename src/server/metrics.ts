/**
 * Prometheus metrics of one gateway: upstream calls by service, operation and outcome, their
 * latency, and the upstream policy's state (rates in force, calls in flight, open breakers); polls behind
 * subscriptions by outcome.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { ServicePolicySnapshot } from '../services/servicePolicy';

type PolicyState = () => Record<string, ServicePolicySnapshot>;

/** Gauges read from the upstream policies when `/metrics` is scraped. */
function registerPolicyGauges(registry: Registry, state: PolicyState): void {
  const each = (read: (service: string, snapshot: ServicePolicySnapshot) => void) => {
    for (const [service, snapshot] of Object.entries(state())) read(service, snapshot);
  };
  new Gauge({
    name: 'syncjobs_upstream_in_flight',
    help: 'Upstream calls in flight, by service',
    labelNames: ['service'],
    registers: [registry],
    collect() {
      each((service, s) => this.set({ service }, s.inFlight));
    },
  });
  new Gauge({
    name: 'syncjobs_upstream_in_flight_limit',
    help: 'Most upstream calls in flight at once, by service (--concurrency)',
    labelNames: ['service'],
    registers: [registry],
    collect() {
      each((service, s) => this.set({ service }, s.inFlightLimit));
    },
  });
  new Gauge({
    name: 'syncjobs_upstream_circuit_open',
    help: "1 while a service's circuit breaker is open or probing, else 0",
    labelNames: ['service'],
    registers: [registry],
    collect() {
      each((service, s) => this.set({ service }, s.circuitOpen ? 1 : 0));
    },
  });
  const rates = (
    name: string,
    help: string,
    pick: (r: ServicePolicySnapshot['rates'][number]) => number,
  ) =>
    new Gauge({
      name,
      help,
      labelNames: ['service', 'operation'],
      registers: [registry],
      collect() {
        each((service, s) => {
          for (const r of s.rates)
            if (Number.isFinite(pick(r))) this.set({ service, operation: r.operation }, pick(r));
        });
      },
    });
  rates(
    'syncjobs_upstream_rate',
    'Calls per second allowed now (lower after throttling)',
    (r) => r.rate,
  );
  rates(
    'syncjobs_upstream_rate_limit',
    'Configured calls per second per operation',
    (r) => r.configuredRate,
  );
}

/** A Prometheus registry with the upstream call and policy metrics, and the call recorder. */
export function createMetrics(policyState?: PolicyState) {
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
  if (policyState) registerPolicyGauges(registry, policyState);
  const polls = new Counter({
    name: 'syncjobs_subscription_polls_total',
    help: 'Polls of watched sources behind subscriptions, by service and outcome (ok, skipped: another replica polls, or the error code)',
    labelNames: ['service', 'outcome'],
    registers: [registry],
  });
  let polledSources = () => 0;
  new Gauge({
    name: 'syncjobs_subscription_polled_sources',
    help: 'Sources this process watches for subscribers (one poller each, however many subscribers)',
    registers: [registry],
    collect() {
      this.set(polledSources());
    },
  });
  return {
    registry,
    /** Where the polled-sources gauge reads its value. */
    watchPolledSources(read: () => number) {
      polledSources = read;
    },
    recordPoll(event: { service: string; outcome: string }) {
      polls.inc({ service: event.service, outcome: event.outcome });
    },
    recordCall(event: { service: string; operation: string; ms: number; outcome: string }) {
      upstreamCalls.inc({
        service: event.service,
        operation: event.operation,
        outcome: event.outcome,
      });
      upstreamSeconds.observe(
        { service: event.service, operation: event.operation },
        event.ms / 1000,
      );
    },
  };
}

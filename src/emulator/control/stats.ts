/**
 * Counts service requests per `<service>.<Operation>` (the model's operation name, or the name an
 * unknown target or route asked for, or `Unknown`), for `GET /_emulator/stats`: tests prove the
 * gateway's upstream call counts with it.
 *
 * Danger: a count must be taken for every service request, before any fault or validation can
 * refuse it, and never for the control API's own requests, or the counts stop meaning "calls".
 */
import type { ServiceName } from '../fixture/fixture';

/** `GET /_emulator/stats` body. */
export interface StatsSnapshot {
  calls: Record<string, number>;
}

/** The per-operation request counts of one emulator. */
export class CallStats {
  private calls = new Map<string, number>();

  count(service: ServiceName, operation: string): void {
    const key = `${service}.${operation}`;
    this.calls.set(key, (this.calls.get(key) ?? 0) + 1);
  }

  snapshot(): StatsSnapshot {
    return { calls: Object.fromEntries([...this.calls].sort(([a], [b]) => (a < b ? -1 : 1))) };
  }

  reset(): void {
    this.calls = new Map();
  }
}

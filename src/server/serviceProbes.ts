/**
 * Readiness probes of the AWS services: one cheap list call (one item) per served service, made
 * at most once per interval and cached, so `/readyz` answers from memory between probes and a
 * burst of probes costs one call. Danger: a probe's failure message is shown on `/readyz`, so it
 * is the gateway's own message (from the error table), never the service's body.
 */
import type { Service } from '../model/services';
import { listKendraIndicesPage } from '../services/kendra/resources';
import { listQBusinessApplicationsPage } from '../services/qbusiness/resources';
import { listKnowledgeBasesPage } from '../services/qconnect/resources';
import type { Upstream } from '../services/upstream';
import type { CheckResult, ReadinessCheck } from './readiness';

const PROBES: Record<Service, (upstream: Upstream) => Promise<unknown>> = {
  KENDRA: (upstream) => listKendraIndicesPage(upstream, { size: 1 }),
  QBUSINESS: (upstream) => listQBusinessApplicationsPage(upstream, { size: 1 }),
  QCONNECT: (upstream) => listKnowledgeBasesPage(upstream, { size: 1 }),
};

export interface ServiceProbeOptions {
  /** Least time between two probes of one service (default 30 000 ms). */
  intervalMs?: number;
  now: () => number;
}

/** One readiness check per service, named `kendra`, `qbusiness`, `qconnect`. */
export function serviceProbes(
  upstream: Upstream,
  services: Service[],
  options: ServiceProbeOptions,
): ReadinessCheck[] {
  const intervalMs = options.intervalMs ?? 30_000;
  return services.map((service) => {
    let last: { at: number; result: Promise<CheckResult> } | undefined;
    const probe = async (): Promise<CheckResult> => {
      try {
        await PROBES[service](upstream);
        return { ok: true };
      } catch (error) {
        return { ok: false, reason: (error as Error).message };
      }
    };
    return {
      name: service.toLowerCase(),
      check() {
        const at = options.now();
        if (!last || at - last.at >= intervalMs) last = { at, result: probe() };
        return last.result;
      },
    };
  });
}

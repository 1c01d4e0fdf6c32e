/**
 * Every call the gateway makes to AWS goes through `Upstream.call`: a per-service concurrency limit
 * (p-limit, shared by all requests of this gateway, so one busy dashboard cannot exceed the
 * service's quota on its own), a time-out, a call counter for metrics, and the mapping of failures
 * to the gateway's error codes. Danger: the limiter is process-wide; a call that never settles
 * would hold a slot forever, hence the abort signal on every call.
 */
import pLimit from 'p-limit';
import type { GraphQLError } from 'graphql';
import { toGatewayError, type ServiceLabel, type UpstreamCallContext } from '../errors/toGatewayError';
import type { AwsClients } from './clients';

export interface UpstreamOptions {
  /** Concurrent calls per service (default 4). */
  concurrency?: Partial<Record<ServiceLabel, number>>;
  /** Time allowed for one SDK call, retries included (default 10 s). */
  timeoutMs?: number;
  /** Development mode: upstream error names and messages are shown to clients. */
  exposeUpstreamErrors?: boolean;
  /** Called after every upstream call, for metrics and logs. */
  onCall?: (event: { service: ServiceLabel; operation: string; ms: number; outcome: string }) => void;
}

export class Upstream {
  private readonly limits: Record<ServiceLabel, pLimit.Limit>;
  private readonly timeoutMs: number;

  constructor(
    readonly clients: AwsClients,
    private readonly options: UpstreamOptions = {},
  ) {
    const concurrency = (service: ServiceLabel) => options.concurrency?.[service] ?? 4;
    this.limits = {
      KENDRA: pLimit(concurrency('KENDRA')),
      QBUSINESS: pLimit(concurrency('QBUSINESS')),
      QCONNECT: pLimit(concurrency('QCONNECT')),
    };
    this.timeoutMs = options.timeoutMs ?? 10_000;
  }

  /**
   * Runs `send` under the service's limit and time-out. It rejects only with a `GraphQLError`
   * carrying one of the gateway's codes (and the SDK error as `originalError`).
   */
  call<T>(context: UpstreamCallContext, send: (abortSignal: AbortSignal) => Promise<T>): Promise<T> {
    return this.limits[context.service](async () => {
      const started = Date.now();
      const signal = AbortSignal.timeout(this.timeoutMs);
      try {
        const result = await send(signal);
        this.options.onCall?.({ service: context.service, operation: context.operation, ms: Date.now() - started, outcome: 'ok' });
        return result;
      } catch (error) {
        const mapped: GraphQLError = toGatewayError(error, {
          ...context,
          exposeUpstream: this.options.exposeUpstreamErrors,
        });
        this.options.onCall?.({
          service: context.service,
          operation: context.operation,
          ms: Date.now() - started,
          outcome: String(mapped.extensions.code),
        });
        throw mapped;
      }
    });
  }
}

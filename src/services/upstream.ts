/**
 * Every call the gateway makes to AWS goes through `Upstream.send`: one SDK command, run under a
 * per-service concurrency limit (p-limit, shared by all requests of this gateway, so one busy
 * dashboard cannot exceed the service's quota on its own), a time-out, a call counter for metrics,
 * and the mapping of failures to the gateway's error codes. Danger: the limiter is process-wide; a
 * call that never settles would hold a slot forever, hence the abort signal on every call.
 */
import pLimit from 'p-limit';
import type { GraphQLError } from 'graphql';
import { toGatewayError, type UpstreamCallContext } from '../errors/toGatewayError';
import { perService, SERVICE_DISPLAY_NAMES, type Service } from '../model/services';
import type { AwsClients } from './clients';
import { currentCallBudget } from './callBudget';

export interface UpstreamOptions {
  /** Concurrent calls per service (default 4). */
  concurrency?: Partial<Record<Service, number>>;
  /** Time allowed for one SDK call, retries included (default 10 s). */
  timeoutMs?: number;
  /** Development mode: upstream error names and messages are shown to clients. */
  exposeUpstreamErrors?: boolean;
  /** Called after every upstream call, for metrics and logs. */
  onCall?: (event: UpstreamCallEvent) => void;
}

/** One finished upstream call: `outcome` is `ok` or the gateway error code it failed with. */
export interface UpstreamCallEvent {
  service: Service;
  operation: string;
  ms: number;
  outcome: string;
}

/** What a failed call's message names: the resource, and whether its page token was a client's. */
export interface SendOptions {
  /** What was addressed, for messages: "data source ds-1 in index ...". */
  resource?: string;
  /** The command carries a page token from a client's cursor (`PageRequest.tokenFromCursor`). */
  clientToken?: boolean;
}

/** An AWS SDK v3 command, as every `@aws-sdk/client-*` builds them. */
interface SdkCommand {
  readonly input: object;
}

/** What `client.send(command)` resolves to, read off the command's own middleware type. */
type OutputOf<C> = C extends {
  resolveMiddleware(...args: never[]): (...args: never[]) => Promise<{ output: infer O }>;
}
  ? O
  : never;

type SendFn = (command: SdkCommand, options: { abortSignal: AbortSignal }) => Promise<unknown>;

/** The one way to call AWS (see the module header); one per gateway. */
export class Upstream {
  private readonly limits: Record<Service, pLimit.Limit>;
  private readonly timeoutMs: number;
  private readonly senders: Record<Service, SendFn>;

  constructor(
    readonly clients: AwsClients,
    private readonly options: UpstreamOptions = {},
  ) {
    this.limits = perService((service) => pLimit(options.concurrency?.[service] ?? 4));
    this.timeoutMs = options.timeoutMs ?? 10_000;
    const sender = (client: { send: unknown }): SendFn => (client.send as SendFn).bind(client);
    this.senders = {
      KENDRA: sender(clients.kendra),
      QBUSINESS: sender(clients.qbusiness),
      QCONNECT: sender(clients.qconnect),
    };
  }

  /**
   * Sends `command` with the service's client, under its limit and time-out. The operation name
   * (metrics, messages) is the command's: `ListIndicesCommand` is `ListIndices`. It rejects only
   * with a `GraphQLError` carrying one of the gateway's codes (the SDK error as `originalError`).
   */
  send<C extends SdkCommand>(
    service: Service,
    command: C,
    options: SendOptions = {},
  ): Promise<OutputOf<C>> {
    const context = {
      service,
      operation: operationName(command),
      resource: options.resource,
      clientToken: options.clientToken,
    };
    const send = this.senders[service];
    return this.call(
      context,
      (abortSignal) => send(command, { abortSignal }) as Promise<OutputOf<C>>,
    );
  }

  /**
   * The policy every `send` runs under (limit, time-out, metrics, error mapping), around any
   * call; services use `send`, which names the operation from the command.
   */
  call<T>(
    context: Omit<UpstreamCallContext, 'serviceName' | 'service'> & { service: Service },
    run: (abortSignal: AbortSignal) => Promise<T>,
  ): Promise<T> {
    const { service, operation } = context;
    try {
      currentCallBudget()?.spend();
    } catch (error) {
      return Promise.reject(error);
    }
    return this.limits[service](async () => {
      const started = Date.now();
      const signal = AbortSignal.timeout(this.timeoutMs);
      try {
        const result = await run(signal);
        this.options.onCall?.({ service, operation, ms: Date.now() - started, outcome: 'ok' });
        return result;
      } catch (error) {
        const mapped: GraphQLError = toGatewayError(error, {
          ...context,
          serviceName: SERVICE_DISPLAY_NAMES[service],
          exposeUpstream: this.options.exposeUpstreamErrors,
        });
        const outcome = String(mapped.extensions.code);
        this.options.onCall?.({ service, operation, ms: Date.now() - started, outcome });
        throw mapped;
      }
    });
  }
}

/**
 * `ListIndicesCommand` → `ListIndices`. The SDK's command classes are named after their operation;
 * a bundler that renames classes would break this (the gateway is not bundled).
 */
function operationName(command: SdkCommand): string {
  return command.constructor.name.replace(/Command$/, '');
}

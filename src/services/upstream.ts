/**
 * Every call the gateway makes to AWS goes through `Upstream.send`: one SDK command, charged to
 * the request's cost budget, then run under its service's policy (a time-out over the whole call,
 * a circuit breaker, an adaptive rate per operation and an in-flight cap; see servicePolicy.ts),
 * with every call reported for metrics and failures mapped to the gateway's error codes.
 * Danger: the policies are process-wide; a call that never settles would hold a slot, hence the
 * time-out's abort signal, which reaches the SDK call.
 */
import type { GraphQLError } from 'graphql';
import { ErrorCode, gatewayError } from '../errors/ErrorCode';
import { toGatewayError, type UpstreamCallContext } from '../errors/toGatewayError';
import { perService, SERVICE_DISPLAY_NAMES, type Service } from '../model/services';
import type { AwsClients } from './clients';
import { currentCallBudget } from './callBudget';
import { CircuitOpenError } from './circuitBreaker';
import { ServicePolicy, type ServicePolicySnapshot } from './servicePolicy';
import { UNLIMITED, type RateLimit } from './upstreamQuotas';

export interface UpstreamOptions {
  /** Calls in flight per service (default 64); more wait, within the time-out. */
  concurrency?: Partial<Record<Service, number>>;
  /** The whole life of one call, waiting and SDK retries included (default 10 s). */
  timeoutMs?: number;
  /** The rate limit of each operation (default: none). */
  rateLimit?: (service: Service, operation: string) => RateLimit;
  /** Consecutive outages that open a service's breaker (default 5). */
  breakerFailures?: number;
  /** How long an open breaker fails calls before a probe (default 15 s). */
  breakerHalfOpenMs?: number;
  /** The clock of the rate buckets. */
  now?: () => number;
  /** Development mode: upstream error names and messages are shown to clients. */
  exposeUpstreamErrors?: boolean;
  /** Called after every upstream call, for metrics and logs. */
  onCall?: (event: UpstreamCallEvent) => void;
  /**
   * Called when a call is asked for, in the caller's own async context (where a request's
   * scope can still be read); what it returns is told the call's outcome.
   */
  onStart?: (context: {
    service: Service;
    operation: string;
  }) => ((event: UpstreamCallEvent) => void) | undefined;
}

/** The defaults of `UpstreamOptions`. */
export const UPSTREAM_DEFAULTS = {
  concurrency: 64,
  timeoutMs: 10_000,
  breakerFailures: 5,
  breakerHalfOpenMs: 15_000,
};

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
  private readonly policies: Record<Service, ServicePolicy>;
  private readonly senders: Record<Service, SendFn>;

  constructor(
    readonly clients: AwsClients,
    private readonly options: UpstreamOptions = {},
  ) {
    this.policies = perService(
      (service) =>
        new ServicePolicy({
          timeoutMs: options.timeoutMs ?? UPSTREAM_DEFAULTS.timeoutMs,
          inFlight: options.concurrency?.[service] ?? UPSTREAM_DEFAULTS.concurrency,
          breakerFailures: options.breakerFailures ?? UPSTREAM_DEFAULTS.breakerFailures,
          breakerHalfOpenMs: options.breakerHalfOpenMs ?? UPSTREAM_DEFAULTS.breakerHalfOpenMs,
          rateOf: (operation) => options.rateLimit?.(service, operation) ?? UNLIMITED,
          now: options.now ?? Date.now,
        }),
    );
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
   * The policy every `send` runs under (budget, policy, metrics, error mapping), around any
   * call; services use `send`, which names the operation from the command.
   */
  async call<T>(
    context: Omit<UpstreamCallContext, 'serviceName' | 'service'> & { service: Service },
    run: (abortSignal: AbortSignal) => Promise<T>,
  ): Promise<T> {
    const { service, operation } = context;
    currentCallBudget()?.spend();
    // Told now, in the caller's async context, where a request's scope can be read.
    const finished = this.options.onStart?.({ service, operation });
    const started = Date.now();
    const report = (outcome: string) => {
      const event = { service, operation, ms: Date.now() - started, outcome };
      this.options.onCall?.(event);
      finished?.(event);
    };
    try {
      const result = await this.policies[service].run(operation, run);
      report('ok');
      return result;
    } catch (error) {
      const mapped = this.toError(error, context);
      report(String(mapped.extensions.code));
      throw mapped;
    }
  }

  /** Each service's policy state: in flight, breaker, rates (for `/metrics` and tests). */
  snapshot(): Record<Service, ServicePolicySnapshot> {
    return perService((service) => this.policies[service].snapshot());
  }

  private toError(
    error: unknown,
    context: Omit<UpstreamCallContext, 'serviceName' | 'service'> & { service: Service },
  ): GraphQLError {
    const serviceName = SERVICE_DISPLAY_NAMES[context.service];
    if (error instanceof CircuitOpenError) {
      return gatewayError(
        ErrorCode.UPSTREAM_UNAVAILABLE,
        `${serviceName} is failing; the gateway stopped calling it for now. ` +
          `Try again in ${error.retryAfterSeconds} s.`,
        { service: context.service, retryAfter: error.retryAfterSeconds },
        error,
      );
    }
    return toGatewayError(error, {
      ...context,
      serviceName,
      exposeUpstream: this.options.exposeUpstreamErrors,
    });
  }
}

/**
 * `ListIndicesCommand` → `ListIndices`. The SDK's command classes are named after their
 * operation; a bundler that renames classes would break this (the gateway is not bundled).
 */
function operationName(command: SdkCommand): string {
  return command.constructor.name.replace(/Command$/, '');
}

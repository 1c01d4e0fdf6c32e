/**
 * Turns an upstream failure (an SDK exception, a time-out, a socket error) into the gateway's
 * error vocabulary. One table, keyed by the exception's `name`, then its fault and HTTP status,
 * as smithy's own retry classification does. Danger: the client must never see the service's raw
 * message or body outside development mode: the message here is ours; the upstream one goes to
 * `extensions.upstream` only when `exposeUpstream` is set, and to the logs via `originalError`.
 */
import type { GraphQLError } from 'graphql';
import { ErrorCode, gatewayError } from './ErrorCode';

/** What the mapping needs to know of the failed call, as plain values (this layer knows no model). */
export interface UpstreamCallContext {
  /** The service's code for `extensions.service`: `KENDRA`. */
  service: string;
  /** The service's name for messages: "Amazon Kendra". */
  serviceName: string;
  operation: string;
  /** What was addressed, for the message: "data source ds-1 in index ...". */
  resource?: string;
  /**
   * The call carried a page token that came from a client's cursor: a ValidationException then
   * means the token expired (CURSOR_EXPIRED), not that the gateway sent a bad request.
   */
  clientToken?: boolean;
  /** Development mode: put the upstream error's name and message in `extensions.upstream`. */
  exposeUpstream?: boolean;
}

const BY_NAME: Record<string, ErrorCode> = {
  ThrottlingException: ErrorCode.UPSTREAM_THROTTLED,
  TooManyRequestsException: ErrorCode.UPSTREAM_THROTTLED,
  Throttling: ErrorCode.UPSTREAM_THROTTLED,
  RequestLimitExceeded: ErrorCode.UPSTREAM_THROTTLED,
  ServiceQuotaExceededException: ErrorCode.UPSTREAM_THROTTLED,
  AccessDeniedException: ErrorCode.UPSTREAM_ACCESS_DENIED,
  UnauthorizedException: ErrorCode.UPSTREAM_ACCESS_DENIED,
  ResourceNotFoundException: ErrorCode.NOT_FOUND,
  ConflictException: ErrorCode.CONFLICT,
  ResourceInUseException: ErrorCode.CONFLICT,
  ValidationException: ErrorCode.BAD_USER_INPUT,
  AbortError: ErrorCode.UPSTREAM_TIMEOUT,
  TimeoutError: ErrorCode.UPSTREAM_TIMEOUT,
  RequestTimeout: ErrorCode.UPSTREAM_TIMEOUT,
  RequestTimeoutException: ErrorCode.UPSTREAM_TIMEOUT,
};

/**
 * Failures of the gateway's own AWS settings, not of AWS: no credentials found, credentials AWS
 * no longer (or never did) accept, no region. They are the operator's to fix, so they are an
 * INTERNAL_SERVER_ERROR with a `reason`, never UPSTREAM_ACCESS_DENIED (which stays for AWS
 * refusing a valid identity).
 */
export const AwsSettingsProblem = {
  AWS_CREDENTIALS: 'AWS_CREDENTIALS',
  AWS_REGION: 'AWS_REGION',
} as const;
export type AwsSettingsProblem = (typeof AwsSettingsProblem)[keyof typeof AwsSettingsProblem];

const SETTINGS_BY_NAME: Record<string, AwsSettingsProblem> = {
  CredentialsProviderError: AwsSettingsProblem.AWS_CREDENTIALS,
  ExpiredTokenException: AwsSettingsProblem.AWS_CREDENTIALS,
  ExpiredToken: AwsSettingsProblem.AWS_CREDENTIALS,
  TokenRefreshRequired: AwsSettingsProblem.AWS_CREDENTIALS,
  UnrecognizedClientException: AwsSettingsProblem.AWS_CREDENTIALS,
  InvalidClientTokenId: AwsSettingsProblem.AWS_CREDENTIALS,
  InvalidSignatureException: AwsSettingsProblem.AWS_CREDENTIALS,
  SignatureDoesNotMatch: AwsSettingsProblem.AWS_CREDENTIALS,
};

const SETTINGS_MESSAGES: Record<AwsSettingsProblem, string> = {
  AWS_CREDENTIALS:
    "The gateway's AWS credentials are missing or expired; the operator must renew them " +
    '(details in the gateway log).',
  AWS_REGION: 'The gateway has no AWS region configured; the operator must set one (AWS_REGION).',
};

/** The settings problem behind an upstream failure, if it is one. */
export function awsSettingsProblem(error: unknown): AwsSettingsProblem | undefined {
  const e = (error ?? {}) as UpstreamErrorShape;
  const name = e.name ?? '';
  if (Object.prototype.hasOwnProperty.call(SETTINGS_BY_NAME, name)) return SETTINGS_BY_NAME[name];
  // The SDK says so only in words: a plain Error from its region resolution.
  if (/^Region is missing/.test(e.message ?? '')) return AwsSettingsProblem.AWS_REGION;
  return undefined;
}

const SOCKET_ERRORS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
]);

interface UpstreamErrorShape {
  name?: string;
  code?: string;
  message?: string;
  $fault?: 'client' | 'server';
  $metadata?: { httpStatusCode?: number };
}

/** The code an upstream failure maps to; `clientToken`: see `UpstreamCallContext.clientToken`. */
export function classifyUpstreamError(error: unknown, clientToken = false): ErrorCode {
  const e = (error ?? {}) as UpstreamErrorShape;
  if (awsSettingsProblem(error)) return ErrorCode.INTERNAL_SERVER_ERROR;
  const name = e.name ?? '';
  const status = e.$metadata?.httpStatusCode;
  if (name === 'ValidationException' && clientToken) return ErrorCode.CURSOR_EXPIRED;
  if (Object.prototype.hasOwnProperty.call(BY_NAME, name)) return BY_NAME[name];
  if (e.code && SOCKET_ERRORS.has(e.code)) return ErrorCode.UPSTREAM_UNAVAILABLE;
  if (status === 429) return ErrorCode.UPSTREAM_THROTTLED;
  if (status === 401 || status === 403) return ErrorCode.UPSTREAM_ACCESS_DENIED;
  if (status === 404) return ErrorCode.NOT_FOUND;
  if (status === 408) return ErrorCode.UPSTREAM_TIMEOUT;
  if ((status !== undefined && status >= 500) || e.$fault === 'server')
    return ErrorCode.UPSTREAM_UNAVAILABLE;
  return ErrorCode.UPSTREAM_UNAVAILABLE;
}

/** The client-facing error for an upstream failure. */
export function toGatewayError(error: unknown, context: UpstreamCallContext): GraphQLError {
  const problem = awsSettingsProblem(error);
  if (problem) {
    const cause = error instanceof Error ? error : undefined;
    const extensions = { service: context.service, reason: problem };
    const message = SETTINGS_MESSAGES[problem];
    return gatewayError(ErrorCode.INTERNAL_SERVER_ERROR, message, extensions, cause);
  }
  const code = classifyUpstreamError(error, context.clientToken);
  const service = context.serviceName;
  const what = context.resource ?? `${context.operation} request`;
  const messages: Record<string, string> = {
    [ErrorCode.UPSTREAM_THROTTLED]: `${service} throttled the ${context.operation} request after retries; try again shortly.`,
    [ErrorCode.UPSTREAM_ACCESS_DENIED]: `${service} denied access to ${what}.`,
    [ErrorCode.NOT_FOUND]: `${service} has no ${what}.`,
    [ErrorCode.CONFLICT]: `${service} refused ${context.operation} on ${what}: a sync job is already running or none is running.`,
    [ErrorCode.BAD_USER_INPUT]: `${service} rejected the ${context.operation} request for ${what} as invalid.`,
    [ErrorCode.CURSOR_EXPIRED]: `The cursor's ${service} page token has expired or is no longer valid; restart from the first page (without after/before).`,
    [ErrorCode.UPSTREAM_TIMEOUT]: `${service} did not answer ${context.operation} in time.`,
    [ErrorCode.UPSTREAM_UNAVAILABLE]: `${service} is unavailable for ${context.operation}; try again later.`,
  };
  const e = (error ?? {}) as UpstreamErrorShape;
  const extensions: Record<string, unknown> = { service: context.service };
  if (context.exposeUpstream) extensions.upstream = { name: e.name, message: e.message };
  return gatewayError(
    code,
    messages[code] ?? `${service} failed.`,
    extensions,
    error instanceof Error ? error : undefined,
  );
}

import { GraphQLError } from 'graphql';

/**
 * The one vocabulary of error codes a client can see in `errors[].extensions.code`.
 * The README's error table is checked against this list by a test.
 */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  CURSOR_EXPIRED: 'CURSOR_EXPIRED',
  QUERY_TOO_COMPLEX: 'QUERY_TOO_COMPLEX',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  UPSTREAM_THROTTLED: 'UPSTREAM_THROTTLED',
  UPSTREAM_UNAVAILABLE: 'UPSTREAM_UNAVAILABLE',
  UPSTREAM_ACCESS_DENIED: 'UPSTREAM_ACCESS_DENIED',
  UPSTREAM_TIMEOUT: 'UPSTREAM_TIMEOUT',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  UNSUPPORTED_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
/** One of the codes above. */
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** A client-facing error: a `GraphQLError` whose `extensions.code` is one of `ErrorCode`. */
export function gatewayError(
  code: ErrorCode,
  message: string,
  extensions: Record<string, unknown> = {},
  originalError?: Error,
): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extensions, code }, originalError });
}

/** Shorthand for the most common one: the client sent something we cannot accept. */
export function badUserInput(
  message: string,
  extensions: Record<string, unknown> = {},
): GraphQLError {
  return gatewayError(ErrorCode.BAD_USER_INPUT, message, extensions);
}

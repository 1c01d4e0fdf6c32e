/**
 * What a client sees of an error. Errors carrying one of the gateway's codes (or a GraphQL
 * validation/parse code from Apollo) are shown as they are; anything else is a bug or an
 * unexpected upstream body and is masked as INTERNAL_SERVER_ERROR outside development mode,
 * after being logged. Stack traces are never sent outside development mode. Every error gets the
 * request's id (`extensions.requestId`), and its code is noted for the access log.
 * Danger: an INTERNAL_SERVER_ERROR is shown unmasked only when the gateway made it on purpose
 * (a known `reason`, such as missing AWS credentials); its message must then be the gateway's own.
 */
import type { GraphQLFormattedError } from 'graphql';
import { ErrorCode } from '../errors/ErrorCode';
import { AwsSettingsProblem } from '../errors/toGatewayError';
import { currentRequestScope } from '../request/requestScope';

const SHOWN_CODES = new Set<string>([
  ...Object.values(ErrorCode).filter((code) => code !== ErrorCode.INTERNAL_SERVER_ERROR),
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

const SHOWN_REASONS = new Set<string>(Object.values(AwsSettingsProblem));

export interface FormatErrorOptions {
  development: boolean;
  /** Logs an error that is masked. */
  log: (error: unknown, formatted: GraphQLFormattedError) => void;
  /** Told of a gateway-made INTERNAL_SERVER_ERROR (AWS settings), which is shown, not masked. */
  onSettingsProblem?: (error: unknown, formatted: GraphQLFormattedError) => void;
}

/** Apollo's `formatError`: coded errors shown, the rest logged and masked; each with its request id. */
export function createFormatError(options: FormatErrorOptions) {
  const mask = (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = String(formatted.extensions?.code ?? '');
    const reason = String(formatted.extensions?.reason ?? '');
    if (code === ErrorCode.INTERNAL_SERVER_ERROR && SHOWN_REASONS.has(reason)) {
      options.onSettingsProblem?.(error, formatted);
      return formatted;
    }
    if (SHOWN_CODES.has(code) || options.development) return formatted;
    options.log(error, formatted);
    return {
      message: 'Internal server error',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const shown = mask(formatted, error);
    const request = currentRequestScope();
    if (!request) return shown;
    request.errorCodes.add(String(shown.extensions?.code ?? ErrorCode.INTERNAL_SERVER_ERROR));
    return { ...shown, extensions: { ...shown.extensions, requestId: request.requestId } };
  };
}

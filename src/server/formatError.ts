/**
 * What a client sees of an error. Errors carrying one of the gateway's codes (or a GraphQL
 * validation/parse code from Apollo) are shown as they are; anything else is a bug or an
 * unexpected upstream body and is masked as INTERNAL_SERVER_ERROR outside development mode,
 * after being logged. Stack traces are never sent outside development mode.
 */
import type { GraphQLFormattedError } from 'graphql';
import { ErrorCode } from '../errors/ErrorCode';

const SHOWN_CODES = new Set<string>([
  ...Object.values(ErrorCode).filter((code) => code !== ErrorCode.INTERNAL_SERVER_ERROR),
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/** Apollo's `formatError`: coded errors shown, the rest logged and masked. */
export function createFormatError(options: { development: boolean; log: (error: unknown, formatted: GraphQLFormattedError) => void }) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = String(formatted.extensions?.code ?? '');
    if (SHOWN_CODES.has(code) || options.development) return formatted;
    options.log(error, formatted);
    return {
      message: 'Internal server error',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
}

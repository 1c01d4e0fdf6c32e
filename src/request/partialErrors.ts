/**
 * Partial results: a resolver that still has data when some sources failed reports each failure
 * here instead of throwing, and `server/partialErrorsPlugin.ts` adds them to the response's `errors` next to the data.
 * So one failing upstream never turns a response into `data: null`.
 */
import { GraphQLError, type GraphQLResolveInfo } from 'graphql';
import { responsePathAsArray } from 'graphql';
import type { GatewayContext } from './context';

/** Records an error for the field being resolved, with extra extensions (service, sourceId). */
export function reportPartialError(
  context: GatewayContext,
  info: GraphQLResolveInfo,
  error: unknown,
  extensions: Record<string, unknown>,
): void {
  const original = error instanceof GraphQLError ? error : undefined;
  context.partialErrors.push(
    new GraphQLError(original?.message ?? 'An upstream source failed.', {
      path: responsePathAsArray(info.path),
      originalError: error instanceof Error ? error : undefined,
      extensions: { ...(original?.extensions ?? { code: 'UPSTREAM_UNAVAILABLE' }), ...extensions },
    }),
  );
}

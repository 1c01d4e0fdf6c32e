/**
 * Partial results: a resolver that still has data when some sources failed reports each failure
 * here instead of throwing, and the plugin adds them to the response's `errors` next to the data.
 * So one failing upstream never turns a response into `data: null`.
 */
import type { ApolloServerPlugin } from '@apollo/server';
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

export function partialErrorsPlugin(format: (error: GraphQLError) => unknown): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single' || contextValue.partialErrors.length === 0) return;
          const result = response.body.singleResult;
          result.errors = [...(result.errors ?? []), ...(contextValue.partialErrors.map(format) as never[])];
        },
      };
    },
  };
}

/**
 * Adds the failures that resolvers reported with `reportPartialError` to the response's `errors`,
 * next to the data. Danger: it runs in `willSendResponse`, after `formatError`, so it formats them
 * itself with the same function.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLError } from 'graphql';
import type { GatewayContext } from '../request/context';

/** The Apollo plugin that appends the request's partial errors to a single result. */
export function partialErrorsPlugin(
  format: (error: GraphQLError) => unknown,
): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single' || contextValue.partialErrors.length === 0) return;
          const result = response.body.singleResult;
          result.errors = [
            ...(result.errors ?? []),
            ...(contextValue.partialErrors.map(format) as never[]),
          ];
        },
      };
    },
  };
}

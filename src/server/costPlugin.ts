/**
 * The cost budget at the edge of execution: estimates every operation before it runs and refuses
 * one over the limit (QUERY_TOO_COMPLEX with `cost` and `limit`) before any upstream call,
 * discovery included; then reports `extensions.cost { estimated, actual, limit }` on every
 * response, as GitHub reports `rateLimit`. Danger: it reads the request's own `RequestCost`; the
 * calls are counted by `Upstream`, not here.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '../errors/ErrorCode';
import type { GatewayContext } from '../request/context';
import { estimateCost, type CostHints } from '../request/estimateCost';

export function costPlugin(hints: () => CostHints): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, schema, request, contextValue }) {
          if (!operation) return;
          const cost = contextValue.cost;
          cost.estimated = estimateCost(schema, document, operation, request.variables, hints());
          if (cost.estimated > cost.limit) {
            throw new GraphQLError(
              `This query could make up to ${cost.estimated} upstream calls; ` +
                `the limit is ${cost.limit}. ` +
                'Ask for smaller pages, fewer sources, a shorter window or fewer aliases.',
              {
                extensions: {
                  code: ErrorCode.QUERY_TOO_COMPLEX,
                  cost: cost.estimated,
                  limit: cost.limit,
                  http: { status: 400 },
                },
              },
            );
          }
        },
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single' || !contextValue.cost) return;
          const result = response.body.singleResult;
          result.extensions = { ...result.extensions, cost: contextValue.cost.report() };
        },
      };
    },
  };
}

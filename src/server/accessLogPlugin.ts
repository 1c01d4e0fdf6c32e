/**
 * Notes the operation's name for the request's access log line (written by the HTTP edge when
 * the response ends). Danger: only names go to the log, never the document or its variables.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from '../request/context';
import { currentRequestScope } from '../request/requestScope';

/** The Apollo plugin that tells the request's scope which operation it ran. */
export function accessLogPlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operationName, operation }) {
          const scope = currentRequestScope();
          if (scope)
            scope.operationName =
              operationName ?? `(anonymous ${operation?.operation ?? 'operation'})`;
        },
      };
    },
  };
}

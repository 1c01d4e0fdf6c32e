/**
 * `Cache-Control: no-store` on every GraphQL response, as Apollo's cache-control plugin sets for
 * answers without cache hints (all of the gateway's). That plugin is disabled because it wraps
 * every field resolver to collect hints the schema never gives, a cost paid per field and
 * request. Danger: a schema that starts giving `@cacheControl` hints needs the plugin back.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';

/** The plugins that replace Apollo's cache-control plugin (add both to `plugins`). */
export function noStorePlugins<T extends object>(): ApolloServerPlugin<T>[] {
  return [
    ApolloServerPluginCacheControlDisabled(),
    {
      async requestDidStart() {
        return {
          async willSendResponse({ response }) {
            if (!response.http.headers.has('cache-control'))
              response.http.headers.set('cache-control', 'no-store');
          },
        };
      },
    },
  ];
}

/**
 * Refuses queries nested deeper than a limit (QUERY_TOO_COMPLEX), so one request cannot fan out
 * into an unbounded number of upstream calls through nested connections. Fragments count at the
 * depth they are spread. It runs as a plugin once the operation is resolved (Apollo would rename
 * the code of a validation-rule error to GRAPHQL_VALIDATION_FAILED).
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, type DocumentNode, type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import { ErrorCode } from '../errors/ErrorCode';

/** How deep the operation's selections go (a leaf field directly under the root is 1). */
export function operationDepth(document: DocumentNode, operation: OperationDefinitionNode): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const depthOf = (set: SelectionSetNode, seen: ReadonlySet<string>): number => {
    let deepest = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        deepest = Math.max(deepest, selection.selectionSet ? 1 + depthOf(selection.selectionSet, seen) : 1);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        deepest = Math.max(deepest, depthOf(selection.selectionSet, seen));
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        if (fragment && !seen.has(name)) deepest = Math.max(deepest, depthOf(fragment.selectionSet, new Set([...seen, name])));
      }
    }
    return deepest;
  };
  return depthOf(operation.selectionSet, new Set());
}

/** The Apollo plugin that refuses operations deeper than `maxDepth` (QUERY_TOO_COMPLEX). */
export function depthLimitPlugin<T extends object>(maxDepth: number): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation }) {
          if (!operation) return;
          const depth = operationDepth(document, operation);
          if (depth > maxDepth) {
            throw new GraphQLError(`The query is nested ${depth} levels deep; the limit is ${maxDepth}.`, {
              extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}

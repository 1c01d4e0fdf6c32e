/**
 * Limits on the shape of a document, checked before anything runs: tokens (graphql-js's parser
 * aborts past `maxTokens`, see `parseOptionsOf`), then depth, aliases, directives (graphql-armor's
 * rules) and root fields. Each refusal is QUERY_TOO_COMPLEX with the limit and what was found.
 * Introspection (`__schema`) does not count towards depth, so `getIntrospectionQuery()` works.
 * Danger: these rules run as a plugin, not as validation rules, because Apollo renames the code of
 * every validation error to GRAPHQL_VALIDATION_FAILED.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import {
  GraphQLError,
  Kind,
  validate,
  type DocumentNode,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { ErrorCode } from '../errors/ErrorCode';

export interface DocumentLimits {
  /** Nesting of selections; introspection is exempt (default 12). */
  maxDepth: number;
  /** Aliased fields in the whole operation, fragments included (default 30). */
  maxAliases: number;
  /** Fields selected at the root of the operation, fragments included (default 20). */
  maxRootFields: number;
  /** Lexical tokens of the document (default 5000). */
  maxTokens: number;
  /** Directives in the operation (default 50). */
  maxDirectives: number;
}

export const DEFAULT_DOCUMENT_LIMITS: DocumentLimits = {
  maxDepth: 12,
  maxAliases: 30,
  maxRootFields: 20,
  maxTokens: 5000,
  maxDirectives: 50,
};

function tooComplex(message: string, limit: number, found?: number): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, limit, found, http: { status: 400 } },
  });
}

/** Root fields of an operation, spreads and inline fragments expanded where they occur. */
function countRootFields(document: DocumentNode, operation: OperationDefinitionNode): number {
  const fragments = new Map(
    document.definitions.flatMap((d) =>
      d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [],
    ),
  );
  const count = (set: SelectionSetNode, seen: ReadonlySet<string>): number =>
    set.selections.reduce((sum, selection) => {
      if (selection.kind === Kind.FIELD)
        return sum + (selection.name.value === '__typename' ? 0 : 1);
      if (selection.kind === Kind.INLINE_FRAGMENT) return sum + count(selection.selectionSet, seen);
      const fragment = fragments.get(selection.name.value);
      if (!fragment || seen.has(fragment.name.value)) return sum;
      return sum + count(fragment.selectionSet, new Set([...seen, fragment.name.value]));
    }, 0);
  return count(operation.selectionSet, new Set());
}

/** graphql-armor's messages start with "Syntax Error: "; ours say what the limit is about. */
function armorMessage(error: GraphQLError): string {
  return error.message.replace(/^Syntax Error: /, 'The document is refused: ');
}

/**
 * The first limit `operation` breaks, as a QUERY_TOO_COMPLEX error, or undefined. Used by the
 * plugin below and by the WebSocket server, which runs subscriptions outside Apollo.
 */
export function documentLimitRefusal(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  limits: DocumentLimits,
): GraphQLError | undefined {
  const roots = countRootFields(document, operation);
  if (roots > limits.maxRootFields) {
    return tooComplex(
      `The operation selects ${roots} root fields; the limit is ${limits.maxRootFields}.`,
      limits.maxRootFields,
      roots,
    );
  }
  const refusals: { error: GraphQLError; limit: number }[] = [];
  const collect = (limit: number) => [
    (_: unknown, error: GraphQLError) => void refusals.push({ error, limit }),
  ];
  const common = { propagateOnRejection: false, exposeLimits: true };
  validate(schema, document, [
    maxDepthRule({
      ...common,
      n: limits.maxDepth,
      ignoreIntrospection: true,
      onReject: collect(limits.maxDepth),
    }),
    maxAliasesRule({
      ...common,
      n: limits.maxAliases,
      onReject: collect(limits.maxAliases),
    }),
    maxDirectivesRule({
      ...common,
      n: limits.maxDirectives,
      onReject: collect(limits.maxDirectives),
    }),
  ]);
  if (refusals.length > 0) return tooComplex(armorMessage(refusals[0].error), refusals[0].limit);
  return undefined;
}

/** The plugin that enforces `limits` on every operation. */
export function documentLimitsPlugin<T extends object>(
  limits: DocumentLimits,
): ApolloServerPlugin<T> {
  const checked = new WeakMap<
    DocumentNode,
    WeakMap<OperationDefinitionNode, GraphQLError | null>
  >();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, schema }) {
          if (!operation) return;
          // Apollo hands the same parsed document for the same text (its document store), and
          // the verdict depends on the document and operation only: check each pair once.
          let verdicts = checked.get(document);
          if (verdicts === undefined) checked.set(document, (verdicts = new WeakMap()));
          let verdict = verdicts.get(operation);
          if (verdict === undefined) {
            verdict = documentLimitRefusal(schema, document, operation, limits) ?? null;
            verdicts.set(operation, verdict);
          }
          // A fresh error per request: Apollo may annotate the one it is given.
          if (verdict !== null)
            throw new GraphQLError(verdict.message, { extensions: verdict.extensions });
        },
      };
    },
  };
}

/** Apollo's `parseOptions`: the parser stops reading at the token limit. */
export function parseOptionsOf(limits: DocumentLimits): { maxTokens: number } {
  return { maxTokens: limits.maxTokens };
}

/**
 * The parser's "more than N tokens" syntax error, as the other limits read: QUERY_TOO_COMPLEX
 * with the limit (Apollo reports every parse error as GRAPHQL_PARSE_FAILED).
 */
export function tokenLimitRefusal(
  formatted: GraphQLFormattedError,
  limits: DocumentLimits,
): GraphQLFormattedError {
  if (formatted.extensions?.code !== 'GRAPHQL_PARSE_FAILED') return formatted;
  if (!/more that? \d+ tokens/.test(formatted.message)) return formatted;
  return {
    message: `The document has more than ${limits.maxTokens} tokens; split it into smaller ones.`,
    extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, limit: limits.maxTokens },
  };
}

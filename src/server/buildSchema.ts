/**
 * The executable schema: the SDL files of `schema/` (the contract; codegen reads the same files)
 * with the resolvers of `src/resolvers`, built by `@apollo/subgraph` so that it is also an Apollo
 * Federation 2 subgraph (`_service`, `_entities`, the `@key` entities). Danger: the SDL is read
 * from disk at start, relative to the repository root, so `schema/` must ship with the code.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { GraphQLScalarType, parse, type GraphQLSchema } from 'graphql';
import { resolvers } from '../resolvers';
import { guardRootFields } from '../resolvers/fieldScopes';

const SCHEMA_DIR = join(__dirname, '..', '..', 'schema');

/** The SDL files' text, in file-name order. */
export function loadTypeDefs(dir = SCHEMA_DIR): string[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => readFileSync(join(dir, file), 'utf8'));
}

/**
 * A scalar's behaviour without its library description: `@apollo/subgraph` copies every property
 * of a scalar resolver onto the type, which would replace the description our SDL gives it.
 */
function scalarBehaviour(resolver: unknown): unknown {
  if (!(resolver instanceof GraphQLScalarType)) return resolver;
  const { serialize, parseValue, parseLiteral } = resolver;
  return { serialize, parseValue, parseLiteral };
}

/**
 * The executable schema: the SDL files and the resolvers, as a federation subgraph, every root
 * field (`_entities` included) behind its scope.
 */
export function buildSchema(): GraphQLSchema {
  const resolverMap = Object.fromEntries(
    Object.entries(resolvers).map(([type, resolver]) => [type, scalarBehaviour(resolver)]),
  );
  return guardRootFields(
    buildSubgraphSchema({
      typeDefs: parse(loadTypeDefs().join('\n')),
      resolvers: resolverMap as GraphQLResolverMap<unknown>,
    }),
  );
}

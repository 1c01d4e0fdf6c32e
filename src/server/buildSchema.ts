/**
 * The executable schema: the SDL files of `schema/` (the contract; codegen reads the same files)
 * with the resolvers of `src/resolvers`. Danger: the SDL is read from disk at start, relative to
 * the repository root, so `schema/` must ship with the code.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { GraphQLSchema } from 'graphql';
import { resolvers } from '../resolvers';

const SCHEMA_DIR = join(__dirname, '..', '..', 'schema');

/** The SDL files' text, in file-name order. */
export function loadTypeDefs(dir = SCHEMA_DIR): string[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => readFileSync(join(dir, file), 'utf8'));
}

/** The executable schema: the SDL files and the resolvers. */
export function buildSchema(): GraphQLSchema {
  return makeExecutableSchema({ typeDefs: loadTypeDefs(), resolvers: resolvers as never });
}

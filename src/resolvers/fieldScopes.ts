/**
 * Scopes per field: every root field needs a scope of the caller, `jobs:read` for queries (and
 * subscriptions), `jobs:sync` for mutations. A field the caller may not use resolves to an error
 * coded FORBIDDEN, so it is null and the rest of the response is still served. Danger: checks sit
 * on root fields, so a root field added later is covered by its type's default; a field needing
 * another scope must be listed in `FIELD_SCOPES`.
 */
import { defaultFieldResolver, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { ErrorCode, gatewayError } from '../errors/ErrorCode';
import { Scope } from '../request/caller';
import type { GatewayContext } from '../request/context';

/** The scope each root type's fields need, unless `FIELD_SCOPES` names the field. */
const TYPE_SCOPES = {
  Query: Scope.JOBS_READ,
  Mutation: Scope.JOBS_SYNC,
  Subscription: Scope.JOBS_READ,
};

/** Fields whose scope is not their type's default, as `Type.field`. */
const FIELD_SCOPES: Record<string, Scope> = {
  'Mutation.startSync': Scope.JOBS_SYNC,
  'Mutation.stopSync': Scope.JOBS_SYNC,
};

function guarded(
  scope: Scope,
  coordinate: string,
  resolve: GraphQLFieldResolver<unknown, GatewayContext>,
): GraphQLFieldResolver<unknown, GatewayContext> {
  return (source, args, context, info) => {
    if (!context.caller.scopes.has(scope)) {
      const held = [...context.caller.scopes].join(' ') || 'none';
      throw gatewayError(
        ErrorCode.FORBIDDEN,
        `${coordinate} needs the scope "${scope}"; the caller "${context.caller.name}" has: ${held}.`,
        { scope },
      );
    }
    return resolve(source, args, context, info);
  };
}

/** Puts the scope check in front of every root field's resolver (and subscription source). */
export function guardRootFields(schema: GraphQLSchema): GraphQLSchema {
  const roots = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()];
  for (const type of roots) {
    if (!type) continue;
    const typeScope = TYPE_SCOPES[type.name as keyof typeof TYPE_SCOPES] ?? Scope.JOBS_READ;
    for (const field of Object.values(type.getFields())) {
      const coordinate = `${type.name}.${field.name}`;
      const scope = FIELD_SCOPES[coordinate] ?? typeScope;
      if (field.subscribe) field.subscribe = guarded(scope, coordinate, field.subscribe);
      else field.resolve = guarded(scope, coordinate, field.resolve ?? defaultFieldResolver);
    }
  }
  return schema;
}

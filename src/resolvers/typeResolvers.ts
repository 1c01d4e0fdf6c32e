/** The abstract types (`Node`, `Job`, `JobSource`) resolve to the `kind` their models carry. */
import type { JobModel } from '../model/jobs';
import type { NodeRef } from '../model/sources';

/** `__resolveType` of the abstract types: a model's `kind` is its GraphQL type name. */
export const resolveKind = (value: NodeRef | JobModel) => value.kind;

/**
 * Whether a connection field's selection can read a cursor (`edges.cursor`, `pageInfo.startCursor`
 * or `endCursor`), so a page nobody pages from skips encoding, signing and storing them. Danger:
 * the answer must never be a false "no": any field of those names anywhere under the connection,
 * fragments included, counts as a yes.
 */
import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

const CURSOR_FIELDS: ReadonlySet<string> = new Set(['cursor', 'startCursor', 'endCursor']);

/** True when the resolved field's selection (any depth) names a cursor field. */
export function selectsCursors(info: GraphQLResolveInfo): boolean {
  const seen = new Set<string>();
  const inSet = (set: SelectionSetNode | undefined): boolean =>
    set !== undefined &&
    set.selections.some((selection) => {
      if (selection.kind === Kind.FIELD)
        return CURSOR_FIELDS.has(selection.name.value) || inSet(selection.selectionSet);
      if (selection.kind === Kind.INLINE_FRAGMENT) return inSet(selection.selectionSet);
      const name = selection.name.value;
      if (seen.has(name)) return false;
      seen.add(name);
      // An unknown fragment cannot be ruled out.
      const fragment = info.fragments[name];
      return fragment === undefined || inSet(fragment.selectionSet);
    });
  return info.fieldNodes.some((node) => inSet(node.selectionSet));
}

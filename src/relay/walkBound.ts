/**
 * The walk bound `b` of a connection request: a walk begins at a request without cursors, which
 * fixes `b = now()`; every cursor of the walk carries it, so items that start later never enter
 * the walk. With both cursors, the earlier bound wins.
 */
export function walkBound(
  after: { b: number } | undefined,
  before: { b: number } | undefined,
  now: () => number,
): number {
  if (after === undefined && before === undefined) {
    const b = now();
    if (!Number.isFinite(b)) throw new Error(`the clock for the walk bound returned ${b}`);
    return Math.floor(b);
  }
  return Math.min(after?.b ?? Infinity, before?.b ?? Infinity);
}

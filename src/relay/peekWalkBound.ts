/**
 * The walk bound `b` a cursor carries, read before its connection is known: a relative window
 * (`startedWithin`) is counted back from the walk's start, and the window is part of the
 * connection's key, so it must be fixed before the cursor can be checked against that key.
 * Only a signed cursor is read (`payload.signature`, the signature checked when a signer is
 * given); anything else gives `undefined`, and the full check that follows refuses it.
 */
import type { CursorSigner } from './cursorSignature';
import type { PositionStore } from './pagePositions';

function payloadOf(cursor: string, signer?: CursorSigner): Record<string, unknown> | undefined {
  const match = /^([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)$/.exec(cursor);
  if (match === null || (signer && !signer.verify(match[1]!, match[2]!))) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(match[1]!, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** Where to read cursors from: their signer, and the store of merged pages' positions. */
export interface CursorReading {
  signer?: CursorSigner;
  positions?: PositionStore;
}

/** `b` of the cursor (following a merged page's reference into `positions`), or undefined. */
export async function peekWalkBound(
  cursor: string | null | undefined,
  reading: CursorReading = {},
): Promise<number | undefined> {
  if (!cursor) return undefined;
  const payload = payloadOf(cursor, reading.signer);
  let b = payload?.b;
  if (b === undefined && typeof payload?.p === 'string' && reading.positions) {
    // A store that cannot be read leaves the bound unknown; the cursor's own check reports it.
    b = (await reading.positions.load(payload.p).catch(() => undefined))?.b;
  }
  return typeof b === 'number' && Number.isFinite(b) ? b : undefined;
}

/** The anchor of a request's relative windows: the walk bound of its cursors, or `now()`. */
export async function walkAnchor(
  args: { after?: string | null; before?: string | null },
  now: () => number,
  reading: CursorReading = {},
): Promise<number> {
  const bounds = (
    await Promise.all([peekWalkBound(args.after, reading), peekWalkBound(args.before, reading)])
  ).filter((b): b is number => b !== undefined);
  return bounds.length > 0 ? Math.min(...bounds) : Math.floor(now());
}

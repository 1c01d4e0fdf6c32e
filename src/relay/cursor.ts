/**
 * The cursor codec: a position in a connection to an opaque string and back, nothing else.
 * A cursor is `<payload>.<signature>`: the payload is base64url of a small JSON object
 * `{ v, k, ... }` (`v` the format version, `k` a short hash of the connection key: service,
 * resource ids, filters), the signature its HMAC-SHA-256 (`cursorSignature.ts`). A cursor that is
 * garbled, edited, truncated, signed with another secret, of another version or of another
 * connection is `BAD_USER_INPUT`, never a silent restart; the signature is checked before the
 * payload is even parsed.
 *
 * Danger: cursors are signed, not secret: a client can read the page tokens in them, but cannot
 * change them. Everything the gateway later sends upstream from a cursor must come from a payload
 * whose signature verified.
 *
 * Single-source edge cursor (`connection.ts`), one of:
 *   `{ v: 1, k, b, s, o, t? }`  the edge is raw item `o` of the page fetched with token `t`
 *                               (`t` absent = first page);
 *   `{ v: 1, k, b, s, n }`      every raw item after the edge in its page was rejected (or it was
 *                               the page's last): resume straight at the page's nextToken `n`;
 *   `{ v: 1, k, b, s, e: 1 }`   same, and the page had no nextToken: nothing follows the edge.
 * `s` is the edge's sort key, `b` the walk bound (ms; items with a later time are not in the walk).
 */
import { createHash } from 'node:crypto';
import { badUserInput } from '../errors/ErrorCode';
import { type CursorSigner, processCursorSigner } from './cursorSignature';
import type { SortKey } from './pageSource';
import { fromWireSortKey, toWireSortKey } from './sortKey';

/** The format version every cursor carries (`v`). */
export const CURSOR_VERSION = 1;
/**
 * Longest cursor string read at all; anything longer is refused before its signature is checked.
 * The gateway issues cursors of at most `MAX_INLINE_CURSOR_LENGTH` characters (about 1 kB), or up
 * to this length only while its store is unavailable (`mergedConnection.ts`).
 */
export const MAX_CURSOR_INPUT_LENGTH = 32_768;

const RESTART = 'start again without after/before';

/** A short, stable hash of a connection key (48 bits, base64url): the `k` of its cursors. */
export function connectionKeyHash(key: string): string {
  return createHash('sha256').update(key).digest('base64url').slice(0, 8);
}

/** Writes and signs any cursor payload (`v` is added here). */
export function encodeCursorPayload(
  k: string,
  payload: Record<string, unknown>,
  signer: CursorSigner = processCursorSigner,
): string {
  const body = Buffer.from(JSON.stringify({ v: CURSOR_VERSION, k, ...payload }), 'utf8');
  const part = body.toString('base64url');
  return `${part}.${signer.sign(part)}`;
}

/**
 * Reads the envelope of a cursor given as argument `arg` of a connection whose key hashes to `k`,
 * and returns its payload. Throws `BAD_USER_INPUT` when it is not ours, of another version, or
 * of another connection.
 */
export function decodeCursorPayload(
  cursor: string,
  arg: 'after' | 'before',
  k: string,
  signer: CursorSigner = processCursorSigner,
): Record<string, unknown> {
  const notOurs = (why: string) =>
    badUserInput(
      `\`${arg}\` is not a cursor of this connection (${why}; it was not issued by this gateway, ` +
        `was altered, or was signed with a secret this gateway does not have): ${RESTART}`,
      { argumentName: arg },
    );
  if (typeof cursor !== 'string' || cursor.length === 0) throw notOurs('it is empty');
  if (cursor.length > MAX_CURSOR_INPUT_LENGTH) {
    throw notOurs(`${cursor.length} characters, the limit is ${MAX_CURSOR_INPUT_LENGTH}`);
  }
  const match = /^([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)$/.exec(cursor);
  if (match === null) throw notOurs('it is not of the form payload.signature');
  if (!signer.verify(match[1], match[2])) throw notOurs('its signature does not match');
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(match[1], 'base64url').toString('utf8'));
  } catch {
    throw notOurs('its payload is not JSON');
  }
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    throw notOurs('its payload is not an object');
  }
  const record = payload as Record<string, unknown>;
  if (typeof record.v !== 'number' || typeof record.k !== 'string') {
    throw notOurs('its payload has no version or connection');
  }
  if (record.v !== CURSOR_VERSION) {
    throw badUserInput(
      `\`${arg}\` is a cursor of format version ${record.v}; this gateway reads version ${CURSOR_VERSION}: ${RESTART}`,
      { argumentName: arg },
    );
  }
  if (record.k !== k) {
    throw badUserInput(
      `\`${arg}\`: this cursor belongs to another connection (other data source or filter): ${RESTART}`,
      {
        argumentName: arg,
      },
    );
  }
  return record;
}

/** Where a single-source edge sits, as its cursor carries it. */
export type SourceCursor =
  | { b: number; s: SortKey; at: 'page'; token: string | undefined; offset: number }
  | { b: number; s: SortKey; at: 'pageEnd'; nextToken: string }
  | { b: number; s: SortKey; at: 'listEnd' };

/** Writes and signs a single-source edge cursor. */
export function encodeSourceCursor(
  k: string,
  cursor: SourceCursor,
  signer: CursorSigner = processCursorSigner,
): string {
  const common = { b: cursor.b, s: toWireSortKey(cursor.s) };
  switch (cursor.at) {
    case 'page': {
      const token = cursor.token !== undefined ? { t: cursor.token } : {};
      return encodeCursorPayload(k, { ...common, o: cursor.offset, ...token }, signer);
    }
    case 'pageEnd':
      return encodeCursorPayload(k, { ...common, n: cursor.nextToken }, signer);
    case 'listEnd':
      return encodeCursorPayload(k, { ...common, e: 1 }, signer);
    default: {
      const never: never = cursor;
      throw new Error(`unreachable cursor ${JSON.stringify(never)}`);
    }
  }
}

/** Reads a single-source cursor; `BAD_USER_INPUT` (before any upstream call) when it is not one. */
export function decodeSourceCursor(
  cursor: string,
  arg: 'after' | 'before',
  k: string,
  signer: CursorSigner = processCursorSigner,
): SourceCursor {
  const p = decodeCursorPayload(cursor, arg, k, signer);
  const s = fromWireSortKey(p.s);
  const b = p.b;
  const malformed = () =>
    badUserInput(
      `\`${arg}\` is not a cursor of this connection (it was not issued by this gateway or was altered): ${RESTART}`,
      {
        argumentName: arg,
      },
    );
  if (s === undefined || typeof b !== 'number' || !Number.isFinite(b)) throw malformed();
  if (p.e === 1 && p.n === undefined && p.t === undefined && p.o === undefined)
    return { b, s, at: 'listEnd' };
  if (typeof p.n === 'string' && p.e === undefined && p.t === undefined && p.o === undefined) {
    return { b, s, at: 'pageEnd', nextToken: p.n };
  }
  const o = p.o;
  if (
    typeof o === 'number' &&
    Number.isInteger(o) &&
    o >= 0 &&
    (p.t === undefined || typeof p.t === 'string') &&
    p.n === undefined &&
    p.e === undefined
  ) {
    return { b, s, at: 'page', token: p.t as string | undefined, offset: o };
  }
  throw malformed();
}

/**
 * The id of a request: the client's `x-request-id` when it is well formed (so a trace can cross
 * systems), otherwise a new UUID. Danger: the client's value reaches log lines and headers, hence
 * the strict shape: no spaces, quotes or control characters, at most 128 characters.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** A client-sent id is kept when it matches this. */
export const REQUEST_ID_SHAPE = /^[A-Za-z0-9._:-]{1,128}$/;

/** The id of `req`: its well-formed `x-request-id`, or a new UUID. */
export function requestIdOf(req: IncomingMessage): string {
  const sent = req.headers['x-request-id'];
  return typeof sent === 'string' && REQUEST_ID_SHAPE.test(sent) ? sent : randomUUID();
}

/**
 * Reads a POST body for `/graphql`: JSON media types only (415 otherwise), at most `maxBytes`
 * (413 otherwise), parsed (400 when it is not JSON). Danger: refusing a body must never reset the
 * connection, so an oversize body is answered at once and the rest of it is read and dropped
 * instead of destroying the socket (Node's request time-out bounds a client that never stops).
 */
import type http from 'node:http';
import { ErrorCode } from '../errors/ErrorCode';

/** The body limit of `/graphql` (1 MiB). */
export const MAX_BODY_BYTES = 1024 * 1024;

/** Media types a GraphQL POST may carry: JSON, or GraphQL over HTTP's own. */
const JSON_MEDIA_TYPES = new Set(['application/json', 'application/graphql-response+json']);

/** An error that ends as an HTTP status with a JSON body, not as a 500. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code = 'BAD_REQUEST',
  ) {
    super(message);
  }
}

function mediaTypeOf(req: http.IncomingMessage): string {
  return (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
}

function tooLarge(maxBytes: number): HttpError {
  return new HttpError(
    413,
    `The request body is larger than ${maxBytes} bytes; send a smaller document.`,
    ErrorCode.PAYLOAD_TOO_LARGE,
  );
}

/** The parsed JSON body, or undefined for an empty one; rejects with an `HttpError`. */
export function readJsonBody(
  req: http.IncomingMessage,
  maxBytes = MAX_BODY_BYTES,
): Promise<unknown> {
  const type = mediaTypeOf(req);
  if (!JSON_MEDIA_TYPES.has(type)) {
    req.resume();
    return Promise.reject(
      new HttpError(
        415,
        'Content-Type must be application/json (or application/graphql-response+json); ' +
          `got "${type || 'none'}".`,
        ErrorCode.UNSUPPORTED_MEDIA_TYPE,
      ),
    );
  }
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    req.resume();
    return Promise.reject(tooLarge(maxBytes));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      if (over) return;
      size += chunk.length;
      if (size > maxBytes) {
        over = true;
        chunks.length = 0;
        reject(tooLarge(maxBytes));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (over) return;
      const text = Buffer.concat(chunks).toString('utf8');
      if (text.length === 0) return resolve(undefined);
      try {
        resolve(JSON.parse(text));
      } catch {
        reject(new HttpError(400, 'The request body is not valid JSON.'));
      }
    });
    req.on('error', reject);
  });
}

/**
 * Page tokens: opaque, bound to the request they continue, and expiring. A token is AES-256-GCM
 * over a small JSON payload (binding digest, issue time, position) under a key made per emulator,
 * then base64url; it stays well under the 800 characters Kendra and Q Business allow.
 *
 * Danger: nothing in a token may be readable or forgeable by a client, or the gateway could come to
 * depend on its layout (an offset it parses). Keep every field inside the ciphertext, and refuse
 * any token whose binding digest differs from the request's.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import type { Clock } from '../clock';

/** Ascending sort key: `rank` first, ties by `id` (plain string comparison). */
export interface SortKey {
  rank: number;
  id: string;
}

/**
 * Where the next page starts: after `skip` items already returned (offset mode), strictly after a
 * sort key (keyset mode), or, when the last id was too long to carry, after `skip` items of `rank`.
 */
export type PagePosition = { offset: number } | { after: SortKey } | { rank: number; skip: number };

/** A token that is not ours, not for this request (`invalid`), or too old (`expired`). */
export class TokenError extends Error {
  constructor(
    readonly reason: 'invalid' | 'expired',
    message: string,
  ) {
    super(message);
    this.name = 'TokenError';
  }
}

interface Payload {
  /** digest of the binding */
  b: string;
  /** issued at, epoch ms */
  t: number;
  o?: number;
  r?: number;
  i?: string;
  s?: number;
}

const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Issues and reads the page tokens of one emulator. */
export class PageTokenCodec {
  private readonly key = randomBytes(32);

  /** `ttlMs`: how long a token stays valid, on `clock`. */
  constructor(
    private readonly ttlMs: number,
    private readonly clock: Clock,
  ) {}

  /**
   * A token continuing `binding` (service, operation, resource ids, filters; never the page size)
   * at `position`.
   */
  encode(binding: string, position: PagePosition): string {
    const payload: Payload = { b: digest(binding), t: this.clock.now() };
    if ('offset' in position) payload.o = position.offset;
    else if ('after' in position) {
      payload.r = position.after.rank;
      payload.i = position.after.id;
    } else {
      payload.r = position.rank;
      payload.s = position.skip;
    }
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(JSON.stringify(payload), 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
  }

  /**
   * The position a token carries; throws `TokenError` if it is not ours, not for `binding`, or
   * expired.
   */
  decode(token: string, binding: string): PagePosition {
    const payload = this.open(token);
    if (!payload || payload.b !== digest(binding)) {
      throw new TokenError(
        'invalid',
        'The nextToken is invalid for this request: it was not issued for these parameters ' +
          '(resource ids and filters must stay the same between pages).',
      );
    }
    if (this.clock.now() - payload.t > this.ttlMs) {
      throw new TokenError(
        'expired',
        `The nextToken has expired: tokens are valid for ${this.ttlMs / 1000} seconds. Start ` +
          `again from the first page.`,
      );
    }
    if (payload.o !== undefined) return { offset: payload.o };
    if (payload.r !== undefined && payload.i !== undefined)
      return { after: { rank: payload.r, id: payload.i } };
    if (payload.r !== undefined && payload.s !== undefined)
      return { rank: payload.r, skip: payload.s };
    throw new TokenError('invalid', 'The nextToken is invalid for this request.');
  }

  private open(token: string): Payload | undefined {
    try {
      const raw = Buffer.from(token, 'base64url');
      if (raw.length <= IV_BYTES + TAG_BYTES) return undefined;
      const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, IV_BYTES));
      decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      const text = Buffer.concat([
        decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)),
        decipher.final(),
      ]).toString('utf8');
      const payload = JSON.parse(text) as Payload;
      return typeof payload.b === 'string' && typeof payload.t === 'number' ? payload : undefined;
    } catch {
      return undefined;
    }
  }
}

function digest(binding: string): string {
  return createHash('sha256').update(binding).digest('base64url').slice(0, 22);
}

/**
 * The signature of every cursor: HMAC-SHA-256 over the cursor's payload, keyed by the gateway's
 * cursor secrets. The first secret signs; every secret verifies, so a secret can be rotated in
 * (add it second, then first) and out (drop it after the cursor lifetime) without voiding cursors.
 *
 * Danger: the secret is what makes a cursor trustworthy. A cursor whose signature verifies is
 * taken as the gateway's own, page tokens included: a leaked secret lets a client send AWS any
 * page token. Without a configured secret each process makes a random one, so replicas behind
 * one load balancer must be given the same `--cursor-secret`.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** Length of a signature in a cursor: the 32-byte HMAC in base64url. */
export const CURSOR_SIGNATURE_LENGTH = 43;

export interface CursorSigner {
  /** The signature of `payload` (base64url, `CURSOR_SIGNATURE_LENGTH` characters). */
  sign(payload: string): string;
  /** Whether `signature` is the signature of `payload` under any of the secrets. */
  verify(payload: string, signature: string): boolean;
}

/**
 * A signer over `secrets` (the first signs, all verify). Throws when none is given or one is
 * empty: an empty HMAC key would sign every cursor with a key anyone knows.
 */
export function createCursorSigner(secrets: readonly string[]): CursorSigner {
  if (secrets.length === 0 || secrets.some((secret) => secret.length === 0)) {
    throw new Error('cursor secrets must be non-empty strings');
  }
  const mac = (secret: string, payload: string) =>
    createHmac('sha256', secret).update(payload).digest();
  return {
    sign: (payload) => mac(secrets[0], payload).toString('base64url'),
    verify(payload, signature) {
      if (signature.length !== CURSOR_SIGNATURE_LENGTH) return false;
      const given = Buffer.from(signature, 'base64url');
      // base64url decoding ignores junk; only the exact spelling of a signature is accepted.
      if (given.length !== 32 || given.toString('base64url') !== signature) return false;
      return secrets.some((secret) => timingSafeEqual(mac(secret, payload), given));
    },
  };
}

/** Splits `--cursor-secret a,b,c` into its secrets (empty parts are an error of the caller). */
export function parseCursorSecrets(raw: string): string[] {
  return raw.split(',').map((secret) => secret.trim());
}

/** A signer with a random secret of this process: cursors are valid only on this process. */
export function createProcessCursorSigner(): CursorSigner {
  return createCursorSigner([randomBytes(32).toString('base64url')]);
}

/** The signer used when none is passed (tests, single-process use): random per process. */
export const processCursorSigner: CursorSigner = createProcessCursorSigner();

/**
 * Authentication at the HTTP edge, before any GraphQL work: `Authorization: Bearer <credential>`,
 * where the credential is a JWT (three dot-separated parts, when a JWKS is configured) or a static
 * API key. A refusal is an `AuthFailure` the edge answers with 401 and `WWW-Authenticate: Bearer`
 * (503 when the key set cannot be reached: the client's token may be fine).
 * Danger: the credential must never reach a log line or a message.
 */
import type { Caller } from '../request/caller';
import { loadApiKeys, type ApiKeys } from './apiKeys';
import { createJwtVerifier, TokenRefused, type JwtSettings } from './jwtVerifier';

export interface AuthSettings {
  jwt?: JwtSettings;
  /** Path of an API keys file (see apiKeys.ts for the format). */
  apiKeysFile?: string;
}

/** A refused request: the status, the message for the client, and the challenge header. */
export class AuthFailure extends Error {
  constructor(
    message: string,
    readonly status: 401 | 503,
    readonly challenge: string,
  ) {
    super(message);
  }
}

/** Resolves the caller of a request from its `Authorization` header, or rejects with AuthFailure. */
export type Authenticate = (authorization: string | undefined) => Promise<Caller>;

const REALM = 'Bearer realm="syncjobs-gateway"';
const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

/** Is any way to authenticate configured? */
export function authConfigured(settings: AuthSettings | undefined): boolean {
  return !!settings && (!!settings.jwt || !!settings.apiKeysFile);
}

/** The authenticator for `settings` (keys are read now, so a bad file stops the start). */
export function createAuthenticator(settings: AuthSettings, now: () => number): Authenticate {
  const verifyJwt = settings.jwt ? createJwtVerifier(settings.jwt, now) : undefined;
  const apiKeys: ApiKeys | undefined = settings.apiKeysFile
    ? loadApiKeys(settings.apiKeysFile)
    : undefined;
  const refuse = (reason: string) =>
    new AuthFailure(
      `The credentials were refused: ${reason}.`,
      401,
      `${REALM}, error="invalid_token", error_description="${reason.replace(/"/g, "'")}"`,
    );

  return async (authorization) => {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
    if (!authorization) {
      throw new AuthFailure(
        'Authentication required: send "Authorization: Bearer <token or API key>".',
        401,
        REALM,
      );
    }
    if (!match) throw refuse('the Authorization header is not "Bearer <credential>"');
    const credential = match[1];
    // Keys first: a key may have any shape, a JWT's among them.
    const keyCaller = apiKeys?.find(credential);
    if (keyCaller) return keyCaller;
    if (verifyJwt && JWT_SHAPE.test(credential)) {
      try {
        return await verifyJwt(credential);
      } catch (error) {
        if (error instanceof TokenRefused && error.retryable) {
          throw new AuthFailure(
            `The token could not be checked now: ${error.message}; try again shortly.`,
            503,
            REALM,
          );
        }
        throw refuse((error as Error).message);
      }
    }
    throw refuse(apiKeys ? 'unknown API key' : 'the credential is not a JWT');
  };
}

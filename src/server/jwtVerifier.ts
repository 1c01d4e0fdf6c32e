/**
 * JWT bearer tokens, verified with `jose` against a JWKS: signature, `exp`/`nbf` (with a clock
 * tolerance, on the gateway's clock), issuer and audience. The key set is fetched on first use,
 * cached, and fetched again when a token names a `kid` the cache lacks (at most once per
 * cooldown, so random `kid`s cannot make the gateway hammer the key server).
 * Danger: a token is a credential; no message or log line here may contain it.
 */
import { createRemoteJWKSet, errors, jwtVerify } from 'jose';
import type { Caller } from '../request/caller';
import { parseScopes } from '../request/caller';

export interface JwtSettings {
  jwksUrl: string;
  /** The `iss` every token must carry. */
  issuer: string;
  /** The `aud` every token must carry (one of). */
  audience: string;
  /** Allowed clock skew for `exp`, `nbf` and `iat`, in seconds (default 30). */
  clockToleranceSeconds?: number;
  /** Least time between two fetches of the key set for an unknown `kid` (default 30 000 ms). */
  jwksCooldownMs?: number;
}

/** Why a token was refused; `retryable` failures are the gateway's (key set unreachable). */
export class TokenRefused extends Error {
  constructor(
    message: string,
    readonly retryable = false,
  ) {
    super(message);
  }
}

const REASONS: Record<string, string> = {
  ERR_JWT_EXPIRED: 'the token has expired',
  ERR_JWKS_NO_MATCHING_KEY: "no key of the gateway's key set matches the token's kid",
  ERR_JWKS_MULTIPLE_MATCHING_KEYS: "several keys of the key set match the token's kid",
  ERR_JWS_SIGNATURE_VERIFICATION_FAILED: 'the token signature does not verify',
  ERR_JOSE_ALG_NOT_ALLOWED: "the token's algorithm is not allowed",
  ERR_JOSE_NOT_SUPPORTED: "the token's algorithm is not supported",
  ERR_JWS_INVALID: 'the token is not a well-formed JWS',
  ERR_JWT_INVALID: 'the token is not a well-formed JWT',
};

/** Returns `verify(token)`: the caller, or a rejected `TokenRefused`. */
export function createJwtVerifier(
  settings: JwtSettings,
  now: () => number,
): (token: string) => Promise<Caller> {
  const keySet = createRemoteJWKSet(new URL(settings.jwksUrl), {
    cooldownDuration: settings.jwksCooldownMs ?? 30_000,
    timeoutDuration: 5_000,
  });
  return async (token) => {
    try {
      const { payload } = await jwtVerify(token, keySet, {
        issuer: settings.issuer,
        audience: settings.audience,
        clockTolerance: settings.clockToleranceSeconds ?? 30,
        currentDate: new Date(now()),
      });
      // `scope` is the standard claim (RFC 8693); some providers send an array in `scp`.
      const scopes = Array.isArray(payload.scp)
        ? parseScopes(payload.scp.join(' '))
        : parseScopes(payload.scope);
      const name =
        typeof payload.sub === 'string' ? payload.sub : String(payload.client_id ?? 'jwt');
      return { name, via: 'jwt', scopes };
    } catch (error) {
      const code = (error as { code?: string }).code ?? '';
      if (REASONS[code]) throw new TokenRefused(REASONS[code]);
      if (error instanceof errors.JWTClaimValidationFailed) {
        throw new TokenRefused(
          `the token's "${error.claim}" claim is not accepted (${error.reason})`,
        );
      }
      throw new TokenRefused(
        `the gateway could not check the token against its key set (${describe(error)})`,
        true,
      );
    }
  };
}

function describe(error: unknown): string {
  const e = error as { code?: string; message?: string };
  return e.code ?? e.message ?? 'unknown failure';
}

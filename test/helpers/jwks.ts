/**
 * An identity provider for tests: a JWKS served on a free loopback port, keys that can be added
 * later (rotation), a count of key set fetches, and tokens signed with `jose`.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWK, type JWTPayload, type KeyLike } from 'jose';

export const ISSUER = 'https://idp.test.example';
export const AUDIENCE = 'syncjobs-gateway';

export interface TestIdp {
  jwksUrl: string;
  /** How many times the key set was fetched. */
  fetches(): number;
  /** A new signing key; published in the key set only when `publish` is true (default). */
  addKey(kid: string, publish?: boolean): Promise<void>;
  publish(kid: string): void;
  /** A token signed with key `kid`; `claims` override the defaults (iss, aud, sub, an hour of life). */
  sign(kid: string, claims?: JWTPayload & { scope?: string }): Promise<string>;
  close(): Promise<void>;
}

export async function startTestIdp(): Promise<TestIdp> {
  const keys = new Map<string, { privateKey: KeyLike; jwk: JWK }>();
  const published = new Set<string>();
  let fetches = 0;
  const server = http.createServer((req, res) => {
    fetches += 1;
    const jwks = { keys: [...published].map((kid) => keys.get(kid)!.jwk) };
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(jwks));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    jwksUrl: `http://127.0.0.1:${port}/.well-known/jwks.json`,
    fetches: () => fetches,
    async addKey(kid, publish = true) {
      const { privateKey, publicKey } = await generateKeyPair('ES256');
      keys.set(kid, {
        privateKey,
        jwk: { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' },
      });
      if (publish) published.add(kid);
    },
    publish: (kid) => void published.add(kid),
    async sign(kid, claims = {}) {
      const now = Math.floor(Date.now() / 1000);
      const payload: JWTPayload = {
        iss: ISSUER,
        aud: AUDIENCE,
        sub: 'user-1',
        iat: now,
        exp: now + 3600,
        ...claims,
      };
      return new SignJWT(payload)
        .setProtectedHeader({ alg: 'ES256', kid })
        .sign(keys.get(kid)!.privateKey);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

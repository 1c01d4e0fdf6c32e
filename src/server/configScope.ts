/**
 * The scope of everything this gateway caches between requests: a digest of where it reads (endpoint,
 * region), how (pushdown), and as whom (the access key id of the credentials the SDK resolves now).
 * Two gateways that share a store but differ in any of these never read each other's entries.
 *
 * Danger: only a digest of the key id enters the scope; no secret is read into it or logged.
 */
import { createHash } from 'node:crypto';
import type { AwsClients } from '../services/clients';

/** How long one resolution of the identity is reused (every cached page read asks for the scope). */
const SCOPE_REFRESH_MS = 10_000;

export function configScope(
  clients: AwsClients,
  settings: Record<string, unknown>,
): () => Promise<string> {
  const fixed = JSON.stringify(settings);
  let last: { at: number; scope: Promise<string> } | undefined;
  const resolve = async () => {
    // Rotated keys give a new scope (within SCOPE_REFRESH_MS).
    const identity = await clients.kendra.config.credentials().then(
      (credentials) => credentials.accessKeyId,
      () => 'no-credentials',
    );
    return createHash('sha256').update(`${fixed}\n${identity}`).digest('base64url');
  };
  return () => {
    const now = Date.now();
    if (last === undefined || now - last.at > SCOPE_REFRESH_MS)
      last = { at: now, scope: resolve() };
    return last.scope;
  };
}

/**
 * The scope of everything this gateway caches between requests: a digest of where it reads (endpoint,
 * region), how (pushdown), and as whom (the access key id of the credentials the SDK resolves now).
 * Two gateways that share a store but differ in any of these never read each other's entries.
 *
 * Danger: only a digest of the key id enters the scope; no secret is read into it or logged.
 */
import { createHash } from 'node:crypto';
import type { AwsClients } from '../services/clients';

export function configScope(clients: AwsClients, settings: Record<string, unknown>): () => Promise<string> {
  const fixed = JSON.stringify(settings);
  return async () => {
    // The SDK memoizes resolved credentials, so this is cheap; rotated keys give a new scope.
    const identity = await clients.kendra.config.credentials().then(
      (credentials) => credentials.accessKeyId,
      () => 'no-credentials',
    );
    return createHash('sha256').update(`${fixed}\n${identity}`).digest('base64url');
  };
}

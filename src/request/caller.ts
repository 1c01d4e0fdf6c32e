/**
 * Who is asking: the identity the HTTP edge authenticated, and the scopes it was granted.
 * Danger: a caller is built only by the edge, after verification; nothing in here verifies.
 */
import type { Service } from '../model/services';

/** The scopes the gateway knows: `jobs:read` for every query, `jobs:sync` to start or stop syncs. */
export const Scope = {
  JOBS_READ: 'jobs:read',
  JOBS_SYNC: 'jobs:sync',
} as const;
export type Scope = (typeof Scope)[keyof typeof Scope];

export interface Caller {
  /** For logs: the token's subject, or the API key's name; never the token or the key. */
  name: string;
  /** How the caller was identified. */
  via: 'jwt' | 'api-key' | 'anonymous';
  scopes: ReadonlySet<string>;
}

/**
 * The caller of a gateway without authentication (a loopback listener, or one started with
 * `--allow-unauthenticated`): every scope.
 */
export const ANONYMOUS_CALLER: Caller = {
  name: 'anonymous',
  via: 'anonymous',
  scopes: new Set(Object.values(Scope)),
};

/** Scopes from the standard space-separated `scope` claim (or an API key's line). */
export function parseScopes(raw: unknown): Set<string> {
  if (typeof raw !== 'string') return new Set();
  return new Set(raw.split(/\s+/).filter((scope) => scope.length > 0));
}

const SERVICE_SCOPES: Record<string, Service> = {
  'service:kendra': 'KENDRA',
  'service:qbusiness': 'QBUSINESS',
  'service:qconnect': 'QCONNECT',
};

/**
 * The services named by `service:kendra`, `service:qbusiness`, `service:qconnect` scopes; without
 * any such scope, undefined (no restriction). An unknown `service:` name restricts to nothing.
 */
export function servicesOf(scopes: ReadonlySet<string>): Set<Service> | undefined {
  const named = [...scopes].filter((scope) => scope.startsWith('service:'));
  if (named.length === 0) return undefined;
  return new Set(named.flatMap((scope) => (SERVICE_SCOPES[scope] ? [SERVICE_SCOPES[scope]] : [])));
}

/**
 * The key prefix of a gateway configuration in a shared store: a hash of what decides the
 * meaning of an entry (the served sources' configuration, region, endpoint, and who the
 * credentials are). Gateways that agree on all of it are replicas and share entries; any other
 * gateway on the same Redis gets a prefix of its own and never reads theirs.
 *
 * Danger: only a hash leaves the process; the credentials' identity must never be written out.
 */
import { createHash } from 'node:crypto';

export interface ServedConfiguration {
  /** What is served: the catalog file's content, or `discovery`. */
  served: string;
  region: string | undefined;
  /** The services' endpoint (an emulator URL), or `aws`. */
  endpoint: string | undefined;
  /** Who the credentials are (an access key id), or `default`. */
  credentials: string | undefined;
}

/** Bump when the layout of stored entries changes: old entries are then simply not read. */
const LAYOUT_VERSION = 1;

/** `syncjobs:<hash>`: the prefix of every key of this configuration. */
export function storePrefix(configuration: ServedConfiguration): string {
  const hash = createHash('sha256')
    .update(
      JSON.stringify([
        LAYOUT_VERSION,
        configuration.served,
        configuration.region ?? null,
        configuration.endpoint ?? 'aws',
        configuration.credentials ?? 'default',
      ]),
    )
    .digest('base64url')
    .slice(0, 16);
  return `syncjobs:${hash}`;
}

/**
 * Whether a listen address is reachable only from this machine. Danger: when in doubt the answer
 * is no, because a "no" only asks the operator for authentication.
 */
import { isIP } from 'node:net';

/** True for localhost, 127.0.0.0/8 and ::1 (plain or IPv4-mapped). */
export function isLoopback(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (bare === 'localhost') return true;
  if (isIP(bare) === 4) return bare.startsWith('127.');
  if (isIP(bare) === 6) return bare === '::1' || /^::ffff:127\./.test(bare);
  return false;
}

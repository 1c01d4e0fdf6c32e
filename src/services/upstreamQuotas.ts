/**
 * The request rates the gateway holds itself to per operation when it calls AWS, modelled on the
 * services' account-wide API quotas. The quota pages in reach (Amazon Kendra's "Quotas" and its
 * General Reference page, Amazon Q Business's and Amazon Q in Connect's) publish resource quotas
 * but no per-operation request rates for these operations; AWS's Service Quotas console shows them
 * per account. So the defaults below are conservative assumptions, one per operation family,
 * and every number can be changed (`--rate`, `GatewayConfig.upstreamRates`). Danger: the quotas
 * are per account and region; several gateways on one identity share them.
 */
import type { Service } from '../model/services';

/** A rate in calls per second and the burst a bucket holds. */
export interface RateLimit {
  rate: number;
  burst: number;
}

/** Reads (List*, Describe*, Get*): 10 calls per second, bursts of 20. */
const READ: RateLimit = { rate: 10, burst: 20 };
/** Sync control (Start*, Stop*): 1 call per second, bursts of 2. */
const CONTROL: RateLimit = { rate: 1, burst: 2 };

/** The default limit of one operation when the gateway calls AWS. */
export function defaultRateLimit(_service: Service, operation: string): RateLimit {
  return /^(Start|Stop)/.test(operation) ? CONTROL : READ;
}

/** No limit: the emulator, unless a rate is asked for. */
export const UNLIMITED: RateLimit = { rate: Infinity, burst: Infinity };

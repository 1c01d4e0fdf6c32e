/**
 * Picks the `LiveBus` for `--store`: in memory for one process, Redis when replicas share one,
 * under the store's key prefix (the served configuration), so gateways of different
 * configurations on one Redis never take each other's leases. Danger: a Redis that cannot be
 * reached at start is a start-up error, not a silent fall-back to polling from every replica.
 */
import type { LiveBus } from '../store/LiveBus';
import { createMemoryLiveBus } from '../store/memoryLiveBus';
import { createRedisLiveBus } from '../store/redisLiveBus';

export async function createLiveBus(
  redis: { url: string; prefix: string } | undefined,
  onError: (error: unknown) => void,
): Promise<LiveBus> {
  if (!redis) return createMemoryLiveBus();
  return createRedisLiveBus({ url: redis.url, prefix: redis.prefix, onError });
}

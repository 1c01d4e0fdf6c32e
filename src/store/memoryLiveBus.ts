/**
 * The single-process `LiveBus`: this process is the only replica, so it always holds every lease,
 * and a channel is a set of local listeners. Danger: listeners run inside `publish`'s caller; one
 * that throws must not keep the others from their message.
 */
import { LRUCache } from 'lru-cache';
import type { LiveBus } from './LiveBus';

/** How many source states are kept (one per polled source; far more than are ever polled). */
const MAX_STATES = 10_000;

export function createMemoryLiveBus(): LiveBus {
  const listeners = new Map<string, Set<(message: string) => void>>();
  const states = new LRUCache<string, string>({ max: MAX_STATES });
  return {
    holdLease: async () => true,
    releaseLease: async () => undefined,
    async publish(channel, message) {
      for (const listener of [...(listeners.get(channel) ?? [])]) {
        try {
          listener(message);
        } catch {
          // A listener's failure is its own; the others still get the message.
        }
      }
    },
    async subscribe(channel, onMessage) {
      const set = listeners.get(channel) ?? new Set();
      listeners.set(channel, set);
      set.add(onMessage);
      return async () => {
        set.delete(onMessage);
        if (set.size === 0) listeners.delete(channel);
      };
    },
    load: async (key) => states.get(key),
    save: async (key, value, ttlMs) => void states.set(key, value, { ttl: ttlMs }),
    close: async () => listeners.clear(),
  };
}

/**
 * Comparing sort keys, and writing them into cursors. Danger: JSON has no `-Infinity`; a key
 * of a job without a start time is written with `null` in its place, and read back as such.
 */
import type { SortKey } from './pageSource';

/** How a `SortKey` is written inside a cursor: the time as a number, or `null` for `-Infinity`. */
export type WireSortKey = [number | null, ...string[]];

function timeOf(time: number): number {
  return Number.isNaN(time) ? -Infinity : time;
}

/**
 * Negative when `a` comes before `b` in connection order (newer first, then ties ascending),
 * positive when after, 0 when equal. A key that is a prefix of another comes first.
 */
export function compareSortKeys(a: SortKey, b: SortKey): number {
  const ta = timeOf(a[0]);
  const tb = timeOf(b[0]);
  if (ta !== tb) return ta > tb ? -1 : 1;
  const length = Math.max(a.length, b.length);
  for (let i = 1; i < length; i++) {
    const x = a[i] as string | undefined;
    const y = b[i] as string | undefined;
    if (x === y) continue;
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    return x < y ? -1 : 1;
  }
  return 0;
}

/** The time of a key as the walk bound compares it (`NaN` read as `-Infinity`). */
export function sortKeyTime(key: SortKey): number {
  return timeOf(key[0]);
}

/** A key as a cursor writes it (`-Infinity` as `null`). */
export function toWireSortKey(key: SortKey): WireSortKey {
  const time = timeOf(key[0]);
  return [Number.isFinite(time) ? time : null, ...key.slice(1)] as WireSortKey;
}

/** Reads a key back from a decoded cursor; `undefined` when the value is not a wire key. */
export function fromWireSortKey(value: unknown): SortKey | undefined {
  if (!Array.isArray(value) || value.length === 0) return undefined;
  const [time, ...ties] = value as unknown[];
  if (time !== null && !(typeof time === 'number' && Number.isFinite(time))) return undefined;
  if (!ties.every((tie): tie is string => typeof tie === 'string')) return undefined;
  return [time === null ? -Infinity : time, ...ties];
}

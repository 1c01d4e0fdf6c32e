/**
 * A `PageSource` over a list held in memory (the served sources, indexes, applications), in the
 * order of its sort keys: the engine pages it like any upstream list, so cursors and page flags
 * behave the same everywhere. Danger: its tokens are offsets, valid for this list only; the
 * connection key must name what selected the list.
 */
import type { PageSource, SortKey } from './pageSource';
import { compareSortKeys } from './sortKey';

/** The list `items` under `key`, sorted by `sortKeyOf`, in pages of up to 100. */
export function arrayPageSource<T>(
  key: string,
  items: readonly T[],
  sortKeyOf: (item: T) => SortKey,
): PageSource<T> {
  const sorted = items
    .map((item) => ({ item, sortKey: sortKeyOf(item) }))
    .sort((a, b) => compareSortKeys(a.sortKey, b.sortKey))
    .map(({ item }) => item);
  return {
    key,
    maxPageSize: 100,
    fetchPage: async (token, size) => {
      const start = token ? Number(token) : 0;
      const end = start + size;
      return {
        items: sorted.slice(start, end),
        nextToken: end < sorted.length ? String(end) : undefined,
      };
    },
    sortKeyOf,
  };
}

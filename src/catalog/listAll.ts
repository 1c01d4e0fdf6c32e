/** Reads every page of a list operation (stopping if a token repeats, as the SDK's paginators can). */
import type { PageRequest, ServicePage } from '../services/syncJobQuery';

export async function listAll<T>(fetch: (page: PageRequest) => Promise<ServicePage<T>>, size: number): Promise<T[]> {
  const items: T[] = [];
  const seen = new Set<string>();
  let token: string | undefined;
  do {
    const page = await fetch({ token, size });
    items.push(...page.items);
    token = page.nextToken;
    if (token !== undefined) {
      if (seen.has(token)) break;
      seen.add(token);
    }
  } while (token !== undefined);
  return items;
}

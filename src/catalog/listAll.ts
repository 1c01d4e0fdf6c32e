/** Reads every page of a list operation into one array (stops on a repeated token: `eachPage`). */
import type { PageRequest, ServicePage } from '../relay/pageSource';
import { eachPage } from '../services/eachPage';

/** Every item of a list operation, asked `size` at a time. */
export async function listAll<T>(
  fetch: (page: PageRequest) => Promise<ServicePage<T>>,
  size: number,
): Promise<T[]> {
  const items: T[] = [];
  for await (const page of eachPage(fetch, size)) items.push(...page.items);
  return items;
}

/**
 * Every page of a list operation, one upstream call per step, for callers that read a whole
 * history or stop early (`break` ends the walk: no further call). Danger: a service that hands back
 * a token it already gave would loop forever; the walk stops there, as the SDK paginators'
 * `stopOnSameToken` does.
 */
import type { PageRequest, ServicePage } from '../relay/pageSource';

/** Every page of a list, one call each, `size` items asked per call. */
export async function* eachPage<T>(
  fetch: (page: PageRequest) => Promise<ServicePage<T>>,
  size: number,
): AsyncGenerator<ServicePage<T>> {
  const seen = new Set<string>();
  let token: string | undefined;
  do {
    const page = await fetch({ token, size });
    yield page;
    token = page.nextToken;
    if (token !== undefined) {
      if (seen.has(token)) return;
      seen.add(token);
    }
  } while (token !== undefined);
}

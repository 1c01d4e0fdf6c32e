/**
 * After a forward page with more after it, asks the look-ahead (when on) to read the next upstream
 * page of each source whose jobs are on the page. Danger: call it only after the page is built, so
 * the background reads never delay the answer.
 */
import type { JobModel } from '../model/jobs';
import type { GatewayContext } from './context';
import { pageCacheSource } from './pageCache';

export function scheduleLookAhead(
  context: GatewayContext,
  page: { edges: readonly { node: JobModel }[]; pageInfo: { hasNextPage: boolean } },
  forward: boolean,
): void {
  if (context.lookAhead === undefined || !forward || !page.pageInfo.hasNextPage) return;
  const sources = page.edges.map((edge) => pageCacheSource(edge.node.source));
  context.lookAhead.schedule(context.loaders.nextPages(sources));
}

/** One page of Q Connect `ListImportJobs` (the API has no filters: the gateway filters). */
import { ListImportJobsCommand } from '@aws-sdk/client-qconnect';
import type { ImportJobModel } from '../../model/jobs';
import type { QConnectKnowledgeBaseRef } from '../../model/sources';
import type { PageRequest, ServicePage } from '../../relay/pageSource';
import type { Upstream } from '../upstream';
import { toImportJob } from './toImportJob';

/** Q Connect's `maxResults` range. */
export const QCONNECT_MAX_PAGE = 100;

/** One page of a knowledge base's import history. */
export async function listImportJobsPage(
  upstream: Upstream,
  knowledgeBase: QConnectKnowledgeBaseRef,
  page: PageRequest,
): Promise<ServicePage<ImportJobModel>> {
  const command = new ListImportJobsCommand({
    knowledgeBaseId: knowledgeBase.knowledgeBaseId,
    nextToken: page.token,
    maxResults: page.size,
  });
  const output = await upstream.send('QCONNECT', command, {
    resource: `knowledge base ${knowledgeBase.knowledgeBaseId}`,
    clientToken: page.tokenFromCursor,
  });
  return {
    items: (output.importJobSummaries ?? []).map(toImportJob),
    nextToken: output.nextToken || undefined,
  };
}

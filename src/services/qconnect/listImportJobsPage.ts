/** One page of Q Connect `ListImportJobs` (the API has no filters: the gateway filters). */
import { ListImportJobsCommand } from '@aws-sdk/client-qconnect';
import type { ImportJobModel } from '../../model/jobs';
import type { QConnectKnowledgeBaseRef } from '../../model/sources';
import type { PageRequest, ServicePage } from '../syncJobQuery';
import type { Upstream } from '../upstream';
import { toImportJob } from './toImportJob';

/** Q Connect's `maxResults` range. */
export const QCONNECT_MAX_PAGE = 100;

export async function listImportJobsPage(
  upstream: Upstream,
  knowledgeBase: QConnectKnowledgeBaseRef,
  page: PageRequest,
): Promise<ServicePage<ImportJobModel>> {
  const output = await upstream.call(
    {
      service: 'QCONNECT',
      operation: 'ListImportJobs',
      resource: `knowledge base ${knowledgeBase.knowledgeBaseId}`,
      withToken: page.token !== undefined,
    },
    (abortSignal) =>
      upstream.clients.qconnect.send(
        new ListImportJobsCommand({
          knowledgeBaseId: knowledgeBase.knowledgeBaseId,
          nextToken: page.token,
          maxResults: page.size,
        }),
        { abortSignal },
      ),
  );
  return {
    items: (output.importJobSummaries ?? []).map(toImportJob),
    nextToken: output.nextToken || undefined,
  };
}

/** Q Connect knowledge bases (get one, list a page) and single import jobs. */
import { GetImportJobCommand, GetKnowledgeBaseCommand, ListKnowledgeBasesCommand } from '@aws-sdk/client-qconnect';
import type { ImportJobModel } from '../../model/jobs';
import type { QConnectKnowledgeBaseRef, SourceDetails } from '../../model/sources';
import type { PageRequest, ServicePage } from '../syncJobQuery';
import type { Upstream } from '../upstream';
import { toImportJob } from './toImportJob';

interface KnowledgeBaseShape {
  knowledgeBaseId?: string;
  knowledgeBaseArn?: string;
  name?: string;
  knowledgeBaseType?: string;
  status?: string;
  description?: string;
}

function toDetails(kb: KnowledgeBaseShape): SourceDetails {
  return {
    name: kb.name ?? kb.knowledgeBaseId ?? '',
    type: kb.knowledgeBaseType,
    status: kb.status,
    description: kb.description,
    extra: { knowledgeBaseArn: kb.knowledgeBaseArn },
  };
}

export async function getKnowledgeBase(upstream: Upstream, knowledgeBaseId: string): Promise<SourceDetails> {
  const out = await upstream.call(
    { service: 'QCONNECT', operation: 'GetKnowledgeBase', resource: `knowledge base ${knowledgeBaseId}` },
    (abortSignal) => upstream.clients.qconnect.send(new GetKnowledgeBaseCommand({ knowledgeBaseId }), { abortSignal }),
  );
  return toDetails(out.knowledgeBase ?? {});
}

export async function listKnowledgeBasesPage(
  upstream: Upstream,
  page: PageRequest,
): Promise<ServicePage<QConnectKnowledgeBaseRef>> {
  const out = await upstream.call({ service: 'QCONNECT', operation: 'ListKnowledgeBases', withToken: !!page.token }, (abortSignal) =>
    upstream.clients.qconnect.send(new ListKnowledgeBasesCommand({ nextToken: page.token, maxResults: page.size }), {
      abortSignal,
    }),
  );
  return {
    items: (out.knowledgeBaseSummaries ?? []).map((kb) => ({
      kind: 'QConnectKnowledgeBase' as const,
      knowledgeBaseId: kb.knowledgeBaseId ?? '',
      details: toDetails(kb),
    })),
    nextToken: out.nextToken || undefined,
  };
}

export async function getImportJob(upstream: Upstream, knowledgeBaseId: string, importJobId: string): Promise<ImportJobModel> {
  const out = await upstream.call(
    { service: 'QCONNECT', operation: 'GetImportJob', resource: `import job ${importJobId} in knowledge base ${knowledgeBaseId}` },
    (abortSignal) =>
      upstream.clients.qconnect.send(new GetImportJobCommand({ knowledgeBaseId, importJobId }), { abortSignal }),
  );
  if (!out.importJob) throw new Error('GetImportJob returned no importJob');
  return toImportJob(out.importJob);
}

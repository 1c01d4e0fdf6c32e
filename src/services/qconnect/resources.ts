/** Q Connect knowledge bases (get one, list a page) and single import jobs. */
import {
  GetImportJobCommand,
  GetKnowledgeBaseCommand,
  ListKnowledgeBasesCommand,
} from '@aws-sdk/client-qconnect';
import type { ImportJobModel } from '../../model/jobs';
import type { QConnectKnowledgeBaseRef, SourceDetails } from '../../model/sources';
import type { PageRequest, ServicePage } from '../../relay/pageSource';
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

/** GetKnowledgeBase. */
export async function getKnowledgeBase(
  upstream: Upstream,
  knowledgeBaseId: string,
): Promise<SourceDetails> {
  const out = await upstream.send('QCONNECT', new GetKnowledgeBaseCommand({ knowledgeBaseId }), {
    resource: `knowledge base ${knowledgeBaseId}`,
  });
  return toDetails(out.knowledgeBase ?? {});
}

/** One page of ListKnowledgeBases, as knowledge base references with their details. */
export async function listKnowledgeBasesPage(
  upstream: Upstream,
  page: PageRequest,
): Promise<ServicePage<QConnectKnowledgeBaseRef>> {
  const command = new ListKnowledgeBasesCommand({ nextToken: page.token, maxResults: page.size });
  const out = await upstream.send('QCONNECT', command, { clientToken: page.tokenFromCursor });
  return {
    items: (out.knowledgeBaseSummaries ?? []).map((kb) => ({
      kind: 'QConnectKnowledgeBase' as const,
      knowledgeBaseId: kb.knowledgeBaseId ?? '',
      details: toDetails(kb),
    })),
    nextToken: out.nextToken || undefined,
  };
}

/** GetImportJob. */
export async function getImportJob(
  upstream: Upstream,
  knowledgeBaseId: string,
  importJobId: string,
): Promise<ImportJobModel> {
  const command = new GetImportJobCommand({ knowledgeBaseId, importJobId });
  const out = await upstream.send('QCONNECT', command, {
    resource: `import job ${importJobId} in knowledge base ${knowledgeBaseId}`,
  });
  if (!out.importJob) throw new Error('GetImportJob returned no importJob');
  return toImportJob(out.importJob);
}

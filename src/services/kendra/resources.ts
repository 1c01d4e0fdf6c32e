/** Kendra indexes and data sources: describe one, or list one page. */
import {
  DescribeDataSourceCommand,
  DescribeIndexCommand,
  ListDataSourcesCommand,
  ListIndicesCommand,
} from '@aws-sdk/client-kendra';
import type { KendraDataSourceRef, SourceDetails } from '../../model/sources';
import type { PageRequest, ServicePage } from '../syncJobQuery';
import type { Upstream } from '../upstream';

export interface KendraIndexDetails extends SourceDetails {
  indexId: string;
  edition?: string;
}

export async function describeKendraIndex(upstream: Upstream, indexId: string): Promise<KendraIndexDetails> {
  const out = await upstream.call(
    { service: 'KENDRA', operation: 'DescribeIndex', resource: `index ${indexId}` },
    (abortSignal) => upstream.clients.kendra.send(new DescribeIndexCommand({ Id: indexId }), { abortSignal }),
  );
  return {
    indexId,
    name: out.Name ?? indexId,
    edition: out.Edition,
    status: out.Status,
    description: out.Description,
    createdAt: out.CreatedAt,
    updatedAt: out.UpdatedAt,
  };
}

export async function describeKendraDataSource(upstream: Upstream, ref: KendraDataSourceRef): Promise<SourceDetails> {
  const out = await upstream.call(
    {
      service: 'KENDRA',
      operation: 'DescribeDataSource',
      resource: `data source ${ref.dataSourceId} in index ${ref.indexId}`,
    },
    (abortSignal) =>
      upstream.clients.kendra.send(new DescribeDataSourceCommand({ IndexId: ref.indexId, Id: ref.dataSourceId }), {
        abortSignal,
      }),
  );
  return {
    name: out.Name ?? ref.dataSourceId,
    type: out.Type,
    status: out.Status,
    description: out.Description,
    createdAt: out.CreatedAt,
    updatedAt: out.UpdatedAt,
    extra: { languageCode: out.LanguageCode },
  };
}

export async function listKendraIndicesPage(
  upstream: Upstream,
  page: PageRequest,
): Promise<ServicePage<KendraIndexDetails>> {
  const out = await upstream.call({ service: 'KENDRA', operation: 'ListIndices', withToken: !!page.token }, (abortSignal) =>
    upstream.clients.kendra.send(new ListIndicesCommand({ NextToken: page.token, MaxResults: page.size }), { abortSignal }),
  );
  return {
    items: (out.IndexConfigurationSummaryItems ?? []).map((index) => ({
      indexId: index.Id ?? '',
      name: index.Name ?? index.Id ?? '',
      edition: index.Edition,
      status: index.Status,
      createdAt: index.CreatedAt,
      updatedAt: index.UpdatedAt,
    })),
    nextToken: out.NextToken || undefined,
  };
}

export async function listKendraDataSourcesPage(
  upstream: Upstream,
  indexId: string,
  page: PageRequest,
): Promise<ServicePage<KendraDataSourceRef>> {
  const out = await upstream.call(
    { service: 'KENDRA', operation: 'ListDataSources', resource: `index ${indexId}`, withToken: !!page.token },
    (abortSignal) =>
      upstream.clients.kendra.send(
        new ListDataSourcesCommand({ IndexId: indexId, NextToken: page.token, MaxResults: page.size }),
        { abortSignal },
      ),
  );
  return {
    items: (out.SummaryItems ?? []).map((ds) => ({
      kind: 'KendraDataSource' as const,
      indexId,
      dataSourceId: ds.Id ?? '',
      details: {
        name: ds.Name ?? ds.Id ?? '',
        type: ds.Type,
        status: ds.Status,
        createdAt: ds.CreatedAt,
        updatedAt: ds.UpdatedAt,
        extra: { languageCode: ds.LanguageCode },
      },
    })),
    nextToken: out.NextToken || undefined,
  };
}

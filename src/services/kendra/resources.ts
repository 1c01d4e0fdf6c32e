/** Kendra indexes and data sources: describe one, or list one page. */
import {
  DescribeDataSourceCommand,
  DescribeIndexCommand,
  ListDataSourcesCommand,
  ListIndicesCommand,
} from '@aws-sdk/client-kendra';
import type { KendraDataSourceRef, SourceDetails } from '../../model/sources';
import type { PageRequest, ServicePage } from '../../relay/pageSource';
import type { Upstream } from '../upstream';

/** What the gateway shows of a Kendra index. */
export interface KendraIndexDetails extends SourceDetails {
  indexId: string;
  edition?: string;
}

/** DescribeIndex. */
export async function describeKendraIndex(
  upstream: Upstream,
  indexId: string,
): Promise<KendraIndexDetails> {
  const out = await upstream.send('KENDRA', new DescribeIndexCommand({ Id: indexId }), {
    resource: `index ${indexId}`,
  });
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

/** DescribeDataSource. */
export async function describeKendraDataSource(
  upstream: Upstream,
  ref: KendraDataSourceRef,
): Promise<SourceDetails> {
  const command = new DescribeDataSourceCommand({ IndexId: ref.indexId, Id: ref.dataSourceId });
  const out = await upstream.send('KENDRA', command, {
    resource: `data source ${ref.dataSourceId} in index ${ref.indexId}`,
  });
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

/** One page of ListIndices. */
export async function listKendraIndicesPage(
  upstream: Upstream,
  page: PageRequest,
): Promise<ServicePage<KendraIndexDetails>> {
  const command = new ListIndicesCommand({ NextToken: page.token, MaxResults: page.size });
  const out = await upstream.send('KENDRA', command, { clientToken: page.tokenFromCursor });
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

/** One page of an index's ListDataSources, as data source references with their details. */
export async function listKendraDataSourcesPage(
  upstream: Upstream,
  indexId: string,
  page: PageRequest,
): Promise<ServicePage<KendraDataSourceRef>> {
  const command = new ListDataSourcesCommand({
    IndexId: indexId,
    NextToken: page.token,
    MaxResults: page.size,
  });
  const out = await upstream.send('KENDRA', command, {
    resource: `index ${indexId}`,
    clientToken: page.tokenFromCursor,
  });
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

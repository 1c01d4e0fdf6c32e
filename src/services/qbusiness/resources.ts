/** Q Business applications, indices and data sources: get one, or list one page. */
import {
  GetApplicationCommand,
  GetDataSourceCommand,
  GetIndexCommand,
  ListApplicationsCommand,
  ListDataSourcesCommand,
  ListIndicesCommand,
} from '@aws-sdk/client-qbusiness';
import type { QBusinessDataSourceRef, SourceDetails } from '../../model/sources';
import type { PageRequest, ServicePage } from '../../relay/pageSource';
import type { Upstream } from '../upstream';

/** What the gateway shows of a Q Business application. */
export interface QBusinessApplicationDetails extends SourceDetails {
  applicationId: string;
  identityType?: string;
}

/** What the gateway shows of a Q Business index. */
export interface QBusinessIndexDetails extends SourceDetails {
  applicationId: string;
  indexId: string;
}

/** How messages name a Q Business data source: with its index and application. */
export function dataSourceResource(ref: QBusinessDataSourceRef): string {
  return `data source ${ref.dataSourceId} in index ${ref.indexId} of application ${ref.applicationId}`;
}

/** GetApplication. */
export async function getQBusinessApplication(
  upstream: Upstream,
  applicationId: string,
): Promise<QBusinessApplicationDetails> {
  const out = await upstream.send('QBUSINESS', new GetApplicationCommand({ applicationId }), {
    resource: `application ${applicationId}`,
  });
  return {
    applicationId,
    name: out.displayName ?? applicationId,
    status: out.status,
    identityType: out.identityType,
    description: out.description,
    createdAt: out.createdAt,
    updatedAt: out.updatedAt,
  };
}

/** GetIndex. */
export async function getQBusinessIndex(
  upstream: Upstream,
  applicationId: string,
  indexId: string,
): Promise<QBusinessIndexDetails> {
  const out = await upstream.send('QBUSINESS', new GetIndexCommand({ applicationId, indexId }), {
    resource: `index ${indexId} of application ${applicationId}`,
  });
  return {
    applicationId,
    indexId,
    name: out.displayName ?? indexId,
    status: out.status,
    description: out.description,
    createdAt: out.createdAt,
    updatedAt: out.updatedAt,
  };
}

/** GetDataSource. */
export async function getQBusinessDataSource(
  upstream: Upstream,
  ref: QBusinessDataSourceRef,
): Promise<SourceDetails> {
  const command = new GetDataSourceCommand({
    applicationId: ref.applicationId,
    indexId: ref.indexId,
    dataSourceId: ref.dataSourceId,
  });
  const out = await upstream.send('QBUSINESS', command, { resource: dataSourceResource(ref) });
  return {
    name: out.displayName ?? ref.dataSourceId,
    type: out.type,
    status: out.status,
    description: out.description,
    createdAt: out.createdAt,
    updatedAt: out.updatedAt,
    extra: { syncSchedule: out.syncSchedule },
  };
}

/** One page of ListApplications. */
export async function listQBusinessApplicationsPage(
  upstream: Upstream,
  page: PageRequest,
): Promise<ServicePage<QBusinessApplicationDetails>> {
  const command = new ListApplicationsCommand({ nextToken: page.token, maxResults: page.size });
  const out = await upstream.send('QBUSINESS', command, { clientToken: page.tokenFromCursor });
  return {
    items: (out.applications ?? []).map((app) => ({
      applicationId: app.applicationId ?? '',
      name: app.displayName ?? app.applicationId ?? '',
      status: app.status,
      identityType: app.identityType,
      createdAt: app.createdAt,
      updatedAt: app.updatedAt,
    })),
    nextToken: out.nextToken || undefined,
  };
}

/** One page of an application's ListIndices. */
export async function listQBusinessIndicesPage(
  upstream: Upstream,
  applicationId: string,
  page: PageRequest,
): Promise<ServicePage<QBusinessIndexDetails>> {
  const command = new ListIndicesCommand({
    applicationId,
    nextToken: page.token,
    maxResults: page.size,
  });
  const out = await upstream.send('QBUSINESS', command, {
    resource: `application ${applicationId}`,
    clientToken: page.tokenFromCursor,
  });
  return {
    items: (out.indices ?? []).map((index) => ({
      applicationId,
      indexId: index.indexId ?? '',
      name: index.displayName ?? index.indexId ?? '',
      status: index.status,
      createdAt: index.createdAt,
      updatedAt: index.updatedAt,
    })),
    nextToken: out.nextToken || undefined,
  };
}

/** One page of an index's ListDataSources, as data source references with their details. */
export async function listQBusinessDataSourcesPage(
  upstream: Upstream,
  applicationId: string,
  indexId: string,
  page: PageRequest,
): Promise<ServicePage<QBusinessDataSourceRef>> {
  const command = new ListDataSourcesCommand({
    applicationId,
    indexId,
    nextToken: page.token,
    maxResults: page.size,
  });
  const out = await upstream.send('QBUSINESS', command, {
    resource: `index ${indexId} of application ${applicationId}`,
    clientToken: page.tokenFromCursor,
  });
  return {
    items: (out.dataSources ?? []).map((ds) => ({
      kind: 'QBusinessDataSource' as const,
      applicationId,
      indexId,
      dataSourceId: ds.dataSourceId ?? '',
      details: {
        name: ds.displayName ?? ds.dataSourceId ?? '',
        type: ds.type,
        status: ds.status,
        createdAt: ds.createdAt,
        updatedAt: ds.updatedAt,
      },
    })),
    nextToken: out.nextToken || undefined,
  };
}

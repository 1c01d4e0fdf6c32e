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
import type { PageRequest, ServicePage } from '../syncJobQuery';
import type { Upstream } from '../upstream';

export interface QBusinessApplicationDetails extends SourceDetails {
  applicationId: string;
  identityType?: string;
}

export interface QBusinessIndexDetails extends SourceDetails {
  applicationId: string;
  indexId: string;
}

export async function getQBusinessApplication(upstream: Upstream, applicationId: string): Promise<QBusinessApplicationDetails> {
  const out = await upstream.call(
    { service: 'QBUSINESS', operation: 'GetApplication', resource: `application ${applicationId}` },
    (abortSignal) => upstream.clients.qbusiness.send(new GetApplicationCommand({ applicationId }), { abortSignal }),
  );
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

export async function getQBusinessIndex(upstream: Upstream, applicationId: string, indexId: string): Promise<QBusinessIndexDetails> {
  const out = await upstream.call(
    { service: 'QBUSINESS', operation: 'GetIndex', resource: `index ${indexId} of application ${applicationId}` },
    (abortSignal) => upstream.clients.qbusiness.send(new GetIndexCommand({ applicationId, indexId }), { abortSignal }),
  );
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

export async function getQBusinessDataSource(upstream: Upstream, ref: QBusinessDataSourceRef): Promise<SourceDetails> {
  const out = await upstream.call(
    {
      service: 'QBUSINESS',
      operation: 'GetDataSource',
      resource: `data source ${ref.dataSourceId} in index ${ref.indexId} of application ${ref.applicationId}`,
    },
    (abortSignal) =>
      upstream.clients.qbusiness.send(
        new GetDataSourceCommand({ applicationId: ref.applicationId, indexId: ref.indexId, dataSourceId: ref.dataSourceId }),
        { abortSignal },
      ),
  );
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

export async function listQBusinessApplicationsPage(
  upstream: Upstream,
  page: PageRequest,
): Promise<ServicePage<QBusinessApplicationDetails>> {
  const out = await upstream.call({ service: 'QBUSINESS', operation: 'ListApplications', withToken: !!page.token }, (abortSignal) =>
    upstream.clients.qbusiness.send(new ListApplicationsCommand({ nextToken: page.token, maxResults: page.size }), { abortSignal }),
  );
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

export async function listQBusinessIndicesPage(
  upstream: Upstream,
  applicationId: string,
  page: PageRequest,
): Promise<ServicePage<QBusinessIndexDetails>> {
  const out = await upstream.call(
    { service: 'QBUSINESS', operation: 'ListIndices', resource: `application ${applicationId}`, withToken: !!page.token },
    (abortSignal) =>
      upstream.clients.qbusiness.send(
        new ListIndicesCommand({ applicationId, nextToken: page.token, maxResults: page.size }),
        { abortSignal },
      ),
  );
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

export async function listQBusinessDataSourcesPage(
  upstream: Upstream,
  applicationId: string,
  indexId: string,
  page: PageRequest,
): Promise<ServicePage<QBusinessDataSourceRef>> {
  const out = await upstream.call(
    {
      service: 'QBUSINESS',
      operation: 'ListDataSources',
      resource: `index ${indexId} of application ${applicationId}`,
      withToken: !!page.token,
    },
    (abortSignal) =>
      upstream.clients.qbusiness.send(
        new ListDataSourcesCommand({ applicationId, indexId, nextToken: page.token, maxResults: page.size }),
        { abortSignal },
      ),
  );
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

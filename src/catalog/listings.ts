/**
 * Every resource of one kind under a parent, read page by page at the largest page size each List
 * operation takes. Both catalogs list through these, so the page sizes are written once.
 */
import type {
  KendraDataSourceRef,
  QBusinessDataSourceRef,
  QConnectKnowledgeBaseRef,
} from '../model/sources';
import {
  listKendraDataSourcesPage,
  listKendraIndicesPage,
  type KendraIndexDetails,
} from '../services/kendra/resources';
import {
  listQBusinessApplicationsPage,
  listQBusinessDataSourcesPage,
  listQBusinessIndicesPage,
  type QBusinessApplicationDetails,
  type QBusinessIndexDetails,
} from '../services/qbusiness/resources';
import { listKnowledgeBasesPage } from '../services/qconnect/resources';
import type { Upstream } from '../services/upstream';
import { listAll } from './listAll';

/** Kendra ListIndices, 100 a page. */
export function allKendraIndices(upstream: Upstream): Promise<KendraIndexDetails[]> {
  return listAll((page) => listKendraIndicesPage(upstream, page), 100);
}

/** Kendra ListDataSources of one index, 100 a page. */
export function allKendraDataSources(
  upstream: Upstream,
  indexId: string,
): Promise<KendraDataSourceRef[]> {
  return listAll((page) => listKendraDataSourcesPage(upstream, indexId, page), 100);
}

/** Q Business ListApplications, 100 a page. */
export function allQBusinessApplications(
  upstream: Upstream,
): Promise<QBusinessApplicationDetails[]> {
  return listAll((page) => listQBusinessApplicationsPage(upstream, page), 100);
}

/** Q Business ListIndices of one application, 100 a page. */
export function allQBusinessIndices(
  upstream: Upstream,
  applicationId: string,
): Promise<QBusinessIndexDetails[]> {
  return listAll((page) => listQBusinessIndicesPage(upstream, applicationId, page), 100);
}

/** Q Business ListDataSources of one index, 10 a page (the operation's largest). */
export function allQBusinessDataSources(
  upstream: Upstream,
  applicationId: string,
  indexId: string,
): Promise<QBusinessDataSourceRef[]> {
  return listAll(
    (page) => listQBusinessDataSourcesPage(upstream, applicationId, indexId, page),
    10,
  );
}

/** Q Connect ListKnowledgeBases, 100 a page. */
export function allKnowledgeBases(upstream: Upstream): Promise<QConnectKnowledgeBaseRef[]> {
  return listAll((page) => listKnowledgeBasesPage(upstream, page), 100);
}

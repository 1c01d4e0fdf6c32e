/**
 * References to the things jobs come from. A reference holds only the ids needed to address the
 * resource upstream; its other fields (name, type, status, ...) are fetched by the resolvers through
 * the per-request loaders, and only when a query asks for them. `details` is filled when a list call
 * already brought them (discovery), so no describe call is needed then.
 */

export interface KendraIndexRef {
  kind: 'KendraIndex';
  indexId: string;
  /** The name a listing already brought (no DescribeIndex needed for it). */
  name?: string;
  details?: ContainerDetails;
}

/** A Kendra data source, by index and data source id. */
export interface KendraDataSourceRef {
  kind: 'KendraDataSource';
  indexId: string;
  dataSourceId: string;
  details?: SourceDetails;
  /** The index's name, when discovery listed it. */
  indexName?: string;
}

/** A Q Business application. */
export interface QBusinessApplicationRef {
  kind: 'QBusinessApplication';
  applicationId: string;
  details?: ContainerDetails;
}

/** A Q Business index of an application. */
export interface QBusinessIndexRef {
  kind: 'QBusinessIndex';
  applicationId: string;
  indexId: string;
  /** The name a listing already brought (no GetIndex needed for it). */
  name?: string;
  details?: ContainerDetails;
}

/** What holds sources: Kendra indexes, Q Business applications and their indices. */
export type ContainerRef = KendraIndexRef | QBusinessApplicationRef | QBusinessIndexRef;

/**
 * Fields of an index or application that its service's list call already returns (plain text, so
 * a listing shared through the store keeps them as they are).
 */
export interface ContainerDetails {
  name: string;
  status?: string;
}

/** A Q Business data source, by application, index and data source id. */
export interface QBusinessDataSourceRef {
  kind: 'QBusinessDataSource';
  applicationId: string;
  indexId: string;
  dataSourceId: string;
  details?: SourceDetails;
  /** The index's name, when discovery listed it. */
  indexName?: string;
}

/** A Q Connect knowledge base. */
export interface QConnectKnowledgeBaseRef {
  kind: 'QConnectKnowledgeBase';
  /** The bare UUID (an ARN given by a client is reduced to it). */
  knowledgeBaseId: string;
  details?: SourceDetails;
}

/** A data source or knowledge base: what `JobSource` resolves from. */
export type JobSourceRef = KendraDataSourceRef | QBusinessDataSourceRef | QConnectKnowledgeBaseRef;
/** A source whose jobs are sync jobs: a Kendra or Q Business data source. */
export type SyncSourceRef = KendraDataSourceRef | QBusinessDataSourceRef;

/** Any resource `node(id:)` can return (jobs aside). */
export type NodeRef =
  | KendraIndexRef
  | KendraDataSourceRef
  | QBusinessApplicationRef
  | QBusinessIndexRef
  | QBusinessDataSourceRef
  | QConnectKnowledgeBaseRef;

/** The fields every JobSource shows, whatever the service. */
export interface SourceDetails {
  name: string;
  type?: string;
  status?: string;
  description?: string;
  createdAt?: Date;
  updatedAt?: Date;
  /** Service-specific extras (languageCode, syncSchedule, knowledgeBaseArn). */
  extra?: Record<string, string | undefined>;
}

/** A stable text key of a source, used in cursors, sort keys and loader keys. */
export function sourceKey(ref: JobSourceRef): string {
  switch (ref.kind) {
    case 'KendraDataSource':
      return `${ref.indexId}/${ref.dataSourceId}`;
    case 'QBusinessDataSource':
      return `${ref.applicationId}/${ref.indexId}/${ref.dataSourceId}`;
    case 'QConnectKnowledgeBase':
      return ref.knowledgeBaseId;
  }
}

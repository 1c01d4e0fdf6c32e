/**
 * A Relay connection as the domain knows it: edges (cursor + node) and page flags, what
 * `src/relay` computes and every connection field resolves to (`nodes` is derived from `edges`).
 * The GraphQL shapes of the same types are codegen's (`src/schema/generated.ts`); the mappers in
 * `codegen.yml` point each connection type at the aliases below.
 */
import type { ImportJobModel, JobModel, SyncJobModel } from './jobs';
import type {
  JobSourceRef,
  KendraIndexRef,
  QBusinessApplicationRef,
  QBusinessIndexRef,
  QConnectKnowledgeBaseRef,
} from './sources';

/** One item of a page and the opaque cursor of its position. */
export interface Edge<T> {
  cursor: string;
  node: T;
}

/** The page flags and end cursors of the Cursor Connections spec. */
export interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

/** One page of a connection. */
export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
}

/** What each GraphQL connection type resolves from (`codegen.yml` maps them). */
export type SyncJobConnectionModel = Connection<SyncJobModel>;
export type ImportJobConnectionModel = Connection<ImportJobModel>;
export type JobConnectionModel = Connection<JobModel>;
export type JobSourceConnectionModel = Connection<JobSourceRef>;
export type KendraIndexConnectionModel = Connection<KendraIndexRef>;
export type QBusinessApplicationConnectionModel = Connection<QBusinessApplicationRef>;
export type QBusinessIndexConnectionModel = Connection<QBusinessIndexRef>;
export type QConnectKnowledgeBaseConnectionModel = Connection<QConnectKnowledgeBaseRef>;

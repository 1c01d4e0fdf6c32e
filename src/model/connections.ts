/** What a connection field resolves to: the edges and flags `src/relay` computed. `nodes` is derived. */
import type { ImportJobModel, JobModel, SyncJobModel } from './jobs';
import type { JobSourceRef } from './sources';

export interface PageInfoModel {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

export interface ConnectionModel<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfoModel;
}

export type SyncJobConnectionModel = ConnectionModel<SyncJobModel>;
export type ImportJobConnectionModel = ConnectionModel<ImportJobModel>;
export type JobConnectionModel = ConnectionModel<JobModel>;
export type JobSourceConnectionModel = ConnectionModel<JobSourceRef>;

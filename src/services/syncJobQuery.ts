/** What a sync job list call can push down to Kendra or Q Business, plus the page request. */
export interface SyncJobQuery {
  /** The service takes one status; several are filtered in the gateway. */
  status?: string;
  /** Inclusive window on the job's start time. */
  startedAfter?: Date;
  startedBefore?: Date;
}

export interface PageRequest {
  token?: string;
  size: number;
}

export interface ServicePage<T> {
  items: T[];
  nextToken?: string;
}

/** What a sync job list call can push down to Kendra or Q Business (the page is a `PageRequest`). */
export interface SyncJobQuery {
  /** The service takes one status; several are filtered in the gateway. */
  status?: string;
  /** Inclusive window on the job's start time. */
  startedAfter?: Date;
  startedBefore?: Date;
}

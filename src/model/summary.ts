/** The dashboard summary (`Query.jobSummary`) as resolvers build it. */
import type { JobState } from './jobs';
import type { Service } from './services';
import type { JobSourceRef } from './sources';

/** Counts by state, and the failure rate, of a set of jobs. */
export interface StateCounts {
  total: number;
  byState: { state: JobState; count: number }[];
  failureRate: number | null;
}

/** One source's counts. */
export interface SourceJobSummaryModel extends StateCounts {
  source: JobSourceRef;
}

/**
 * The whole summary: the window, the counts, per service and per source. `total` and `byState`
 * are null when no source answered (see the SDL).
 */
export interface JobSummaryModel {
  total: number | null;
  byState: StateCounts['byState'] | null;
  failureRate: number | null;
  startedAfter: Date;
  startedBefore: Date;
  services: ({ service: Service } & StateCounts)[];
  sources: SourceJobSummaryModel[];
}

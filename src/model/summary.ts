/** The dashboard summary (`Query.jobSummary`) as resolvers build it. */
import type { JobState } from './jobs';
import type { Service } from './services';
import type { JobSourceRef } from './sources';

export interface StateCounts {
  total: number;
  byState: { state: JobState; count: number }[];
  failureRate: number | null;
}

export interface SourceJobSummaryModel extends StateCounts {
  source: JobSourceRef;
}

export interface JobSummaryModel extends StateCounts {
  startedAfter: Date;
  startedBefore: Date;
  services: ({ service: Service } & StateCounts)[];
  sources: SourceJobSummaryModel[];
}

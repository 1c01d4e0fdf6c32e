/**
 * `Query.jobSummary`: counts by state over a start-time window, for dashboards. Each source's
 * history is read newest first until it is older than the window, at the largest page size, all
 * sources in parallel; jobs that had finished when an earlier summary read them are not read again
 * (`countSourceJobs.ts`), so a repeated dashboard costs only its newest pages. The window is
 * capped (`summaryMaxDays`, 31 by default) so one request cannot scan years of history.
 * failureRate = FAILED / (SUCCEEDED + FAILED + INCOMPLETE + ABORTED), null when nothing finished.
 * When no source answered, `total` and `byState` are null: a 0 next to the errors would read as
 * "nothing failed".
 */
import type { GraphQLResolveInfo } from 'graphql';
import { badUserInput } from '../errors/ErrorCode';
import { countSourceJobs } from '../request/countSourceJobs';
import { toGlobalId } from '../model/globalId';
import { JOB_STATES, type JobState } from '../model/jobs';
import { FINISHED_STATES } from '../model/jobState';
import type { JobSummaryModel, StateCounts } from '../model/summary';
import { serviceOf, type Service } from '../model/services';
import type { JobFilter } from '../schema/generated';
import type { GatewayContext } from '../request/context';
import { reportPartialError } from '../request/partialErrors';
import { selectSources } from './feedSources';
import { listOf, windowOf } from './jobConnections';

const DAY_MS = 24 * 60 * 60 * 1000;

function countsOf(tally: Map<JobState, number>): StateCounts {
  const byState = JOB_STATES.filter((state) => tally.has(state)).map((state) => ({
    state,
    count: tally.get(state)!,
  }));
  const total = byState.reduce((sum, s) => sum + s.count, 0);
  const finished = FINISHED_STATES.reduce((sum, state) => sum + (tally.get(state) ?? 0), 0);
  return {
    total,
    byState,
    failureRate: finished === 0 ? null : (tally.get('FAILED') ?? 0) / finished,
  };
}

function add(into: Map<JobState, number>, from: Map<JobState, number>): void {
  for (const [state, count] of from) into.set(state, (into.get(state) ?? 0) + count);
}

/** `Query.jobSummary` (see the module header). */
export async function jobSummary(
  context: GatewayContext,
  info: GraphQLResolveInfo,
  filter: JobFilter,
): Promise<JobSummaryModel> {
  const now = Math.floor(context.options.now());
  const given = windowOf(filter, now);
  if (!given.startedAfter) {
    throw badUserInput(
      '`jobSummary` needs `filter.startedAfter` or `filter.startedWithin`: the window start.',
    );
  }
  const startedAfter: Date = given.startedAfter;
  const startedBefore: Date = given.startedBefore ?? new Date(now);
  windowOf({ startedAfter, startedBefore }, now);
  const maxDays = context.options.summaryMaxDays;
  if (startedBefore.getTime() - startedAfter.getTime() > maxDays * DAY_MS) {
    throw badUserInput(
      `A \`jobSummary\` window may span at most ${maxDays} days; the one asked for spans ${((startedBefore.getTime() - startedAfter.getTime()) / DAY_MS).toFixed(1)}.`,
    );
  }
  const window = { states: listOf(filter.states), startedAfter, startedBefore };
  const errorsBefore = context.partialErrors.length;
  const refs = await selectSources(context, info, filter);
  const results = await Promise.all(
    refs.map((ref) =>
      countSourceJobs(context, ref, window).then(
        (tally) => ({ ref, tally }),
        (error: unknown) => {
          reportPartialError(context, info, error, {
            service: serviceOf(ref),
            sourceId: toGlobalId(ref),
          });
          return undefined;
        },
      ),
    ),
  );
  const all = new Map<JobState, number>();
  const perService = new Map<Service, Map<JobState, number>>();
  const sources = [];
  for (const result of results) {
    if (!result) continue;
    add(all, result.tally);
    const service = serviceOf(result.ref);
    if (!perService.has(service)) perService.set(service, new Map());
    add(perService.get(service)!, result.tally);
    sources.push({ source: result.ref, ...countsOf(result.tally) });
  }
  // Nothing answered but something failed: no count at all, rather than a 0 that reads as "none".
  const answered = results.some((result) => result !== undefined);
  const failed = context.partialErrors.length > errorsBefore;
  const counts =
    !answered && failed ? { total: null, byState: null, failureRate: null } : countsOf(all);
  return {
    startedAfter,
    startedBefore,
    ...counts,
    services: [...perService].map(([service, tally]) => ({ service, ...countsOf(tally) })),
    sources,
  };
}

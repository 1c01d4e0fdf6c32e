/**
 * `Subscription.jobUpdates`: the jobs of the sources a `JobFilter` selects, as the shared pollers
 * see them change, filtered by the rest of the filter (states, window) per subscriber. The stream
 * ends when the client leaves, when the gateway shuts down, and when none of its sources exists
 * any more; a failed poll ends nothing (the poller reports it and tries again).
 * Danger: every covered source is a poller; the count is checked before any starts.
 */
import { Repeater } from '@repeaterjs/repeater';
import { ErrorCode, gatewayError } from '../errors/ErrorCode';
import type { JobModel } from '../model/jobs';
import { matchesJob } from '../request/jobFilters';
import type { SubscriptionResolvers } from '../schema/generated';
import { selectSources } from './feedSources';
import { listOf, windowOf } from './jobConnections';

export const Subscription: SubscriptionResolvers = {
  jobUpdates: {
    subscribe: async (_, { filter }, context, info) => {
      // A relative window (`startedWithin`) counts back from the subscription's start.
      const startedAt = Math.floor(context.options.now());
      const predicate = { states: listOf(filter?.states), ...windowOf(filter, startedAt) };
      const sources = await selectSources(context, info, filter ?? {});
      // Each covered source costs one upstream call per poll round: the request budget
      // (--max-cost) bounds it like a query's calls, and --max-subscription-sources bounds pollers.
      const { maxSubscriptionSources, maxCost } = context.options;
      const limit = Math.min(maxSubscriptionSources, maxCost);
      if (sources.length > limit) {
        throw gatewayError(
          ErrorCode.QUERY_TOO_COMPLEX,
          `A subscription may cover at most ${limit} sources (one upstream call each per poll; ` +
            `--max-subscription-sources ${maxSubscriptionSources}, --max-cost ${maxCost}); this ` +
            `filter selects ${sources.length}. Narrow it with \`services\` or \`sources\`.`,
          { cost: sources.length, limit },
        );
      }
      return new Repeater<{ jobUpdates: JobModel }>(async (push, stop) => {
        let remaining = sources.length;
        if (remaining === 0) return stop();
        const unwatch = sources.map((source) =>
          context.live.watch(source, {
            onJobs: (jobs) => {
              for (const job of jobs)
                if (matchesJob(job, predicate)) void push({ jobUpdates: job });
            },
            onEnd: (reason) => {
              remaining -= 1;
              if (reason === 'shutdown' || remaining === 0) stop();
            },
          }),
        );
        await stop;
        await Promise.all(unwatch.map((end) => end()));
      }) as never;
    },
  },
};

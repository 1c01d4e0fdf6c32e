/**
 * Builds the job connections of one source (`syncJobs`, `importJobs`, `JobSource.jobs`) from the
 * GraphQL arguments: filter → predicate, source → `PageSource`, then the relay engine.
 */
import { badUserInput } from '../errors/ErrorCode';
import { jobPageSource } from '../request/jobPageSource';
import type { JobPredicate } from '../request/jobFilters';
import type { Connection } from '../model/connections';
import type { JobModel } from '../model/jobs';
import type { JobSourceRef } from '../model/sources';
import { connectionFromPageSource } from '../relay/connection';
import type { ConnectionArgs } from '../relay/connectionArgs';
import type { GatewayContext } from '../request/context';
import { scheduleLookAhead } from '../request/scheduleLookAhead';

/** A start-time window as the GraphQL filters give it. */
export interface WindowInput {
  startedAfter?: Date | null;
  startedBefore?: Date | null;
}

/** Checks a start-time window and drops nulls. */
export function windowOf(input: WindowInput | null | undefined, after = 'startedAfter', before = 'startedBefore') {
  const startedAfter = input?.startedAfter ?? undefined;
  const startedBefore = input?.startedBefore ?? undefined;
  if (startedAfter && startedBefore && startedAfter > startedBefore) {
    throw badUserInput(
      `\`${after}\` (${startedAfter.toISOString()}) must not be later than \`${before}\` (${startedBefore.toISOString()}).`,
    );
  }
  return { startedAfter, startedBefore };
}

/** A list argument: null/absent means "no condition", an empty list matches nothing. */
export function listOf<T>(values: readonly T[] | null | undefined): readonly T[] | undefined {
  return values ?? undefined;
}

/** The job connection of one source under a filter. */
export async function jobConnection<T extends JobModel>(
  context: GatewayContext,
  source: JobSourceRef,
  predicate: JobPredicate,
  args: ConnectionArgs,
): Promise<Connection<T>> {
  const pageSource = jobPageSource<T>(context.loaders, source, predicate, { pushdown: context.options.pushdown });
  const page = await connectionFromPageSource(pageSource, args, {
    now: context.options.now,
    tokenChain: context.tokenChain,
    signer: context.cursorSigner,
  });
  scheduleLookAhead(context, page, args.last == null);
  return page;
}

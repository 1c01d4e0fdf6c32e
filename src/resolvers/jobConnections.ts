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
import { startOfWindow } from '../model/relativeWindow';
import { connectionFromPageSource } from '../relay/connection';
import type { ConnectionArgs } from '../relay/connectionArgs';
import type { GatewayContext } from '../request/context';
import { scheduleLookAhead } from '../request/scheduleLookAhead';

/** A start-time window as the GraphQL filters give it. */
export interface WindowInput {
  startedAfter?: Date | null;
  startedBefore?: Date | null;
  /** An ISO-8601 duration back from `anchorMs`; with `startedAfter` too, the later bound holds. */
  startedWithin?: string | null;
}

/** The argument names of a window, for messages (import jobs say `created...`). */
export interface WindowNames {
  after: string;
  before: string;
  within: string;
}

const STARTED: WindowNames = {
  after: 'startedAfter',
  before: 'startedBefore',
  within: 'startedWithin',
};

/**
 * Checks a start-time window, resolves a relative one against `anchorMs` (the walk's start, see
 * `walkAnchor`) and drops nulls.
 */
export function windowOf(
  input: WindowInput | null | undefined,
  anchorMs: number,
  names: WindowNames = STARTED,
) {
  const { after, before } = names;
  let startedAfter = input?.startedAfter ?? undefined;
  const startedBefore = input?.startedBefore ?? undefined;
  if (input?.startedWithin != null) {
    const start = startOfWindow(input.startedWithin, anchorMs, names.within);
    if (!startedAfter || start > startedAfter) startedAfter = start;
  }
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

/** The job connection of one source; `anchorMs` is `walkAnchor(args, ...)`, the walk's start. */
export async function jobConnection<T extends JobModel>(
  context: GatewayContext,
  source: JobSourceRef,
  predicate: JobPredicate,
  args: ConnectionArgs,
  anchorMs: number,
): Promise<Connection<T>> {
  const pageSource = jobPageSource<T>(context.loaders, source, predicate, {
    pushdown: context.options.pushdown,
  });
  // The walk starts at the instant the window was counted from, so both stay fixed while it pages.
  const page = await connectionFromPageSource(pageSource, args, {
    now: () => anchorMs,
    tokenChain: context.tokenChain,
    signer: context.cursorSigner,
  });
  scheduleLookAhead(context, page, args.last == null);
  return page;
}

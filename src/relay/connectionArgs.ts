/**
 * `first` / `after` / `last` / `before` as the gateway accepts them, checked before anything is
 * fetched. Danger: a check added after the first upstream call would let a bad request cost calls.
 */
import { badUserInput } from '../errors/ErrorCode';

/** Edges in a page when neither `first` nor `last` is given. */
export const DEFAULT_PAGE_SIZE = 20;
/** Largest `first` or `last` accepted. */
export const MAX_PAGE_SIZE = 100;

/** The four connection arguments as GraphQL hands them over (absent or `null` = not given). */
export interface ConnectionArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

/**
 * A checked request: `forward` takes the first `count` items of the window (`first`, or the
 * default), `backward` the last `count` (`last`). Cursors are still undecoded strings here.
 */
export interface CheckedConnectionArgs {
  direction: 'forward' | 'backward';
  count: number;
  after?: string;
  before?: string;
}

function checkCount(name: 'first' | 'last', value: number): number {
  if (!Number.isInteger(value) || value < 0 || value > MAX_PAGE_SIZE) {
    throw badUserInput(
      `\`${name}\` must be a whole number between 0 and ${MAX_PAGE_SIZE}, got ${value}`,
      {
        argumentName: name,
      },
    );
  }
  return value;
}

/**
 * Checks the arguments and picks the direction. Neither `first` nor `last`: `first: 20`.
 * `first` and `last` together, a negative value, a fraction or more than 100: `BAD_USER_INPUT`
 * naming the argument, the value and the limit.
 */
export function parseConnectionArgs(args: ConnectionArgs): CheckedConnectionArgs {
  const { first, last } = args;
  const after = args.after ?? undefined;
  const before = args.before ?? undefined;
  if (first != null && last != null) {
    throw badUserInput(
      `\`first\` and \`last\` cannot be used together (got first: ${first}, last: ${last}): ` +
        'use `first` with `after` to page forward, or `last` with `before` to page backward',
      { argumentName: 'last' },
    );
  }
  if (last != null)
    return { direction: 'backward', count: checkCount('last', last), after, before };
  const count = first != null ? checkCount('first', first) : DEFAULT_PAGE_SIZE;
  return { direction: 'forward', count, after, before };
}

/**
 * Relative windows (`startedWithin: "P7D"`): an ISO-8601 duration counted back from an anchor
 * instant. Years and months are calendar steps in UTC (P1M before 31 March is 3 March, as
 * `Date.setUTCMonth` counts), everything else is fixed time. Danger: the anchor must be the same
 * on every page of a walk, or the window, and with it the cursors' binding, moves between pages.
 */
import { parse } from 'iso8601-duration';
import { badUserInput } from '../errors/ErrorCode';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The instant `duration` before `anchorMs`; BAD_USER_INPUT for a duration that is not one. */
export function startOfWindow(
  duration: string,
  anchorMs: number,
  argument = 'startedWithin',
): Date {
  let parts;
  try {
    parts = parse(duration);
  } catch {
    throw badUserInput(
      `\`${argument}\` must be an ISO-8601 duration such as "P7D" or "PT24H", got "${duration}".`,
    );
  }
  const { years = 0, months = 0, weeks = 0, days = 0, hours = 0, minutes = 0, seconds = 0 } = parts;
  if (!Number.isInteger(years) || !Number.isInteger(months)) {
    throw badUserInput(
      `\`${argument}\`: years and months must be whole numbers, got "${duration}".`,
    );
  }
  const fixed = weeks * 7 * DAY + days * DAY + hours * HOUR + minutes * MINUTE + seconds * SECOND;
  if (years + months === 0 && fixed <= 0) {
    throw badUserInput(`\`${argument}\` must be a duration longer than zero, got "${duration}".`);
  }
  const start = new Date(anchorMs);
  if (years !== 0 || months !== 0) start.setUTCMonth(start.getUTCMonth() - months - 12 * years);
  return new Date(start.getTime() - fixed);
}

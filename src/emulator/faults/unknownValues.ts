/**
 * What the `unknownValues: true` fault does to the responses of the operations it matches, so that
 * a client sees enum values and union members its SDK was not built with:
 *
 * - List operations change every other item, starting with the first of each page (items 0, 2, 4
 *   …); Get/Describe operations change their one item.
 * - A changed item's status becomes `PAUSED_FOR_MAINTENANCE`: sync jobs (`Status` / `status`, a
 *   `DataSourceSyncJobStatus`), import jobs (`ImportJobStatus`), indices, data sources,
 *   applications and knowledge bases (their own status enums).
 * - A changed Q Connect import job that has an `externalSourceConfiguration` also gets its
 *   `configuration` union rewritten as `{ "futureSourceConfiguration": <the original member's
 *   value> }`. client-qconnect 3.828 passes such a member through raw under its own name;
 *   schema-based clients would give `{ $unknown: ["futureSourceConfiguration", …] }`.
 * - Status filters apply to the real status, before the change; Start and Stop are unaffected.
 *
 * Danger: change rendered copies only, never the stored records, or the fault outlives its rule.
 */

/** The status a changed item gets: no model of the three services has it. */
export const UNKNOWN_ENUM_VALUE = 'PAUSED_FOR_MAINTENANCE';
/** The member name a changed `configuration` union gets. */
export const UNKNOWN_UNION_MEMBER = 'futureSourceConfiguration';

/** True for the items a List response changes: every other one, from the first. */
export function isChangedItem(unknownValues: boolean, position: number): boolean {
  return unknownValues && position % 2 === 0;
}

/** The status an item is rendered with. */
export function statusFor(status: string, changed: boolean): string {
  return changed ? UNKNOWN_ENUM_VALUE : status;
}

/**
 * A `Configuration` union rendered with a member the model does not have, carrying the same value.
 */
export function unknownUnion(configuration: Record<string, unknown>): Record<string, unknown> {
  const [value] = Object.values(configuration);
  return { [UNKNOWN_UNION_MEMBER]: structuredClone(value) ?? {} };
}

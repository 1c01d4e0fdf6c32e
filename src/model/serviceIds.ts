/**
 * Checks the services' own ids before anything is sent upstream, with the patterns of the Smithy
 * models, so a malformed id is a clear BAD_USER_INPUT instead of an upstream ValidationException.
 */
import { badUserInput } from '../errors/ErrorCode';

const KENDRA_INDEX_ID = /^[a-zA-Z0-9][a-zA-Z0-9-]{35}$/;
const KENDRA_DATA_SOURCE_ID = /^[a-zA-Z0-9][a-zA-Z0-9_-]{0,99}$/;
const QBUSINESS_ID = /^[a-zA-Z0-9][a-zA-Z0-9-]{35}$/;
const UUID = /^[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}$/;
const KNOWLEDGE_BASE_ARN =
  /^arn:[a-z-]*?:wisdom:[a-z0-9-]*?:[0-9]{12}:[a-z-]*?\/([a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12})$/;

function check(value: string, pattern: RegExp, what: string, expected: string): string {
  if (!pattern.test(value)) throw badUserInput(`${what} must be ${expected}; got "${value.slice(0, 120)}".`);
  return value;
}

/** A Kendra index id, checked (BAD_USER_INPUT when malformed). */
export const kendraIndexId = (id: string) => check(id, KENDRA_INDEX_ID, 'A Kendra index id', '36 characters of letters, digits and hyphens');
/** A Kendra data source id, checked. */
export const kendraDataSourceId = (id: string) =>
  check(id, KENDRA_DATA_SOURCE_ID, 'A Kendra data source id', '1 to 100 characters of letters, digits, hyphens and underscores');
/** A Q Business application, index or data source id (`what` names which), checked. */
export const qbusinessId = (id: string, what: string) =>
  check(id, QBUSINESS_ID, `A Q Business ${what} id`, '36 characters of letters, digits and hyphens');

/** A knowledge base id or ARN → the bare id the responses use. */
export function knowledgeBaseId(idOrArn: string): string {
  if (UUID.test(idOrArn)) return idOrArn;
  const arn = KNOWLEDGE_BASE_ARN.exec(idOrArn);
  if (arn) return arn[1];
  throw badUserInput(
    `A Q Connect knowledge base id must be a lower-case UUID or a knowledge base ARN; got "${idOrArn.slice(0, 120)}".`,
  );
}

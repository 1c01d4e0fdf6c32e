/**
 * Checks the services' own ids before anything is sent upstream, with the patterns and lengths of
 * the Smithy models, so a malformed id is a clear BAD_USER_INPUT instead of an upstream call (and
 * an upstream ValidationException). Danger: these are the models' constraints, not ours; keep them
 * in step with `/work/shared/aws-models` when the models change.
 */
import { badUserInput } from '../errors/ErrorCode';

/** Kendra `IndexId`: 36 characters. */
const KENDRA_INDEX_ID = /^[a-zA-Z0-9][a-zA-Z0-9-]{35}$/;
/** Kendra `DataSourceId`: 1 to 100 characters. */
const KENDRA_DATA_SOURCE_ID = /^[a-zA-Z0-9][a-zA-Z0-9_-]{0,99}$/;
/** Q Business `ApplicationId`, `IndexId`, `DataSourceId`, `ExecutionId`: 36 characters. */
const QBUSINESS_ID = /^[a-zA-Z0-9][a-zA-Z0-9-]{35}$/;
/** Q Connect `Uuid`. */
const UUID = /^[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}$/;
/** Q Connect `UuidOrArn`, ARN branch: partition, region, account, resource type, id. */
const KNOWLEDGE_BASE_ARN = new RegExp(
  '^arn:([a-z-]*?):wisdom:([a-z0-9-]*?):([0-9]{12}):([a-z-]*?)/' +
    '([a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12})$',
);
/** Kendra's sync job `ExecutionId` is a string of 1 to 2048 characters (StartDataSourceSyncJob). */
const KENDRA_EXECUTION_ID_MAX = 2048;

function check(value: string, pattern: RegExp, what: string, expected: string): string {
  if (!pattern.test(value))
    throw badUserInput(`${what} must be ${expected}; got "${value.slice(0, 120)}".`);
  return value;
}

const CHARS_36 = '36 characters of letters, digits and hyphens';

/** A Kendra index id, checked (BAD_USER_INPUT when malformed). */
export const kendraIndexId = (id: string) =>
  check(id, KENDRA_INDEX_ID, 'A Kendra index id', CHARS_36);
/** A Kendra data source id, checked. */
export const kendraDataSourceId = (id: string) =>
  check(
    id,
    KENDRA_DATA_SOURCE_ID,
    'A Kendra data source id',
    '1 to 100 characters of letters, digits, hyphens and underscores',
  );
/** A Q Business application, index, data source or execution id (`what` names which), checked. */
export const qbusinessId = (id: string, what: string) =>
  check(id, QBUSINESS_ID, `A Q Business ${what} id`, CHARS_36);
/** A Q Connect import job id, checked. */
export const importJobId = (id: string) =>
  check(id, UUID, 'A Q Connect import job id', 'a lower-case UUID');

/** A Kendra sync job's execution id. */
export function kendraExecutionId(id: string): string {
  if (id.length < 1 || id.length > KENDRA_EXECUTION_ID_MAX) {
    throw badUserInput(
      `A Kendra execution id must be 1 to ${KENDRA_EXECUTION_ID_MAX} characters; got ${id.length}.`,
    );
  }
  return id;
}

/**
 * A knowledge base id or ARN → the bare id the responses use. An ARN must name a knowledge base
 * (`knowledge-base/…`) in `region` when one is configured; whose account it is, only the service
 * (or the served listing) can tell.
 */
export function knowledgeBaseId(idOrArn: string, region?: string): string {
  if (UUID.test(idOrArn)) return idOrArn;
  const arn = KNOWLEDGE_BASE_ARN.exec(idOrArn);
  if (!arn) {
    throw badUserInput(
      'A Q Connect knowledge base id must be a lower-case UUID or a knowledge base ARN; ' +
        `got "${idOrArn.slice(0, 120)}".`,
    );
  }
  const [, , arnRegion, , resourceType, id] = arn;
  if (resourceType !== 'knowledge-base') {
    throw badUserInput(
      `The ARN names a "${resourceType}", not a knowledge base ("knowledge-base/<uuid>").`,
    );
  }
  if (region && arnRegion !== region) {
    throw badUserInput(`The ARN is in region "${arnRegion}"; this gateway serves "${region}".`);
  }
  return id;
}

/** Is this a knowledge base ARN (rather than a bare id)? */
export function isKnowledgeBaseArn(idOrArn: string): boolean {
  return idOrArn.startsWith('arn:');
}

/**
 * The Smithy models' constraints that the emulator enforces, on requests and on fixtures alike:
 * id patterns and lengths, enum values, page-size ranges. Every value here is copied from
 * `shared/aws-models/*.smithy.json`; the shape names in comments are the models' own.
 *
 * Danger: this file is the emulator's only copy of the model. A constraint typed wrong here makes the
 * emulator accept what AWS refuses (or the reverse) and nothing else will notice.
 */

/** A string shape: `@length` and `@pattern` traits. */
export interface StringShape {
  /** The model's shape name, used in error messages. */
  name: string;
  min?: number;
  max?: number;
  pattern?: RegExp;
}

/** An enum shape (or a Smithy 1.0 `@enum` string): its wire values. */
export interface EnumShape {
  name: string;
  values: readonly string[];
}

const UUID = '[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}';
const RESOURCE_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_-]*$/;

// ---- Kendra (com.amazonaws.kendra) ----
export const KENDRA_INDEX_ID: StringShape = { name: 'IndexId', min: 36, max: 36, pattern: /^[a-zA-Z0-9][a-zA-Z0-9-]*$/ };
export const KENDRA_DATA_SOURCE_ID: StringShape = { name: 'DataSourceId', min: 1, max: 100, pattern: /^[a-zA-Z0-9][a-zA-Z0-9_-]*$/ };
export const KENDRA_INDEX_NAME: StringShape = { name: 'IndexName', min: 1, max: 1000, pattern: RESOURCE_NAME };
export const KENDRA_DATA_SOURCE_NAME: StringShape = { name: 'DataSourceName', min: 1, max: 1000, pattern: RESOURCE_NAME };
/** `DataSourceSyncJob.ExecutionId` is a plain `String` (1..2048), not an id pattern. */
export const KENDRA_EXECUTION_ID: StringShape = { name: 'String', min: 1, max: 2048 };
export const KENDRA_ERROR_MESSAGE: StringShape = { name: 'ErrorMessage', min: 1, max: 2048, pattern: /^\P{C}*$/u };
export const KENDRA_DESCRIPTION: StringShape = { name: 'Description', min: 0, max: 1000, pattern: /^\P{C}*$/u };
export const KENDRA_LANGUAGE_CODE: StringShape = { name: 'LanguageCode', min: 2, max: 10, pattern: /^[a-zA-Z-]*$/ };
export const KENDRA_SCAN_SCHEDULE: StringShape = { name: 'ScanSchedule' };
export const KENDRA_SYNC_JOB_STATUS: EnumShape = {
  name: 'DataSourceSyncJobStatus',
  values: ['FAILED', 'SUCCEEDED', 'SYNCING', 'INCOMPLETE', 'STOPPING', 'ABORTED', 'SYNCING_INDEXING'],
};
export const KENDRA_ERROR_CODE: EnumShape = { name: 'ErrorCode', values: ['InternalError', 'InvalidRequest'] };
export const KENDRA_INDEX_EDITION: EnumShape = {
  name: 'IndexEdition',
  values: ['DEVELOPER_EDITION', 'ENTERPRISE_EDITION', 'GEN_AI_ENTERPRISE_EDITION'],
};
export const KENDRA_INDEX_STATUS: EnumShape = {
  name: 'IndexStatus',
  values: ['CREATING', 'ACTIVE', 'DELETING', 'FAILED', 'UPDATING', 'SYSTEM_UPDATING'],
};
export const KENDRA_DATA_SOURCE_STATUS: EnumShape = {
  name: 'DataSourceStatus',
  values: ['CREATING', 'DELETING', 'FAILED', 'UPDATING', 'ACTIVE'],
};
export const KENDRA_DATA_SOURCE_TYPE: EnumShape = {
  name: 'DataSourceType',
  values: ['S3', 'SHAREPOINT', 'DATABASE', 'SALESFORCE', 'ONEDRIVE', 'SERVICENOW', 'CUSTOM', 'CONFLUENCE', 'GOOGLEDRIVE',
    'WEBCRAWLER', 'WORKDOCS', 'FSX', 'SLACK', 'BOX', 'QUIP', 'JIRA', 'GITHUB', 'ALFRESCO', 'TEMPLATE'],
};

// ---- Amazon Q Business (com.amazonaws.qbusiness) ----
/** `ApplicationId`, `IndexId`, `DataSourceId`, `ExecutionId`: all the same 36-char shape. */
const qbusinessId = (name: string): StringShape => ({ name, min: 36, max: 36, pattern: /^[a-zA-Z0-9][a-zA-Z0-9-]{35}$/ });
export const QBUSINESS_APPLICATION_ID = qbusinessId('ApplicationId');
export const QBUSINESS_INDEX_ID = qbusinessId('IndexId');
export const QBUSINESS_DATA_SOURCE_ID = qbusinessId('DataSourceId');
export const QBUSINESS_EXECUTION_ID = qbusinessId('ExecutionId');
export const QBUSINESS_APPLICATION_NAME: StringShape = { name: 'ApplicationName', min: 1, max: 1000, pattern: RESOURCE_NAME };
export const QBUSINESS_INDEX_NAME: StringShape = { name: 'IndexName', min: 1, max: 1000, pattern: RESOURCE_NAME };
export const QBUSINESS_DATA_SOURCE_NAME: StringShape = { name: 'DataSourceName', min: 1, max: 1000, pattern: RESOURCE_NAME };
export const QBUSINESS_DATA_SOURCE_TYPE: StringShape = { name: 'String', min: 1, max: 2048 };
export const QBUSINESS_ERROR_MESSAGE: StringShape = { name: 'ErrorMessage', min: 1, max: 2048 };
export const QBUSINESS_DESCRIPTION: StringShape = { name: 'Description', min: 0, max: 1000 };
export const QBUSINESS_SYNC_SCHEDULE: StringShape = { name: 'SyncSchedule', min: 0, max: 998 };
export const QBUSINESS_SYNC_JOB_STATUS: EnumShape = { ...KENDRA_SYNC_JOB_STATUS };
export const QBUSINESS_ERROR_CODE: EnumShape = {
  name: 'ErrorCode',
  values: ['InternalError', 'InvalidRequest', 'ResourceInactive', 'ResourceNotFound'],
};
export const QBUSINESS_APPLICATION_STATUS: EnumShape = {
  name: 'ApplicationStatus',
  values: ['CREATING', 'ACTIVE', 'DELETING', 'FAILED', 'UPDATING'],
};
export const QBUSINESS_INDEX_STATUS: EnumShape = { name: 'IndexStatus', values: ['CREATING', 'ACTIVE', 'DELETING', 'FAILED', 'UPDATING'] };
export const QBUSINESS_DATA_SOURCE_STATUS: EnumShape = {
  name: 'DataSourceStatus',
  values: ['PENDING_CREATION', 'CREATING', 'ACTIVE', 'DELETING', 'FAILED', 'UPDATING'],
};
export const QBUSINESS_IDENTITY_TYPE: EnumShape = {
  name: 'IdentityType',
  values: ['AWS_IAM_IDP_SAML', 'AWS_IAM_IDP_OIDC', 'AWS_IAM_IDC', 'AWS_QUICKSIGHT_IDP', 'ANONYMOUS'],
};

// ---- Amazon Q in Connect (com.amazonaws.qconnect) ----
export const QCONNECT_UUID: StringShape = { name: 'Uuid', pattern: new RegExp(`^${UUID}$`) };
export const QCONNECT_UUID_OR_ARN: StringShape = {
  name: 'UuidOrArn',
  pattern: new RegExp(`^${UUID}$|^arn:[a-z-]*?:wisdom:[a-z0-9-]*?:[0-9]{12}:[a-z-]*?/${UUID}(?:/${UUID}){0,2}$`),
};
export const QCONNECT_NAME: StringShape = { name: 'Name', min: 1, max: 255, pattern: /^[a-zA-Z0-9\s_.,-]+/ };
export const QCONNECT_DESCRIPTION: StringShape = { name: 'Description', min: 1, max: 255, pattern: /^[a-zA-Z0-9\s_.,-]+/ };
export const QCONNECT_UPLOAD_ID: StringShape = { name: 'UploadId', min: 1, max: 1200 };
export const QCONNECT_NON_EMPTY_STRING: StringShape = { name: 'NonEmptyString', min: 1, max: 4096 };
export const QCONNECT_URL: StringShape = { name: 'Url', min: 1, max: 4096 };
export const QCONNECT_IMPORT_JOB_TYPE: EnumShape = { name: 'ImportJobType', values: ['QUICK_RESPONSES'] };
export const QCONNECT_IMPORT_JOB_STATUS: EnumShape = {
  name: 'ImportJobStatus',
  values: ['START_IN_PROGRESS', 'FAILED', 'COMPLETE', 'DELETE_IN_PROGRESS', 'DELETE_FAILED', 'DELETED'],
};
export const QCONNECT_EXTERNAL_SOURCE: EnumShape = { name: 'ExternalSource', values: ['AMAZON_CONNECT'] };
export const QCONNECT_KNOWLEDGE_BASE_TYPE: EnumShape = {
  name: 'KnowledgeBaseType',
  values: ['EXTERNAL', 'CUSTOM', 'QUICK_RESPONSES', 'MESSAGE_TEMPLATES', 'MANAGED'],
};
export const QCONNECT_KNOWLEDGE_BASE_STATUS: EnumShape = {
  name: 'KnowledgeBaseStatus',
  values: ['CREATE_IN_PROGRESS', 'CREATE_FAILED', 'ACTIVE', 'DELETE_IN_PROGRESS', 'DELETE_FAILED', 'DELETED'],
};
/** `ContentMetadata`: a map of at most 10 entries. */
export const QCONNECT_METADATA_MAX_ENTRIES = 10;
/** The only member of the `Configuration` union in the model revision client-qconnect 3.828 was built from. */
export const QCONNECT_CONFIGURATION_MEMBERS: readonly string[] = ['connectConfiguration'];

// ---- shared ----
/** `MetricValue` in both Kendra and Q Business: a digit string without leading zeros. */
export const METRIC_VALUE: StringShape = { name: 'MetricValue', pattern: /^(([1-9][0-9]*)|0)$/ };
/** Kendra and Q Business `NextToken`: 1..800 chars; Q Connect's is a `NonEmptyString` (1..4096). */
export const NEXT_TOKEN: StringShape = { name: 'NextToken', min: 1, max: 800 };
export const RESOURCE_ARN: StringShape = {
  name: 'RoleArn',
  min: 0,
  max: 1284,
  pattern: /^arn:[a-z0-9-.]{1,63}:[a-z0-9-.]{0,63}:[a-z0-9-.]{0,63}:[a-z0-9-.]{0,63}:[^/].{0,1023}$/,
};

/**
 * `@range` of each List operation's page size. An absent `maxResults` means the range's maximum:
 * the models state no default, and the largest page costs a caller the fewest round trips.
 */
export const PAGE_SIZE_RANGES = {
  kendra: { ListIndices: 100, ListDataSources: 100, ListDataSourceSyncJobs: 10 },
  qbusiness: { ListApplications: 100, ListIndices: 100, ListDataSources: 10, ListDataSourceSyncJobs: 10 },
  qconnect: { ListKnowledgeBases: 100, ListImportJobs: 100 },
} as const;

/** The operations each service implements, with the model's operation names. */
export const OPERATIONS = {
  kendra: ['ListIndices', 'DescribeIndex', 'ListDataSources', 'DescribeDataSource', 'ListDataSourceSyncJobs',
    'StartDataSourceSyncJob', 'StopDataSourceSyncJob'],
  qbusiness: ['ListApplications', 'GetApplication', 'ListIndices', 'GetIndex', 'ListDataSources', 'GetDataSource',
    'ListDataSourceSyncJobs', 'StartDataSourceSyncJob', 'StopDataSourceSyncJob'],
  qconnect: ['ListKnowledgeBases', 'GetKnowledgeBase', 'ListImportJobs', 'GetImportJob'],
} as const;

/**
 * Why a string breaks a shape, or undefined when it fits. The wording completes a sentence that
 * starts with the value ("... must have length 36").
 */
export function stringViolation(value: string, shape: StringShape): string | undefined {
  const length = [...value].length;
  if (shape.min !== undefined && shape.min === shape.max && length !== shape.min) {
    return `must have length ${shape.min} (${shape.name}), got ${length}`;
  }
  if (shape.min !== undefined && length < shape.min) {
    return `must have length greater than or equal to ${shape.min} (${shape.name}), got ${length}`;
  }
  if (shape.max !== undefined && length > shape.max) {
    return `must have length less than or equal to ${shape.max} (${shape.name}), got ${length}`;
  }
  if (shape.pattern && !shape.pattern.test(value)) {
    return `must satisfy regular expression pattern ${shape.pattern.source} (${shape.name})`;
  }
  return undefined;
}

/** Why a string is not one of an enum's values, or undefined when it is. */
export function enumViolation(value: string, shape: EnumShape): string | undefined {
  return shape.values.includes(value) ? undefined : `is not ${article(shape.name)} ${shape.name} (expected one of ${shape.values.join(', ')})`;
}

/** "a" or "an" before a shape name ("an ErrorCode", "a DataSourceSyncJobStatus"). */
export function article(name: string): string {
  return /^[AEIOU]/.test(name) ? 'an' : 'a';
}

/**
 * The cast of the demo data: which indexes, applications, data sources and knowledge bases exist,
 * and how each behaves over time (schedule, failure rates, outages, documents). `demo.ts` turns
 * these profiles into a fixture. Danger: names must stay valid for the models' patterns
 * (`^[a-zA-Z0-9][a-zA-Z0-9_-]*$` for Kendra and Q Business, `^[a-zA-Z0-9\s_.,-]+` for Q Connect).
 */

export type LiveStatus = 'SYNCING' | 'SYNCING_INDEXING' | 'STOPPING';

/** A failure as both services report it; Kendra knows only InternalError and InvalidRequest. */
export interface Failure {
  code: string;
  message: string;
  sourceCode?: string;
}

export const FAILURES_BY_TYPE: Record<string, readonly Failure[]> = {
  S3: [
    { code: 'InvalidRequest', sourceCode: 'S3.AccessDenied', message: 'Access Denied listing the bucket: the data source role needs s3:ListBucket and s3:GetObject.' },
    { code: 'InvalidRequest', sourceCode: 'S3.NoSuchBucket', message: 'The specified bucket does not exist or is in another Region.' },
  ],
  CONFLUENCE: [
    { code: 'InvalidRequest', sourceCode: 'Confluence.Unauthorized', message: 'Confluence returned 401 Unauthorized: the personal access token in Secrets Manager has expired.' },
    { code: 'InternalError', sourceCode: 'Confluence.TooManyRequests', message: 'Confluence kept answering 429 Too Many Requests after 5 retries; the crawl was stopped.' },
  ],
  SHAREPOINT: [
    { code: 'InvalidRequest', sourceCode: 'SharePoint.AuthenticationFailed', message: 'Microsoft Entra ID rejected the client credentials (AADSTS7000222: the client secret has expired).' },
    { code: 'InternalError', sourceCode: 'SharePoint.Throttled', message: 'SharePoint Online throttled the crawl (HTTP 429) for longer than the connector waits.' },
  ],
  WEBCRAWLER: [
    { code: 'InvalidRequest', sourceCode: 'WebCrawler.SeedUrlUnreachable', message: 'None of the seed URLs could be reached: connection timed out after 30 seconds.' },
    { code: 'InvalidRequest', sourceCode: 'WebCrawler.RobotsTxtDisallowed', message: 'robots.txt on the seed host disallows crawling for the connector user agent.' },
  ],
  SALESFORCE: [
    { code: 'InvalidRequest', sourceCode: 'Salesforce.InvalidGrant', message: 'Salesforce OAuth refresh failed with invalid_grant: the connected app token was revoked.' },
  ],
  JIRA: [
    { code: 'InvalidRequest', sourceCode: 'Jira.Forbidden', message: 'Jira returned 403 Forbidden for project SUP: the service account lost the Browse Projects permission.' },
  ],
};
export const INTERNAL_FAILURE: Failure = { code: 'InternalError', message: 'An internal error occurred while processing the sync job. Try again later.' };
export const QBUSINESS_ONLY_FAILURES: readonly Failure[] = [
  { code: 'ResourceInactive', message: 'The index is not ACTIVE: it was being updated when the sync job started.' },
  { code: 'ResourceNotFound', sourceCode: 'SecretsManager.ResourceNotFoundException', message: 'The Secrets Manager secret holding the connector credentials was not found.' },
];

/** How one data source behaves over time. Rates are per finished job; `outage` forces FAILED between two days ago. */
export interface SyncSourceProfile {
  name: string;
  type: string;
  description: string;
  schedule: string;
  everyHours: number;
  offsetHours: number;
  minutes: readonly [number, number];
  docs: number;
  rates: { failed: number; incomplete: number; aborted: number };
  live?: LiveStatus;
  outage?: { fromDay: number; toDay: number; failure: Failure };
  /** One SUCCEEDED job scans more than 2^31 documents, to prove big counts survive. */
  huge?: boolean;
  /** The data source itself is UPDATING (Q Business). */
  updating?: boolean;
}

export interface KendraIndexProfile {
  name: string;
  edition: string;
  description: string;
  sources: SyncSourceProfile[];
}

export interface QBusinessApplicationProfile {
  name: string;
  description: string;
  indices: { name: string; description: string; sources: SyncSourceProfile[] }[];
}

export const failure = (type: string, index: number): Failure => FAILURES_BY_TYPE[type]?.[index] ?? INTERNAL_FAILURE;
const steady = { failed: 0.04, incomplete: 0.06, aborted: 0.02 };
const flaky = { failed: 0.12, incomplete: 0.1, aborted: 0.03 };

export const KENDRA_INDICES: KendraIndexProfile[] = [
  {
    name: 'enterprise-search-prod', edition: 'ENTERPRISE_EDITION', description: 'Company-wide search: policies, engineering, finance and CRM.',
    sources: [
      { name: 'hr-policies-s3', type: 'S3', description: 'HR policies and benefits PDFs from s3://acme-hr-policies', schedule: 'cron(0 2 * * ? *)', everyHours: 24, offsetHours: 2, minutes: [4, 25], docs: 1_800, rates: steady, live: 'SYNCING' },
      { name: 'confluence-engineering', type: 'CONFLUENCE', description: 'Engineering spaces on acme.atlassian.net', schedule: 'cron(0 */6 * * ? *)', everyHours: 6, offsetHours: 0, minutes: [12, 70], docs: 24_000, rates: steady, live: 'SYNCING_INDEXING' },
      { name: 'sharepoint-finance', type: 'SHAREPOINT', description: 'Finance team sites in SharePoint Online', schedule: 'cron(30 1 * * ? *)', everyHours: 24, offsetHours: 1.5, minutes: [20, 150], docs: 9_500, rates: flaky, live: 'STOPPING', outage: { fromDay: 41, toDay: 37, failure: failure('SHAREPOINT', 0) } },
      { name: 'salesforce-cases', type: 'SALESFORCE', description: 'Closed support cases and knowledge articles', schedule: 'cron(15 */12 * * ? *)', everyHours: 12, offsetHours: 0.25, minutes: [30, 180], docs: 52_000, rates: steady },
    ],
  },
  {
    name: 'product-docs-search', edition: 'GEN_AI_ENTERPRISE_EDITION', description: 'Public product documentation and support tickets.',
    sources: [
      { name: 'web-crawler-docs', type: 'WEBCRAWLER', description: 'Crawl of docs.acme.example and its subdomains', schedule: 'cron(0 4 */3 * ? *)', everyHours: 72, offsetHours: 4, minutes: [90, 420], docs: 180_000, rates: flaky, huge: true },
      { name: 'jira-support-tickets', type: 'JIRA', description: 'Jira project SUP, resolved tickets', schedule: 'cron(0 */8 * * ? *)', everyHours: 8, offsetHours: 0, minutes: [5, 40], docs: 36_000, rates: steady },
    ],
  },
];

export const QBUSINESS_APPLICATIONS: QBusinessApplicationProfile[] = [
  {
    name: 'acme-assistant', description: 'Employee assistant over HR, product and legal content.',
    indices: [
      {
        name: 'acme-knowledge', description: 'Internal knowledge',
        sources: [
          { name: 'hr-handbook-s3', type: 'S3', description: 'Employee handbook from s3://acme-hr-handbook', schedule: 'cron(0 3 * * ? *)', everyHours: 24, offsetHours: 3, minutes: [3, 20], docs: 950, rates: steady, outage: { fromDay: 20, toDay: 18, failure: failure('S3', 0) } },
          { name: 'confluence-product', type: 'CONFLUENCE', description: 'Product management spaces', schedule: 'cron(0 */12 * * ? *)', everyHours: 12, offsetHours: 0, minutes: [10, 60], docs: 14_000, rates: steady, live: 'SYNCING' },
          { name: 'sharepoint-legal', type: 'SHAREPOINT', description: 'Contracts and legal templates', schedule: 'cron(0 22 * * ? *)', everyHours: 24, offsetHours: 22, minutes: [15, 90], docs: 6_200, rates: flaky },
        ],
      },
      {
        name: 'support-content', description: 'Customer-facing help content',
        sources: [
          { name: 'web-crawler-help-center', type: 'WEBCRAWLER', description: 'Crawl of help.acme.example', schedule: 'cron(0 5 */2 * ? *)', everyHours: 48, offsetHours: 5, minutes: [40, 240], docs: 42_000, rates: flaky, live: 'SYNCING_INDEXING' },
          { name: 's3-support-runbooks', type: 'S3', description: 'Runbooks from s3://acme-support-runbooks', schedule: 'cron(30 4 * * ? *)', everyHours: 24, offsetHours: 4.5, minutes: [2, 15], docs: 600, rates: steady },
        ],
      },
    ],
  },
  {
    name: 'sales-copilot', description: 'Small pilot for the sales team.',
    indices: [
      {
        name: 'sales-enablement', description: 'Sales playbooks',
        sources: [
          { name: 'sharepoint-sales-playbooks', type: 'SHAREPOINT', description: 'Sales playbooks site', schedule: 'cron(0 6 * * ? *)', everyHours: 24, offsetHours: 6, minutes: [5, 45], docs: 2_300, rates: steady, live: 'STOPPING', updating: true },
        ],
      },
    ],
  },
];

export interface ImportProfile {
  name: string;
  description: string;
  everyHours: number;
  owner: string;
  connectShare: number;
  /** The newest job is still START_IN_PROGRESS. */
  live?: boolean;
  /** Pins one DELETE_IN_PROGRESS job and one job whose `configuration` is a member the SDK does not know. */
  pinned?: boolean;
}

export const KNOWLEDGE_BASES: ImportProfile[] = [
  { name: 'Support quick responses', description: 'Canned answers for the support contact center', everyHours: 60, owner: 'support-ops', connectShare: 0.6, live: true },
  { name: 'Billing and refunds macros', description: 'Quick responses maintained by the billing team', everyHours: 140, owner: 'billing-team', connectShare: 0.3, pinned: true },
];

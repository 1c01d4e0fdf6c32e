/**
 * One way to ask each service's job connection through GraphQL, so a contract suite can run the
 * same checks on Kendra, Q Business and Q Connect.
 */
import type { Service } from '../../src/model/services';
import type { Harness } from './harness';
import { KB, KENDRA_DS, KENDRA_INDEX, QB_APP, QB_DS, QB_INDEX } from './fixtures';

export interface Page {
  ids: string[];
  cursors: string[];
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
}

const SELECTION = `edges { cursor node { jobId state startedAt } }
  pageInfo { hasNextPage hasPreviousPage startCursor endCursor }`;

const ARGS = 'first: $first, after: $after, last: $last, before: $before, filter: $filter';
const VARS = '$first: Int, $after: String, $last: Int, $before: String';

export const CONNECTION_QUERIES: Record<
  Service,
  { query: string; path: string[]; variables: Record<string, string> }
> = {
  KENDRA: {
    query: `query($idx: ID!, $ds: ID!, ${VARS}, $filter: SyncJobFilter) {
      kendraIndex(id: $idx) { dataSource(id: $ds) { syncJobs(${ARGS}) { ${SELECTION} } } } }`,
    path: ['kendraIndex', 'dataSource', 'syncJobs'],
    variables: { idx: KENDRA_INDEX, ds: KENDRA_DS },
  },
  QBUSINESS: {
    query: `query($app: ID!, $idx: ID!, $ds: ID!, ${VARS}, $filter: SyncJobFilter) {
      qbusinessApplication(id: $app) { index(id: $idx) { dataSource(id: $ds) { syncJobs(${ARGS}) { ${SELECTION} } } } } }`,
    path: ['qbusinessApplication', 'index', 'dataSource', 'syncJobs'],
    variables: { app: QB_APP, idx: QB_INDEX, ds: QB_DS },
  },
  QCONNECT: {
    query: `query($kb: ID!, ${VARS}, $filter: ImportJobFilter) {
      qconnectKnowledgeBase(id: $kb) { importJobs(${ARGS}) { ${SELECTION} } } }`,
    path: ['qconnectKnowledgeBase', 'importJobs'],
    variables: { kb: KB },
  },
};

export interface PageArgs {
  first?: number;
  after?: string | null;
  last?: number;
  before?: string | null;
  filter?: Record<string, unknown>;
}

/** Asks one page; throws with the errors when the response has any. */
export async function fetchPage(harness: Harness, service: Service, args: PageArgs): Promise<Page> {
  const response = await askPage(harness, service, args);
  if (response.errors) throw new Error(JSON.stringify(response.errors));
  let node: any = response.data;
  for (const key of CONNECTION_QUERIES[service].path) node = node[key];
  return {
    ids: node.edges.map((e: any) => e.node.jobId),
    cursors: node.edges.map((e: any) => e.cursor),
    pageInfo: node.pageInfo,
  };
}

export function askPage(harness: Harness, service: Service, args: PageArgs) {
  const spec = CONNECTION_QUERIES[service];
  return harness.gql(spec.query, { ...spec.variables, ...args });
}

/**
 * The most upstream calls a document can make, estimated before anything runs, so a document
 * that would flood AWS is refused while it costs nothing. Every field occurrence counts (aliases
 * and fragments as many times as they are spread); a connection costs the pages its size needs
 * at the service's largest page, times every source it fans out to; lists multiply their
 * children. Danger: the estimate is only as good as the source counts it is given; the runtime
 * cap in `RequestCost` holds the request to the same limit whatever the estimate said.
 */
import {
  getArgumentValues,
  getNamedType,
  getVariableValues,
  isObjectType,
  isAbstractType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { SERVICES, type Service } from '../model/services';
import { KENDRA_SYNC_JOBS_MAX_PAGE } from '../services/kendra/listSyncJobsPage';
import { QBUSINESS_SYNC_JOBS_MAX_PAGE } from '../services/qbusiness/listSyncJobsPage';
import { QCONNECT_MAX_PAGE } from '../services/qconnect/listImportJobsPage';

export interface CostHints {
  /** Sources served per service, as last listed (or assumed before the first listing). */
  sources: Record<Service, number>;
  /** Calls a listing of the served sources would make now (0 while the listing is fresh). */
  discoveryCalls: number;
  /** The clock, for `jobSummary` windows without an end. */
  now: number;
}

const MAX_PAGE: Record<Service, number> = {
  KENDRA: KENDRA_SYNC_JOBS_MAX_PAGE,
  QBUSINESS: QBUSINESS_SYNC_JOBS_MAX_PAGE,
  QCONNECT: QCONNECT_MAX_PAGE,
};
const DEFAULT_PAGE = 20;
const DAY_MS = 86_400_000;
/** A summary is estimated at one full page per source and day of its window (plus one). */
const SUMMARY_PAGES_PER_DAY = 1;
/** Parent listings (`dataSources`) page at 10 on Q Business, 100 on Kendra: take the smaller. */
const PARENT_LIST_PAGE = 10;

/** Calls to read `size` items (plus the one that proves a next page) at `maxPage` per call. */
function pagesFor(size: number, maxPage: number): number {
  return Math.max(1, Math.ceil((size + 1) / maxPage));
}

// Argument values as graphql-js coerced them; their shape depends on the field being estimated.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Args = Record<string, any>;

function sizeOf(args: Args): number {
  return args.first ?? args.last ?? DEFAULT_PAGE;
}

/** Which services a feed or summary reads, and how many sources of each. */
function fanOut(args: Args, hints: CostHints): { service: Service; count: number }[] {
  const filter = args.filter ?? {};
  const services: readonly Service[] = filter.services ?? SERVICES;
  const total = services.reduce((sum, s) => sum + hints.sources[s], 0);
  if (filter.sources) {
    // Named sources: at most that many, each at the largest per-call cost of its services.
    const worst = services.reduce(
      (best, s) => (MAX_PAGE[s] < MAX_PAGE[best] ? s : best),
      services[0],
    );
    return worst
      ? [{ service: worst, count: Math.min(filter.sources.length, total || filter.sources.length) }]
      : [];
  }
  return services.map((service) => ({ service, count: hints.sources[service] }));
}

function sumSources(args: Args, hints: CostHints): number {
  return fanOut(args, hints).reduce((sum, f) => sum + f.count, 0);
}

/** The calls of one field, without its children, and how many times its children run. */
function fieldCost(
  typeName: string,
  field: string,
  args: Args,
  hints: CostHints,
  fanned: { discovery: boolean },
): { calls: number; multiplier: number } {
  const discovery = () => {
    if (fanned.discovery) return 0;
    fanned.discovery = true;
    return hints.discoveryCalls;
  };
  const coordinate = `${typeName}.${field}`;
  switch (coordinate) {
    case 'Query.jobs': {
      const size = sizeOf(args);
      const reads = fanOut(args, hints).reduce(
        (sum, f) => sum + f.count * pagesFor(size, MAX_PAGE[f.service]),
        0,
      );
      return { calls: discovery() + reads, multiplier: size };
    }
    case 'Query.sources': {
      const listed = sumSources(args, hints);
      // A search reads the names of sources discovery did not describe.
      const search = args.filter?.search ? listed : 0;
      return { calls: discovery() + search, multiplier: Math.min(sizeOf(args), listed) };
    }
    case 'Query.jobSummary': {
      const after = args.filter?.startedAfter
        ? new Date(args.filter.startedAfter).getTime()
        : hints.now;
      const before = args.filter?.startedBefore
        ? new Date(args.filter.startedBefore).getTime()
        : hints.now;
      const days = Math.max(0, Math.ceil((before - after) / DAY_MS));
      const pages = days * SUMMARY_PAGES_PER_DAY + 1;
      return { calls: discovery() + sumSources(args, hints) * pages, multiplier: 1 };
    }
    case 'Query.node':
      // A describe, or a page of a history at the job's start time.
      return { calls: discovery() + 1, multiplier: 1 };
    case 'Query.nodes':
      return {
        calls: discovery() + (Array.isArray(args.ids) ? args.ids.length : 1),
        multiplier: 1,
      };
    case 'Query.kendraIndex':
    case 'Query.qbusinessApplication':
    case 'Query.qconnectKnowledgeBase':
    case 'KendraIndex.dataSource':
    case 'QBusinessApplication.index':
    case 'QBusinessIndex.dataSource':
      return { calls: discovery() + 1, multiplier: 1 };
    case 'KendraIndex.dataSources':
    case 'QBusinessIndex.dataSources':
      return { calls: pagesFor(sizeOf(args), PARENT_LIST_PAGE), multiplier: sizeOf(args) };
    case 'Mutation.startSync':
    case 'Mutation.stopSync':
      // The catalog check, the start or stop, and the head of the history to return the job.
      return { calls: discovery() + 2, multiplier: 1 };
  }
  if (field === 'jobs' || field === 'syncJobs' || field === 'importJobs') {
    const maxPage =
      field === 'importJobs' || typeName === 'QConnectKnowledgeBase'
        ? QCONNECT_MAX_PAGE
        : KENDRA_SYNC_JOBS_MAX_PAGE;
    const pages =
      typeName === 'JobSource'
        ? pagesFor(sizeOf(args), KENDRA_SYNC_JOBS_MAX_PAGE)
        : pagesFor(sizeOf(args), maxPage);
    return { calls: pages, multiplier: sizeOf(args) };
  }
  return { calls: 0, multiplier: 1 };
}

/** Fields whose objects are described on demand: one call per distinct parent, at most. */
const DESCRIBED = new Set(['source', 'dataSource', 'knowledgeBase', 'index', 'application']);

/** The estimated upstream calls of `operation`; variables are coerced as execution would. */
export function estimateCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  rawVariables: Record<string, unknown> | undefined,
  hints: CostHints,
): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions)
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const coerced = getVariableValues(
    schema,
    operation.variableDefinitions ?? [],
    rawVariables ?? {},
  );
  const variables = coerced.coerced ?? {};
  const totalSources = SERVICES.reduce((sum, s) => sum + hints.sources[s], 0);
  const fanned = { discovery: false };

  const argsOf = (type: GraphQLNamedType, node: FieldNode): Args => {
    if (!isObjectType(type) && !isAbstractType(type)) return {};
    const definition = 'getFields' in type ? type.getFields()[node.name.value] : undefined;
    if (!definition) return {};
    try {
      return getArgumentValues(definition, node, variables);
    } catch {
      return {};
    }
  };

  const walk = (
    set: SelectionSetNode,
    type: GraphQLNamedType,
    times: number,
    seen: ReadonlySet<string>,
  ): number => {
    let sum = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const inner = selection.typeCondition
          ? (schema.getType(selection.typeCondition.name.value) ?? type)
          : type;
        sum += walk(selection.selectionSet, inner, times, seen);
        continue;
      }
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        if (!fragment || seen.has(fragment.name.value)) continue;
        const inner = schema.getType(fragment.typeCondition.name.value) ?? type;
        sum += walk(fragment.selectionSet, inner, times, new Set([...seen, fragment.name.value]));
        continue;
      }
      if (!('getFields' in type)) continue;
      const definition = type.getFields()[selection.name.value];
      if (!definition) continue;
      const cost = fieldCost(
        type.name,
        selection.name.value,
        argsOf(type, selection),
        hints,
        fanned,
      );
      let calls = cost.calls * times;
      if (DESCRIBED.has(selection.name.value) && selection.selectionSet) {
        // Deduplicated per request: never more describes than there are sources.
        calls += Math.min(times, totalSources || times);
      }
      sum += calls;
      if (selection.selectionSet) {
        sum += walk(
          selection.selectionSet,
          getNamedType(definition.type),
          times * cost.multiplier,
          seen,
        );
      }
    }
    return sum;
  };
  const root =
    operation.operation === 'mutation' ? schema.getMutationType() : schema.getQueryType();
  return root ? walk(operation.selectionSet, root, 1, new Set()) : 0;
}

/**
 * What the property tests share: random histories and sources, and a driver that plays a list of
 * random requests (cursors taken from earlier pages) against a connection and checks every page
 * against the spec oracle over the list as it was when the request's walk began.
 */
import fc from 'fast-check';
import type { ConnectionArgs } from '../../src/relay/connectionArgs';
import type { Connection } from '../../src/model/connections';
import { type MemoryJob, MemorySource, type TokenMode, compareJobs } from './memorySource';
import { specPage } from './specOracle';

/** The clock when a test starts; history times are below it, except a few "future" ones. */
export const NOW = 50_000;
export const SERVICES = ['KENDRA', 'QBUSINESS', 'QCONNECT'] as const;

export interface SourceSpec {
  jobs: { time: number; tag: number }[];
  maxPageSize: number;
  mode: TokenMode;
  lazyEnd: boolean;
  rejectTag: number | null;
  tokenPadding: number;
  service: (typeof SERVICES)[number];
}

const timeArb = fc.oneof(
  { weight: 20, arbitrary: fc.integer({ min: 0, max: 25 }).map((t) => t * 1000) },
  { weight: 1, arbitrary: fc.constant(-Infinity) },
  { weight: 1, arbitrary: fc.constant(NOW + 5000) },
);

export function sourceSpecArb(
  options: { maxJobs?: number; filter?: boolean; mode?: TokenMode; future?: boolean } = {},
) {
  return fc.record({
    jobs: fc.array(
      fc.record({
        time: options.future === false ? timeArb.filter((t) => t <= NOW) : timeArb,
        tag: fc.integer({ min: 0, max: 3 }),
      }),
      { maxLength: options.maxJobs ?? 30 },
    ),
    maxPageSize: fc.integer({ min: 1, max: 10 }),
    mode:
      options.mode !== undefined
        ? fc.constant(options.mode)
        : fc.constantFrom<TokenMode>('keyset', 'offset'),
    lazyEnd: fc.boolean(),
    rejectTag:
      options.filter === false
        ? fc.constant(null)
        : fc.option(fc.integer({ min: 0, max: 3 }), { nil: null }),
    tokenPadding: fc.constantFrom(0, 0, 120, 400),
    service: fc.constantFrom(...SERVICES),
  });
}

export function makeSource(
  spec: SourceSpec,
  sourceId = 'ds-1',
  failOn?: (call: number) => unknown,
): MemorySource {
  const jobs: MemoryJob[] = spec.jobs.map((job, i) => ({
    ...job,
    service: spec.service,
    sourceId,
    jobId: `j${String(i).padStart(3, '0')}`,
  }));
  const rejectTag = spec.rejectTag;
  return new MemorySource({
    key: `${spec.service}/${sourceId}${rejectTag === null ? '' : `?tag!=${rejectTag}`}`,
    jobs,
    maxPageSize: spec.maxPageSize,
    mode: spec.mode,
    lazyEnd: spec.lazyEnd,
    tokenPadding: spec.tokenPadding,
    ...(rejectTag === null ? {} : { accept: (job: MemoryJob) => job.tag !== rejectTag }),
    ...(failOn === undefined ? {} : { failOn }),
  });
}

/** The full list a walk with bound `b` pages over, in connection order. */
export function listAt(sources: MemorySource[], b: number): MemoryJob[] {
  return sources
    .flatMap((source) =>
      source.all().filter((job) => job.time <= b && (source.accept?.(job) ?? true)),
    )
    .sort(compareJobs);
}

export const idOf = (job: MemoryJob) => `${job.sourceId}/${job.jobId}`;
export const sameJob = (a: MemoryJob, b: MemoryJob) => idOf(a) === idOf(b);

export interface RequestSpec {
  kind: 'first' | 'last' | 'default';
  n: number;
  /** Which earlier walk to continue (null = start a new one). */
  walk: number | null;
  after: number | null;
  before: number | null;
  /** Newer jobs inserted before this request: time step and target source. */
  inserts: { step: number; source: number }[];
}

export function requestsArb(options: { inserts: boolean; maxLength?: number }) {
  return fc.array(
    fc.record({
      kind: fc.constantFrom<RequestSpec['kind']>('first', 'first', 'last', 'last', 'default'),
      n: fc.oneof(
        { weight: 1, arbitrary: fc.constant(0) },
        { weight: 6, arbitrary: fc.integer({ min: 1, max: 8 }) },
      ),
      walk: fc.option(fc.nat(), { nil: null, freq: 5 }),
      after: fc.option(fc.nat(), { nil: null }),
      before: fc.option(fc.nat(), { nil: null, freq: 2 }),
      inserts: options.inserts
        ? fc.array(fc.record({ step: fc.integer({ min: 1, max: 1500 }), source: fc.nat() }), {
            maxLength: 3,
          })
        : fc.constant([]),
    }),
    { minLength: 1, maxLength: options.maxLength ?? 8 },
  );
}

export type Pager = (
  args: ConnectionArgs,
  now: number,
) => Promise<Connection<MemoryJob> & { failures?: { sourceKey: string; error: unknown }[] }>;

interface Walk {
  b: number;
  entries: { cursor: string; node: MemoryJob }[];
}

/** Clock and job-id counter for inserting newer jobs. */
export class Inserter {
  clock = NOW;
  private count = 0;
  constructor(private readonly sources: MemorySource[]) {}

  insert(step: number, sourceIndex: number): void {
    this.clock += step;
    const source = this.sources[sourceIndex % this.sources.length];
    const [first] = source.all();
    const template = first ?? { service: 'KENDRA', sourceId: source.key };
    source.insert({
      time: this.clock,
      service: template.service,
      sourceId: template.sourceId,
      jobId: `new${String(this.count++).padStart(4, '0')}`,
      tag: this.count % 4,
    });
  }
}

/**
 * Plays `requests` against `page`; each page must equal the oracle over the list at its walk's
 * bound. Requests that continue a walk take their cursors from that walk's earlier edges.
 */
export async function checkRequestsAgainstOracle(
  sources: MemorySource[],
  page: Pager,
  requests: RequestSpec[],
): Promise<void> {
  const walks: Walk[] = [];
  const inserter = new Inserter(sources);
  for (const request of requests) {
    for (const { step, source } of request.inserts) inserter.insert(step, source);
    let walk =
      request.walk === null || walks.length === 0 ? undefined : walks[request.walk % walks.length];
    const pick = (index: number | null) =>
      walk === undefined || index === null || walk.entries.length === 0
        ? undefined
        : walk.entries[index % walk.entries.length];
    const after = pick(request.after);
    const before = pick(request.before);
    if (after === undefined && before === undefined) walk = undefined;
    const b = walk?.b ?? inserter.clock;
    const args: ConnectionArgs = { after: after?.cursor, before: before?.cursor };
    if (request.kind === 'first') args.first = request.n;
    if (request.kind === 'last') args.last = request.n;
    const result = await page(args, inserter.clock);
    const expected = specPage(
      listAt(sources, b),
      {
        first: request.kind === 'last' ? undefined : request.kind === 'first' ? request.n : 20,
        last: request.kind === 'last' ? request.n : undefined,
        after: after?.node,
        before: before?.node,
      },
      sameJob,
    );
    const context = { request, b };
    expect({ ...context, nodes: result.edges.map((edge) => idOf(edge.node)) }).toEqual({
      ...context,
      nodes: expected.nodes.map(idOf),
    });
    expect({
      ...context,
      hasNextPage: result.pageInfo.hasNextPage,
      hasPreviousPage: result.pageInfo.hasPreviousPage,
    }).toEqual({
      ...context,
      hasNextPage: expected.hasNextPage,
      hasPreviousPage: expected.hasPreviousPage,
    });
    expect(result.pageInfo.startCursor).toBe(result.edges[0]?.cursor ?? null);
    expect(result.pageInfo.endCursor).toBe(result.edges[result.edges.length - 1]?.cursor ?? null);
    if (walk === undefined) {
      walk = { b, entries: [] };
      walks.push(walk);
    }
    walk.entries.push(...result.edges.map((edge) => ({ cursor: edge.cursor, node: edge.node })));
  }
}

/** Sizes of the pages of a sweep, and where to insert newer jobs between them. */
export function sweepArb() {
  return fc.array(
    fc.record({
      n: fc.integer({ min: 1, max: 7 }),
      inserts: fc.array(fc.record({ step: fc.integer({ min: 1, max: 1500 }), source: fc.nat() }), {
        maxLength: 3,
      }),
    }),
    { minLength: 1, maxLength: 12 },
  );
}

/**
 * Pages through the whole list, forward (`first`/`after`) or backward (`last`/`before`), inserting
 * newer jobs between pages; returns the jobs seen in connection order and the walk's start (the
 * clock of its first request with edges). A page without edges whose flag still says "more"
 * (every source failed) is asked again.
 */
export async function sweep(
  sources: MemorySource[],
  page: Pager,
  direction: 'forward' | 'backward',
  steps: { n: number; inserts: { step: number; source: number }[] }[],
  onPage: (result: Awaited<ReturnType<Pager>>) => void = () => {},
): Promise<{ seen: MemoryJob[]; walkStart: number }> {
  const inserter = new Inserter(sources);
  const pages: MemoryJob[][] = [];
  let cursor: string | undefined;
  let walkStart = inserter.clock;
  for (let i = 0; i < 500; i++) {
    const step = steps[i % steps.length];
    // Until a page has edges there is no cursor: asking again starts a new walk.
    if (cursor === undefined) walkStart = inserter.clock;
    const args: ConnectionArgs =
      direction === 'forward' ? { first: step.n, after: cursor } : { last: step.n, before: cursor };
    const result = await page(args, inserter.clock);
    onPage(result);
    pages.push(result.edges.map((edge) => edge.node));
    const more =
      direction === 'forward' ? result.pageInfo.hasNextPage : result.pageInfo.hasPreviousPage;
    if (!more)
      return { seen: direction === 'forward' ? pages.flat() : pages.reverse().flat(), walkStart };
    cursor =
      (direction === 'forward' ? result.pageInfo.endCursor : result.pageInfo.startCursor) ?? cursor;
    for (const { step: dt, source } of step.inserts) inserter.insert(dt, source);
  }
  throw new Error('sweep did not end after 500 pages');
}

import fc from 'fast-check';
import { ErrorCode, gatewayError } from '../../src/errors/ErrorCode';
import type { PositionStore } from '../../src/relay/pagePositions';
import { createMemoryStore } from '../../src/store/memoryStore';
import { createPositionStores } from '../../src/store/positionStore';
import { connectionFromMergedSources, mergedFeedKeyHash } from '../../src/relay/mergedConnection';
import { processCursorSigner } from '../../src/relay/cursorSignature';
import { decodeMergedCursor } from '../../src/relay/mergedCursor';
import type { TokenChain } from '../../src/relay/tokenChain';
import { createTokenChain } from '../../src/store/tokenChainStore';
import { type MemoryJob, type MemorySource, compareJobs } from './memorySource';
import {
  NOW,
  type Pager,
  type SourceSpec,
  checkRequestsAgainstOracle,
  idOf,
  listAt,
  makeSource,
  requestsArb,
  sourceSpecArb,
  sweep,
  sweepArb,
} from './pagingHarness';
import { specPage } from './specOracle';

const RUNS = { numRuns: Number(process.env.RELAY_PROPERTY_RUNS ?? 200) };

function feedArb(options: Parameters<typeof sourceSpecArb>[0] = {}) {
  return fc.array(sourceSpecArb({ maxJobs: 14, ...options }), { minLength: 1, maxLength: 6 });
}

function makeFeed(
  specs: SourceSpec[],
  failOn?: (source: number, call: number) => unknown,
): MemorySource[] {
  return specs.map((spec, i) =>
    makeSource(spec, `ds-${i}`, failOn === undefined ? undefined : (call) => failOn(i, call)),
  );
}

const newPositions = (): PositionStore =>
  createPositionStores(createMemoryStore()).forClient('test');

function pager(
  sources: MemorySource[],
  positions = newPositions(),
  tokenChain?: TokenChain,
): Pager {
  return (args, now) =>
    connectionFromMergedSources(sources, args, { now: () => now, positions, tokenChain });
}

/** A pager with or without a token chain (backward pages then step back from their cursor). */
function chainPager(sources: MemorySource[], chain: boolean): Pager {
  return pager(sources, newPositions(), chain ? createTokenChain(createMemoryStore()) : undefined);
}

describe('connectionFromMergedSources against the spec oracle', () => {
  it('(d) answers random first/after/last/before requests as the spec does over the merged list', async () => {
    await fc.assert(
      fc.asyncProperty(
        feedArb(),
        requestsArb({ inserts: false }),
        fc.boolean(),
        async (specs, requests, chain) => {
          const sources = makeFeed(specs);
          await checkRequestsAgainstOracle(sources, chainPager(sources, chain), requests);
        },
      ),
      RUNS,
    );
  });

  it('(d) keeps answering as the spec does over the list at walk start while newer jobs arrive', async () => {
    await fc.assert(
      fc.asyncProperty(
        feedArb(),
        requestsArb({ inserts: true }),
        fc.boolean(),
        async (specs, requests, chain) => {
          const sources = makeFeed(specs);
          await checkRequestsAgainstOracle(sources, chainPager(sources, chain), requests);
        },
      ),
      RUNS,
    );
  });

  it.each(['forward', 'backward'] as const)(
    '(d) a %s walk sees every job that existed at its start exactly once, in order, while newer jobs arrive',
    async (direction) => {
      await fc.assert(
        fc.asyncProperty(feedArb(), sweepArb(), fc.boolean(), async (specs, steps, chain) => {
          const sources = makeFeed(specs);
          const { seen, walkStart } = await sweep(
            sources,
            chainPager(sources, chain),
            direction,
            steps,
          );
          expect(walkStart).toBe(NOW);
          expect(seen.map(idOf)).toEqual(listAt(sources, NOW).map(idOf));
        }),
        RUNS,
      );
    },
  );

  it('(d) with failing sources, a forward walk still sees every job exactly once, each source in order', async () => {
    const scheduleArb = fc.array(fc.array(fc.constantFrom(false, false, true), { maxLength: 8 }), {
      minLength: 6,
      maxLength: 6,
    });
    await fc.assert(
      fc.asyncProperty(feedArb(), sweepArb(), scheduleArb, async (specs, steps, schedules) => {
        let failedCalls = 0;
        const sources = makeFeed(specs, (source, call) => {
          if (!schedules[source][call]) return undefined;
          failedCalls++;
          return source % 2 === 0
            ? gatewayError(ErrorCode.UPSTREAM_UNAVAILABLE, `ds-${source} is down`)
            : new Error(`ds-${source}: socket hang up`);
        });
        let reported = 0;
        const { seen, walkStart } = await sweep(
          sources,
          pager(sources),
          'forward',
          steps,
          (page) => {
            const failures = page.failures ?? [];
            reported += failures.length;
            if (failures.length > 0) expect(page.pageInfo.hasNextPage).toBe(true);
            const keys = page.edges.map((edge) => edge.node);
            for (let i = 1; i < keys.length; i++)
              expect(compareJobs(keys[i - 1], keys[i])).toBeLessThan(0);
          },
        );
        const expected = listAt(sources, walkStart);
        expect(reported).toBe(failedCalls);
        expect(new Set(seen.map(idOf)).size).toBe(seen.length);
        expect([...seen].sort(compareJobs).map(idOf)).toEqual(expected.map(idOf));
        const bySource = (jobs: MemoryJob[], id: string) =>
          jobs.filter((job) => job.sourceId === id).map(idOf);
        for (const source of sources) {
          const id = source.all()[0]?.sourceId;
          if (id !== undefined) expect(bySource(seen, id)).toEqual(bySource(expected, id));
        }
        if (failedCalls === 0) expect(seen.map(idOf)).toEqual(expected.map(idOf));
      }),
      RUNS,
    );
  });

  it('(d) asks each source for no more than its share of the page needs: ceil((skip + used + 1) / maxPageSize) + 1 calls', async () => {
    await fc.assert(
      fc.asyncProperty(
        feedArb({ mode: 'keyset', filter: false, future: false }),
        requestsArb({ inserts: false, maxLength: 3 }),
        fc.nat(),
        fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 12 })),
        async (specs, warmUp, pick, n) => {
          const sources = makeFeed(specs);
          const store = newPositions();
          const page = pager(sources, store);
          const used = (edges: { node: MemoryJob }[], source: MemorySource) =>
            edges.filter((edge) => edge.node.sourceId === source.key.split('/')[1]).length;

          for (const source of sources) source.calls = 0;
          const first = await page({ first: n }, NOW);
          sources.forEach((source, i) => {
            expect({ i, calls: source.calls }).toEqual({
              i,
              calls: Math.min(
                source.calls,
                Math.ceil((used(first.edges, source) + 1) / specs[i].maxPageSize) + 1,
              ),
            });
          });

          const cursors: string[] = [];
          for (const request of [{ kind: 'last', n: 100 }, ...warmUp]) {
            const args = request.kind === 'last' ? { last: request.n } : { first: request.n };
            cursors.push(...(await page(args, NOW)).edges.map((edge) => edge.cursor));
          }
          if (cursors.length === 0) return;
          const after = cursors[pick % cursors.length];
          const k = mergedFeedKeyHash(sources.map((source) => source.key));
          const ordered = [...sources].sort((a, b) => (a.key < b.key ? -1 : 1));
          const { positions, s } = await decodeMergedCursor(after, 'after', {
            k,
            sourceCount: sources.length,
            signer: processCursorSigner,
            positions: store,
          });
          for (const source of sources) source.calls = 0;
          const result = await page({ first: n, after }, NOW);
          const list = listAt(sources, NOW);
          const afterJob = list.find(
            (job) =>
              compareJobs(job, {
                ...job,
                time: s[0],
                service: s[1],
                sourceId: s[2],
                jobId: s[3],
              } as MemoryJob) === 0,
          );
          const expected = specPage(
            list,
            { first: n, after: afterJob },
            (a, b) => idOf(a) === idOf(b),
          );
          expect(result.edges.map((edge) => idOf(edge.node))).toEqual(expected.nodes.map(idOf));
          expect(result.pageInfo.hasNextPage).toBe(expected.hasNextPage);
          ordered.forEach((source, i) => {
            const position = positions[i];
            const max = source.maxPageSize;
            const limit =
              position.done === true
                ? 0
                : Math.ceil((position.offset + used(result.edges, source) + 1) / max) + 1;
            expect({ source: source.key, calls: source.calls }).toEqual({
              source: source.key,
              calls: Math.min(source.calls, limit),
            });
          });
        },
      ),
      RUNS,
    );
  });
});

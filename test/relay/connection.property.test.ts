import fc from 'fast-check';
import { connectionFromPageSource } from '../../src/relay/connection';
import { connectionKeyHash, decodeSourceCursor } from '../../src/relay/cursor';
import type { TokenChain } from '../../src/relay/tokenChain';
import { createMemoryStore } from '../../src/store/memoryStore';
import { createTokenChain } from '../../src/store/tokenChainStore';
import { compareJobs } from './memorySource';
import {
  NOW,
  checkRequestsAgainstOracle,
  idOf,
  listAt,
  makeSource,
  requestsArb,
  sourceSpecArb,
  sweep,
  sweepArb,
  type Pager,
} from './pagingHarness';
import { specPage } from './specOracle';

const newTokenChain = () => createTokenChain(createMemoryStore());

const RUNS = { numRuns: Number(process.env.RELAY_PROPERTY_RUNS ?? 300) };

describe('connectionFromPageSource against the spec oracle', () => {
  it('(a) answers random first/after/last/before requests as the spec does over the full list', async () => {
    await fc.assert(
      fc.asyncProperty(
        sourceSpecArb(),
        requestsArb({ inserts: false }),
        fc.boolean(),
        async (spec, requests, chain) => {
          const source = makeSource(spec);
          const tokenChain = chain ? newTokenChain() : undefined;
          const page: Pager = (args, now) =>
            connectionFromPageSource(source, args, { now: () => now, tokenChain });
          await checkRequestsAgainstOracle([source], page, requests);
        },
      ),
      RUNS,
    );
  });

  it('(b) keeps answering as the spec does over the list at walk start while newer jobs arrive', async () => {
    await fc.assert(
      fc.asyncProperty(
        sourceSpecArb(),
        requestsArb({ inserts: true }),
        fc.boolean(),
        async (spec, requests, chain) => {
          const source = makeSource(spec);
          const tokenChain = chain ? newTokenChain() : undefined;
          const page: Pager = (args, now) =>
            connectionFromPageSource(source, args, { now: () => now, tokenChain });
          await checkRequestsAgainstOracle([source], page, requests);
        },
      ),
      RUNS,
    );
  });

  it.each(['forward', 'backward'] as const)(
    '(b) a %s walk sees every job that existed at its start exactly once, in order, while newer jobs arrive',
    async (direction) => {
      await fc.assert(
        fc.asyncProperty(sourceSpecArb(), sweepArb(), fc.boolean(), async (spec, steps, chain) => {
          const source = makeSource(spec);
          const tokenChain = chain ? newTokenChain() : undefined;
          const page: Pager = (args, now) =>
            connectionFromPageSource(source, args, { now: () => now, tokenChain });
          const { seen, walkStart } = await sweep([source], page, direction, steps);
          expect(walkStart).toBe(NOW);
          expect(seen.map(idOf)).toEqual(listAt([source], NOW).map(idOf));
        }),
        RUNS,
      );
    },
  );

  it('(c) first: N, after: C costs at most ceil((skip + N + 1) / maxPageSize) + 1 calls in keyset mode', async () => {
    await fc.assert(
      fc.asyncProperty(
        sourceSpecArb({ mode: 'keyset', future: false }),
        requestsArb({ inserts: false, maxLength: 4 }),
        fc.nat(),
        fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 12 })),
        async (spec, warmUp, pick, n) => {
          const source = makeSource(spec);
          const entries: { cursor: string; index: number }[] = [];
          const raw = source.all();
          // `last: 100` reads at maxPageSize, so its cursors sit deep inside their pages.
          for (const request of [{ kind: 'last', n: 100 }, ...warmUp]) {
            const args = request.kind === 'last' ? { last: request.n } : { first: request.n };
            const result = await connectionFromPageSource(source, args, { now: () => NOW });
            for (const edge of result.edges)
              entries.push({
                cursor: edge.cursor,
                index: raw.findIndex((job) => idOf(job) === idOf(edge.node)),
              });
          }
          const accepted = (i: number) => raw[i].time <= NOW && (source.accept?.(raw[i]) ?? true);
          /** Raw items from `from` up to the (n+1)-th accepted one, or to the end. */
          const rawNeeded = (from: number) => {
            let found = 0;
            for (let i = from; i < raw.length; i++)
              if (accepted(i) && ++found === n + 1) return i - from + 1;
            return raw.length - from;
          };
          const bound = (skip: number, from: number) =>
            Math.ceil((skip + rawNeeded(from)) / spec.maxPageSize) + 1;

          source.calls = 0;
          const first = await connectionFromPageSource(source, { first: n }, { now: () => NOW });
          expect(source.calls).toBeLessThanOrEqual(bound(0, 0));
          expect(first.edges.map((edge) => idOf(edge.node))).toEqual(
            specPage(listAt([source], NOW), { first: n }).nodes.map(idOf),
          );

          if (entries.length === 0) return;
          const c = entries[pick % entries.length];
          const position = decodeSourceCursor(c.cursor, 'after', connectionKeyHash(source.key));
          source.calls = 0;
          const result = await connectionFromPageSource(source, { first: n, after: c.cursor });
          const expected = specPage(
            listAt([source], NOW),
            { first: n, after: raw[c.index] },
            (a, b) => compareJobs(a, b) === 0,
          );
          expect(result.edges.map((edge) => idOf(edge.node))).toEqual(expected.nodes.map(idOf));
          expect(result.pageInfo.hasNextPage).toBe(expected.hasNextPage);
          if (position.at === 'listEnd') expect(source.calls).toBe(0);
          else {
            const skip = position.at === 'page' ? position.offset + 1 : 0;
            expect(source.calls).toBeLessThanOrEqual(bound(skip, c.index + 1));
          }
        },
      ),
      RUNS,
    );
  });
});

describe('connectionFromPageSource', () => {
  it('passes an upstream rejection on unchanged', async () => {
    const failure = new Error('CURSOR_EXPIRED from the service layer');
    const source = makeSource(
      {
        jobs: [{ time: 1, tag: 0 }],
        maxPageSize: 5,
        mode: 'keyset',
        lazyEnd: false,
        rejectTag: null,
        tokenPadding: 0,
        service: 'KENDRA',
      },
      'ds-1',
      () => failure,
    );
    await expect(connectionFromPageSource(source, { first: 1 })).rejects.toBe(failure);
  });

  it('resumes inside a page with one call sized skip + N + 1', async () => {
    const source = makeSource({
      jobs: Array.from({ length: 25 }, (_, i) => ({ time: 30_000 - i * 1000, tag: 0 })),
      maxPageSize: 10,
      mode: 'keyset',
      lazyEnd: false,
      rejectTag: null,
      tokenPadding: 0,
      service: 'KENDRA',
    });
    const all = await connectionFromPageSource(source, { last: 100 }, { now: () => NOW });
    expect(source.sizes).toEqual([10, 10, 10]);
    source.sizes.length = 0;
    const result = await connectionFromPageSource(source, { first: 2, after: all.edges[6].cursor });
    expect(result.edges.map((edge) => edge.node.jobId)).toEqual(['j007', 'j008']);
    expect(result.pageInfo.hasNextPage).toBe(true);
    expect(source.sizes).toEqual([10]);
    source.sizes.length = 0;
    await connectionFromPageSource(source, { first: 2, after: all.edges[3].cursor });
    expect(source.sizes).toEqual([7]);
  });

  it('pages backward from a cursor through the pages it saw, not from the top, with a token chain', async () => {
    const spec = {
      jobs: Array.from({ length: 200 }, (_, i) => ({ time: 300_000 - i * 1000, tag: i % 4 })),
      maxPageSize: 10,
      mode: 'offset' as const,
      lazyEnd: false,
      rejectTag: 3,
      tokenPadding: 0,
      service: 'KENDRA' as const,
    };
    const walk = async (tokenChain?: TokenChain) => {
      const source = makeSource(spec);
      const now = () => 400_000;
      let page = await connectionFromPageSource(source, { last: 7 }, { now, tokenChain });
      const first = source.calls;
      const seen = page.edges.map((edge) => edge.node.jobId);
      while (page.pageInfo.hasPreviousPage) {
        page = await connectionFromPageSource(
          source,
          { last: 7, before: page.pageInfo.startCursor },
          { now, tokenChain },
        );
        seen.unshift(...page.edges.map((edge) => edge.node.jobId));
      }
      return { seen, first, rest: source.calls - first };
    };
    const plain = await walk();
    const chained = await walk(newTokenChain());
    expect(chained.seen).toEqual(plain.seen);
    expect(plain.seen).toHaveLength(150);
    expect(chained.first).toBe(20);
    expect(plain.rest).toBeGreaterThan(200);
    // 20 pages back: C's page, the page before, and one call to see that the two join
    // (an offset-mode page may have shifted), sometimes one step more.
    expect(chained.rest).toBeLessThanOrEqual(5 * 20);
    expect(chained.rest).toBeLessThan(plain.rest / 2);
  });

  it('steps back through the chain when the before edge opens its page (pages aligned with the service pages)', async () => {
    // 200 jobs, 10 a page, 20 a request: every `before` cursor is the first item of its page.
    const spec = {
      jobs: Array.from({ length: 200 }, (_, i) => ({ time: 300_000 - i * 1000, tag: 0 })),
      maxPageSize: 10,
      mode: 'keyset' as const,
      lazyEnd: false,
      rejectTag: null,
      tokenPadding: 0,
      service: 'KENDRA' as const,
    };
    const source = makeSource(spec);
    const now = () => 400_000;
    const tokenChain = newTokenChain();
    let page = await connectionFromPageSource(source, { last: 20 }, { now, tokenChain });
    const seen = page.edges.map((edge) => edge.node.jobId);
    const callsPerPage: number[] = [];
    while (page.pageInfo.hasPreviousPage) {
      const before = source.calls;
      page = await connectionFromPageSource(
        source,
        { last: 20, before: page.pageInfo.startCursor },
        { now, tokenChain },
      );
      callsPerPage.push(source.calls - before);
      seen.unshift(...page.edges.map((edge) => edge.node.jobId));
    }
    expect(seen).toEqual(spec.jobs.map((_, i) => `j${String(i).padStart(3, '0')}`));
    // Two pages of the window, one step beyond for hasPreviousPage, and the joining checks;
    // reading from the top instead would cost up to 18 calls.
    expect(Math.max(...callsPerPage)).toBeLessThanOrEqual(8);
  });

  it('returns exact flags for first: 0 and last: 0', async () => {
    const source = makeSource({
      jobs: [
        { time: 3000, tag: 0 },
        { time: 2000, tag: 0 },
        { time: 1000, tag: 0 },
      ],
      maxPageSize: 2,
      mode: 'offset',
      lazyEnd: false,
      rejectTag: null,
      tokenPadding: 0,
      service: 'KENDRA',
    });
    const now = () => NOW;
    const all = await connectionFromPageSource(source, { first: 3 }, { now });
    const [a, b, c] = all.edges.map((edge) => edge.cursor);
    const flags = async (args: Parameters<typeof connectionFromPageSource>[1]) => {
      const result = await connectionFromPageSource(source, args, { now });
      expect(result.edges).toEqual([]);
      return [result.pageInfo.hasPreviousPage, result.pageInfo.hasNextPage];
    };
    expect(await flags({ first: 0 })).toEqual([false, true]);
    expect(await flags({ first: 0, after: b })).toEqual([true, true]);
    expect(await flags({ first: 0, after: c })).toEqual([true, false]);
    expect(await flags({ first: 0, after: a, before: b })).toEqual([true, false]);
    expect(await flags({ last: 0 })).toEqual([true, false]);
    expect(await flags({ last: 0, before: b })).toEqual([true, true]);
    expect(await flags({ last: 0, before: a })).toEqual([false, true]);
  });
});

import { GraphQLError } from 'graphql';
import { ErrorCode, badUserInput, gatewayError } from '../../src/errors/ErrorCode';
import { connectionFromPageSource } from '../../src/relay/connection';
import type { GatewayStore } from '../../src/store/GatewayStore';
import { createMemoryStore } from '../../src/store/memoryStore';
import { createPositionStores } from '../../src/store/positionStore';
import { connectionFromMergedSources } from '../../src/relay/mergedConnection';
import { MAX_INLINE_CURSOR_LENGTH } from '../../src/relay/mergedCursor';
import type { PageSource, ServicePage } from '../../src/relay/pageSource';
import { type MemoryJob, MemorySource } from './memorySource';

const NOW = 1_000_000;
const now = () => NOW;

/** `count` jobs of one source, `step` ms apart, the newest at `newest`. */
function jobs(sourceId: string, count: number, newest: number, step: number): MemoryJob[] {
  return Array.from({ length: count }, (_, i) => ({
    time: newest - i * step,
    service: 'QBUSINESS',
    sourceId,
    jobId: `${sourceId}-${String(i).padStart(2, '0')}`,
    tag: 0,
  }));
}

function source(
  sourceId: string,
  history: MemoryJob[],
  options: Partial<ConstructorParameters<typeof MemorySource>[0]> = {},
) {
  return new MemorySource({
    key: `QBUSINESS/app/${sourceId}`,
    jobs: history,
    maxPageSize: 10,
    mode: 'keyset',
    ...options,
  });
}

const ids = (page: { edges: { node: MemoryJob }[] }) => page.edges.map((edge) => edge.node.jobId);

async function rejectionOf(promise: Promise<unknown>): Promise<GraphQLError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof GraphQLError) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}

/** Wraps a source so the test sees how many of its calls are in flight at once. */
class Gauge {
  inFlight = 0;
  maxInFlight = 0;
  wrap(inner: MemorySource): PageSource<MemoryJob> {
    return {
      key: inner.key,
      maxPageSize: inner.maxPageSize,
      sortKeyOf: (job) => inner.sortKeyOf(job),
      fetchPage: async (token, size): Promise<ServicePage<MemoryJob>> => {
        this.inFlight++;
        this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
        // one turn of the event loop, so that calls made at once are in flight together
        await new Promise((resolve) => setImmediate(resolve));
        try {
          return await inner.fetchPage(token, size);
        } finally {
          this.inFlight--;
        }
      },
    };
  }
}

describe('connectionFromMergedSources', () => {
  it('asks every source for its first page at once', async () => {
    const gauge = new Gauge();
    const inner = ['a', 'b', 'c', 'd'].map((id, i) => source(id, jobs(id, 5, 100_000 - i, 1000)));
    const page = await connectionFromMergedSources(
      inner.map((s) => gauge.wrap(s)),
      { first: 4 },
      { now },
    );
    expect(ids(page)).toEqual(['a-00', 'b-00', 'c-00', 'd-00']);
    expect(gauge.maxInFlight).toBe(4);
    expect(inner.map((s) => s.sizes)).toEqual([[5], [5], [5], [5]]);
  });

  it('leaves alone the sources the next page does not reach', async () => {
    const busy = source('a', jobs('a', 30, 900_000, 1000));
    const quiet = [
      source('b', jobs('b', 5, 100_000, 1000)),
      source('c', jobs('c', 5, 50_000, 1000)),
    ];
    const all = [busy, ...quiet];
    const first = await connectionFromMergedSources(all, { first: 5 }, { now });
    expect(ids(first)).toEqual(['a-00', 'a-01', 'a-02', 'a-03', 'a-04']);
    expect(all.map((s) => s.calls)).toEqual([1, 1, 1]);
    for (const s of all) s.calls = 0;
    const second = await connectionFromMergedSources(
      all,
      { first: 5, after: first.pageInfo.endCursor },
      { now },
    );
    expect(ids(second)).toEqual(['a-05', 'a-06', 'a-07', 'a-08', 'a-09']);
    expect(all.map((s) => s.calls)).toEqual([1, 0, 0]);
  });

  it('fetches the sources a page will reach together, in at most two round trips', async () => {
    const gauge = new Gauge();
    const inner = ['a', 'b', 'c', 'd', 'e'].map((id, i) =>
      source(id, jobs(id, 6, 100_000 - i, 1000)),
    );
    const wrapped = inner.map((s) => gauge.wrap(s));
    const first = await connectionFromMergedSources(wrapped, { first: 6 }, { now });
    expect(ids(first)).toEqual(['a-00', 'b-00', 'c-00', 'd-00', 'e-00', 'a-01']);
    gauge.maxInFlight = 0;
    for (const s of inner) s.calls = 0;
    const second = await connectionFromMergedSources(
      wrapped,
      { first: 4, after: first.pageInfo.endCursor },
      { now },
    );
    expect(ids(second)).toEqual(['b-01', 'c-01', 'd-01', 'e-01']);
    // The cursor knows every source's next key, so a's (the look-ahead) need not be fetched; b's
    // is fetched alone (its page might have filled this one), then c, d and e together.
    expect(inner.map((s) => s.calls)).toEqual([0, 1, 1, 1, 1]);
    expect(gauge.maxInFlight).toBe(3);
    gauge.maxInFlight = 0;
    for (const s of inner) s.calls = 0;
    const third = await connectionFromMergedSources(
      wrapped,
      { first: 5, after: second.pageInfo.endCursor },
      { now },
    );
    expect(ids(third)).toEqual(['a-02', 'b-02', 'c-02', 'd-02', 'e-02']);
    expect(inner.map((s) => s.calls)).toEqual([1, 1, 1, 1, 1]);
    expect(gauge.maxInFlight).toBe(4);
  });

  it('reads ahead, in the round trip one source needs, every source the page may drain', async () => {
    // Four sources interleaved job by job, two jobs a page: the page drains them in turn.
    const inner = ['a', 'b', 'c', 'd'].map((id, i) =>
      source(id, jobs(id, 4, 100_000 - i, 10), { maxPageSize: 2 }),
    );
    let settled = 0;
    const roundOfEachCall: number[] = [];
    const wrapped = inner.map((s): PageSource<MemoryJob> => ({
      key: s.key,
      maxPageSize: s.maxPageSize,
      sortKeyOf: (job) => s.sortKeyOf(job),
      fetchPage: async (token, size) => {
        roundOfEachCall.push(settled); // calls of one round all start before any of them settles
        try {
          return await s.fetchPage(token, size);
        } finally {
          settled++;
        }
      },
    }));
    const page = await connectionFromMergedSources(wrapped, { first: 10 }, { now });
    expect(ids(page)).toEqual([
      'a-00',
      'b-00',
      'c-00',
      'd-00',
      'a-01',
      'b-01',
      'c-01',
      'd-01',
      'a-02',
      'b-02',
    ]);
    expect(page.pageInfo.hasNextPage).toBe(true);
    expect(new Set(roundOfEachCall).size).toBe(2);
    expect(inner.map((s) => s.calls)).toEqual([2, 2, 2, 2]);
  });

  it('leaves a failing source out of the page, reports it, and asks it again on the next page', async () => {
    const down = gatewayError(ErrorCode.UPSTREAM_THROTTLED, 'Amazon Kendra is throttling');
    let failNext = true;
    const flaky = source('b', jobs('b', 3, 100_500, 1000), {
      failOn: () => {
        if (!failNext) return undefined;
        failNext = false;
        return down;
      },
    });
    const steady = source('a', jobs('a', 3, 100_000, 1000));
    const first = await connectionFromMergedSources([steady, flaky], { first: 2 }, { now });
    expect(ids(first)).toEqual(['a-00', 'a-01']);
    expect(first.failures).toEqual([{ sourceKey: flaky.key, error: down }]);
    expect(first.failures[0].error).toBe(down);
    expect(first.pageInfo.hasNextPage).toBe(true);

    const second = await connectionFromMergedSources(
      [steady, flaky],
      { first: 10, after: first.pageInfo.endCursor },
      { now },
    );
    expect(second.failures).toEqual([]);
    // b's jobs were newer than a-01: they come late, but they come, once.
    expect(ids(second)).toEqual(['b-00', 'b-01', 'b-02', 'a-02']);
    expect(second.pageInfo.hasNextPage).toBe(false);
  });

  it.each([
    ['BAD_USER_INPUT', badUserInput('the filter is not valid for this service')],
    [
      'CURSOR_EXPIRED',
      gatewayError(ErrorCode.CURSOR_EXPIRED, 'the page token has expired: start again'),
    ],
  ])(
    'fails the whole call, with the error unchanged, when a source rejects with %s',
    async (_code, error) => {
      const failing = source('b', jobs('b', 3, 100_500, 1000), { failOn: () => error });
      const steady = source('a', jobs('a', 3, 100_000, 1000));
      await expect(
        connectionFromMergedSources([steady, failing], { first: 2 }, { now }),
      ).rejects.toBe(error);
    },
  );

  it('binds cursors to the set of sources, whatever their order', async () => {
    const a = source('a', jobs('a', 4, 100_000, 1000));
    const b = source('b', jobs('b', 4, 100_500, 1000));
    const c = source('c', jobs('c', 4, 100_200, 1000));
    const first = await connectionFromMergedSources([a, b], { first: 3 }, { now });
    const reordered = await connectionFromMergedSources(
      [b, a],
      { first: 2, after: first.pageInfo.endCursor },
      { now },
    );
    expect(ids(reordered)).toEqual(['a-01', 'b-02']);
    for (const s of [a, b, c]) s.calls = 0;
    const error = await rejectionOf(
      connectionFromMergedSources([a, b, c], { first: 2, after: first.pageInfo.endCursor }),
    );
    expect(error.extensions.code).toBe('BAD_USER_INPUT');
    expect(error.message).toMatch(/belongs to another connection \(other data source or filter\)/);
    const single = await connectionFromPageSource(a, { first: 1 }, { now });
    a.calls = 0;
    const mixed = await rejectionOf(
      connectionFromMergedSources([a, b], { last: 1, before: single.pageInfo.endCursor }),
    );
    expect(mixed.extensions.code).toBe('BAD_USER_INPUT');
    const args = await rejectionOf(connectionFromMergedSources([a, b], { first: 3, last: 3 }));
    expect(args.extensions.code).toBe('BAD_USER_INPUT');
    expect([a, b, c].map((s) => s.calls)).toEqual([0, 0, 0]);
  });

  it('refuses two sources with the same key', async () => {
    const a = source('a', []);
    await expect(connectionFromMergedSources([a, a], {})).rejects.toThrow(
      /two sources have the key QBUSINESS\/app\/a/,
    );
  });

  it(`keeps positions longer than ${MAX_INLINE_CURSOR_LENGTH} characters server-side, once per page`, async () => {
    let time = 1_000_000;
    const store = countingStore(createMemoryStore({ now: () => time }));
    const positions = createPositionStores(store, {
      lifetimeMs: 60_000,
      now: () => time,
    }).forClient('c');
    const sources = ['a', 'b', 'c', 'd', 'e', 'f'].map((id, i) =>
      source(id, jobs(id, 4, 100_000 - i, 1000), { tokenPadding: 600, maxPageSize: 2 }),
    );
    const first = await connectionFromMergedSources(sources, { first: 7 }, { now, positions });
    const endCursor = first.pageInfo.endCursor as string;
    expect(endCursor.length).toBeLessThan(150);
    expect(first.edges.every((edge) => edge.cursor.length < 150)).toBe(true);
    expect(store.writes).toBe(1);
    const second = await connectionFromMergedSources(
      sources,
      { first: 3, after: endCursor },
      { now, positions },
    );
    expect(ids(second)).toEqual(['b-01', 'c-01', 'd-01']);
    expect(store.writes).toBe(2);

    time += 60_001;
    for (const s of sources) s.calls = 0;
    const error = await rejectionOf(
      connectionFromMergedSources(sources, { first: 3, after: endCursor }, { now, positions }),
    );
    expect(error.extensions.code).toBe('CURSOR_EXPIRED');
    expect(error.message).toBe(
      '`after`: the page this cursor points into is no longer kept by the gateway ' +
        '(cursors live at least 30 minutes): start again without after/before',
    );
    expect(sources.map((s) => s.calls)).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('resumes from every edge of a stored page, not only its last', async () => {
    const positions = createPositionStores(createMemoryStore()).forClient('c');
    const sources = ['a', 'b', 'c', 'd', 'e', 'f'].map((id, i) =>
      source(id, jobs(id, 4, 100_000 - i, 1000), { tokenPadding: 600, maxPageSize: 2 }),
    );
    const all = await connectionFromMergedSources(sources, { first: 24 }, { now, positions });
    const page = await connectionFromMergedSources(sources, { first: 10 }, { now, positions });
    for (let i = 0; i < page.edges.length; i++) {
      const next = await connectionFromMergedSources(
        sources,
        { first: 2, after: page.edges[i].cursor },
        { now, positions },
      );
      expect(ids(next)).toEqual(ids(all).slice(i + 1, i + 3));
    }
  });

  it('falls back to inline cursors when the position store cannot keep the page', async () => {
    const positions = {
      save: async () => {
        throw new Error('store down');
      },
      load: async () => undefined,
    };
    const sources = ['a', 'b', 'c', 'd', 'e', 'f'].map((id, i) =>
      source(id, jobs(id, 4, 100_000 - i, 1000), { tokenPadding: 600, maxPageSize: 2 }),
    );
    const first = await connectionFromMergedSources(sources, { first: 7 }, { now, positions });
    const endCursor = first.pageInfo.endCursor as string;
    expect(endCursor.length).toBeGreaterThan(MAX_INLINE_CURSOR_LENGTH);
    const second = await connectionFromMergedSources(
      sources,
      { first: 3, after: endCursor },
      { now, positions },
    );
    expect(ids(second)).toEqual(['b-01', 'c-01', 'd-01']);
  });
});

/** A store that counts its writes. */
function countingStore(inner: GatewayStore): GatewayStore & { writes: number } {
  const counted = {
    ...inner,
    writes: 0,
    async set<T>(...args: Parameters<GatewayStore['set']>) {
      counted.writes++;
      return inner.set<T>(args[0], args[1], args[2] as T, args[3]);
    },
  };
  return counted;
}

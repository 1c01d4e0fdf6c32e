import { GraphQLError } from 'graphql';
import { connectionFromPageSource } from '../../src/relay/connection';
import {
  connectionKeyHash,
  decodeSourceCursor,
  encodeCursorPayload,
  encodeSourceCursor,
  type SourceCursor,
} from '../../src/relay/cursor';
import { createCursorSigner, processCursorSigner } from '../../src/relay/cursorSignature';
import { fromWireSortKey, toWireSortKey } from '../../src/relay/sortKey';
import { MemorySource, type MemoryJob } from './memorySource';

const k = connectionKeyHash('kendra/index-1/ds-1');

function job(i: number, time = 10_000 - i * 100): MemoryJob {
  return {
    time,
    service: 'KENDRA',
    sourceId: 'ds-1',
    jobId: `job-${String(i).padStart(3, '0')}`,
    tag: 0,
  };
}

function errorOf(run: () => unknown): GraphQLError {
  try {
    run();
  } catch (error) {
    if (error instanceof GraphQLError) return error;
    throw error;
  }
  throw new Error('expected a GraphQLError');
}

async function rejectionOf(promise: Promise<unknown>): Promise<GraphQLError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof GraphQLError) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}

describe('single-source cursor codec', () => {
  const cases: SourceCursor[] = [
    {
      b: 1_700_000_000_000,
      s: [1_699_999_000_000, 'KENDRA', 'ds-1', 'job-1'],
      at: 'page',
      token: undefined,
      offset: 0,
    },
    { b: 5, s: [4, 'x'], at: 'page', token: 'AAAA/+==', offset: 9 },
    { b: 5, s: [-Infinity, 'no-start-time'], at: 'pageEnd', nextToken: 'next' },
    { b: 5, s: [3, 'last'], at: 'listEnd' },
  ];

  it.each(cases)('round-trips %j', (cursor) => {
    const encoded = encodeSourceCursor(k, cursor);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    expect(decodeSourceCursor(encoded, 'after', k)).toEqual(cursor);
  });

  it('keeps cursors small', () => {
    const encoded = encodeSourceCursor(k, {
      b: 1_700_000_000_000,
      s: [1_699_999_000_000, 'KENDRA', 'ds-1', 'e5c3f7a0-1b2c-4d5e-8f90-123456789abc'],
      at: 'page',
      token: undefined,
      offset: 7,
    });
    expect(encoded.length).toBeLessThan(250);
  });

  it('writes a missing start time as null and reads it back', () => {
    expect(toWireSortKey([-Infinity, 'a'])).toEqual([null, 'a']);
    expect(toWireSortKey([NaN, 'a'])).toEqual([null, 'a']);
    expect(fromWireSortKey([null, 'a'])).toEqual([-Infinity, 'a']);
    expect(fromWireSortKey(['1', 'a'])).toBeUndefined();
    expect(fromWireSortKey([1, 2])).toBeUndefined();
  });

  it.each([
    ['garbage', 'not base64url at all!'],
    ['empty', ''],
    ['base64 of plain text', Buffer.from('arrayconnection:3').toString('base64url')],
    ['a JSON array', Buffer.from('[1,2]').toString('base64url')],
    ['a cursor without its position', encodeCursorPayload(k, { b: 1 })],
    ['a cursor with a broken key', encodeCursorPayload(k, { b: 1, s: ['x'], o: 0 })],
    ['a cursor with a negative offset', encodeCursorPayload(k, { b: 1, s: [1, 'a'], o: -1 })],
    ['a cursor with two positions', encodeCursorPayload(k, { b: 1, s: [1, 'a'], o: 0, n: 'x' })],
    ['a huge string', 'A'.repeat(10_000)],
  ])('refuses %s as not ours', (_name, cursor) => {
    const error = errorOf(() => decodeSourceCursor(cursor, 'after', k));
    expect(error.extensions.code).toBe('BAD_USER_INPUT');
    expect(error.message).toMatch(
      /^`after` is not a cursor of this connection \(.*\): start again without after\/before$/,
    );
  });

  it('refuses a cursor of another version', () => {
    const payload = Buffer.from(JSON.stringify({ v: 2, k, b: 1, s: [1, 'a'], o: 0 })).toString(
      'base64url',
    );
    const cursor = `${payload}.${processCursorSigner.sign(payload)}`;
    const error = errorOf(() => decodeSourceCursor(cursor, 'before', k));
    expect(error.extensions.code).toBe('BAD_USER_INPUT');
    expect(error.message).toBe(
      '`before` is a cursor of format version 2; this gateway reads version 1: start again without after/before',
    );
  });

  it('refuses a cursor of another connection', () => {
    const cursor = encodeSourceCursor(connectionKeyHash('kendra/index-1/ds-2'), {
      b: 1,
      s: [1, 'a'],
      at: 'listEnd',
    });
    const error = errorOf(() => decodeSourceCursor(cursor, 'after', k));
    expect(error.extensions.code).toBe('BAD_USER_INPUT');
    expect(error.message).toBe(
      '`after`: this cursor belongs to another connection (other data source or filter): start again without after/before',
    );
  });
});

describe('cursor signatures', () => {
  const position: SourceCursor = {
    b: 5,
    s: [4, 'x'],
    at: 'page',
    token: 'page-token-7',
    offset: 3,
  };

  it('refuses a cursor with any one character of its payload or signature changed', () => {
    const cursor = encodeSourceCursor(k, position);
    const dot = cursor.indexOf('.');
    for (const at of [
      0,
      Math.floor(dot / 2),
      dot - 1,
      dot + 1,
      cursor.length - 2,
      cursor.length - 1,
    ]) {
      const edited = cursor.slice(0, at) + (cursor[at] === 'A' ? 'B' : 'A') + cursor.slice(at + 1);
      const error = errorOf(() => decodeSourceCursor(edited, 'after', k));
      expect(error.extensions.code).toBe('BAD_USER_INPUT');
    }
  });

  it('refuses a truncated cursor, and one whose page token was replaced and re-encoded', () => {
    const cursor = encodeSourceCursor(k, position);
    expect(errorOf(() => decodeSourceCursor(cursor.slice(0, -1), 'after', k)).extensions.code).toBe(
      'BAD_USER_INPUT',
    );
    expect(
      errorOf(() => decodeSourceCursor(cursor.split('.')[0], 'after', k)).extensions.code,
    ).toBe('BAD_USER_INPUT');
    const [payload, signature] = cursor.split('.');
    const forged = JSON.parse(Buffer.from(payload, 'base64url').toString());
    forged.t = 'a-token-of-my-choosing';
    const swapped = `${Buffer.from(JSON.stringify(forged)).toString('base64url')}.${signature}`;
    expect(errorOf(() => decodeSourceCursor(swapped, 'after', k)).message).toMatch(
      /its signature does not match/,
    );
  });

  it('refuses a cursor signed with another secret, and verifies with every secret of a rotation', () => {
    const old = createCursorSigner(['old-secret']);
    const rotated = createCursorSigner(['new-secret', 'old-secret']);
    const other = createCursorSigner(['someone-else']);
    const cursor = encodeSourceCursor(k, position, old);
    expect(decodeSourceCursor(cursor, 'after', k, rotated)).toEqual(position);
    expect(errorOf(() => decodeSourceCursor(cursor, 'after', k, other)).extensions.code).toBe(
      'BAD_USER_INPUT',
    );
    const fresh = encodeSourceCursor(k, position, rotated);
    expect(errorOf(() => decodeSourceCursor(fresh, 'after', k, old)).extensions.code).toBe(
      'BAD_USER_INPUT',
    );
    expect(decodeSourceCursor(fresh, 'after', k, createCursorSigner(['new-secret']))).toEqual(
      position,
    );
  });

  it('refuses empty secrets', () => {
    expect(() => createCursorSigner([])).toThrow(/non-empty/);
    expect(() => createCursorSigner(['a', ''])).toThrow(/non-empty/);
  });
});

describe('cursors in connectionFromPageSource', () => {
  const jobs = Array.from({ length: 12 }, (_, i) => job(i));
  const make = (key: string) => new MemorySource({ key, jobs, maxPageSize: 5, mode: 'keyset' });

  it('are refused before any upstream call when they belong to another filter', async () => {
    const other = make('kendra/index-1/ds-1?status=FAILED');
    const page = await connectionFromPageSource(other, { first: 2 }, { now: () => 20_000 });
    const source = make('kendra/index-1/ds-1');
    for (const args of [
      { after: page.pageInfo.endCursor },
      { last: 1, before: page.pageInfo.startCursor },
    ]) {
      const error = await rejectionOf(connectionFromPageSource(source, args));
      expect(error.extensions.code).toBe('BAD_USER_INPUT');
      expect(error.message).toMatch(/belongs to another connection/);
    }
    expect(source.calls).toBe(0);
  });

  it('are refused before any upstream call when garbled or of another version', async () => {
    const source = make('kendra/index-1/ds-1');
    const page = await connectionFromPageSource(source, { first: 2 }, { now: () => 20_000 });
    source.calls = 0;
    const endCursor = page.pageInfo.endCursor as string;
    const garbled = endCursor.slice(0, -3) + (endCursor.endsWith('A') ? 'BBB' : 'AAA');
    const v2 = Buffer.from(
      JSON.stringify({
        ...JSON.parse(Buffer.from(endCursor.split('.')[0], 'base64url').toString()),
        v: 2,
      }),
    ).toString('base64url');
    for (const cursor of [garbled, v2, 'Y3Vyc29y']) {
      const error = await rejectionOf(
        connectionFromPageSource(source, { first: 3, after: cursor }),
      );
      expect(error.extensions.code).toBe('BAD_USER_INPUT');
    }
    const argsError = await rejectionOf(
      connectionFromPageSource(source, { first: 101, after: endCursor }),
    );
    expect(argsError.message).toMatch(/`first` must be a whole number between 0 and 100, got 101/);
    expect(source.calls).toBe(0);
  });

  it('resume straight at the next page when the edge was the last of its page', async () => {
    const source = make('kendra/index-1/ds-1');
    const page = await connectionFromPageSource(source, { first: 5 }, { now: () => 20_000 });
    expect(page.pageInfo.hasNextPage).toBe(true);
    expect(source.sizes).toEqual([5, 1]);
    source.sizes.length = 0;
    const next = await connectionFromPageSource(source, {
      first: 4,
      after: page.pageInfo.endCursor,
    });
    expect(next.edges.map((edge) => edge.node.jobId)).toEqual([
      'job-005',
      'job-006',
      'job-007',
      'job-008',
    ]);
    expect(source.sizes).toEqual([5]);
  });

  it('say when an edge was the last of the list, so nothing is fetched after it', async () => {
    const source = make('kendra/index-1/ds-1');
    const all = await connectionFromPageSource(source, { first: 100 }, { now: () => 20_000 });
    expect(all.edges).toHaveLength(12);
    source.calls = 0;
    const after = await connectionFromPageSource(source, {
      first: 3,
      after: all.pageInfo.endCursor,
    });
    expect(after).toEqual({
      edges: [],
      pageInfo: { hasNextPage: false, hasPreviousPage: true, startCursor: null, endCursor: null },
    });
    expect(source.calls).toBe(0);
  });
});

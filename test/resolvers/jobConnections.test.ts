/**
 * The connection contract, on each service and in both emulator token modes: spec semantics of
 * first/after/last/before, defaults and limits, exact page flags, cursors bound to their
 * connection, resuming without waste, paging while jobs arrive, and expired tokens.
 */
import {
  BASE_TIME,
  KB,
  KENDRA_DS,
  KENDRA_INDEX,
  QB_APP,
  QB_DS,
  QB_INDEX,
  importJobs,
  kendraJobs,
  qbusinessJobs,
  singleSourceFixture,
} from '../helpers/fixtures';
import { askPage, fetchPage } from '../helpers/connections';
import type { Service } from '../../src/model/services';
import { startHarness, type Harness } from '../helpers/harness';

const COUNT = 45;
const HOUR = 3_600_000;

const EXPECTED: Record<Service, string[]> = {
  KENDRA: kendraJobs(COUNT).map((j) => j.ExecutionId),
  QBUSINESS: qbusinessJobs(COUNT).map((j) => j.executionId),
  QCONNECT: importJobs(COUNT).map((j) => j.importJobId),
};

const LIST_OPERATION: Record<Service, string> = {
  KENDRA: 'kendra.ListDataSourceSyncJobs',
  QBUSINESS: 'qbusiness.ListDataSourceSyncJobs',
  QCONNECT: 'qconnect.ListImportJobs',
};

/** `count` jobs newer than everything in the fixture, in the service's add-jobs body. */
function newerJobs(service: Service, count: number, round: number) {
  const shift = (
    job: { [k: string]: any },
    startKey: string,
    endKey: string | undefined,
    i: number,
  ) => {
    const start = BASE_TIME + (round * 10 + i + 1) * HOUR;
    return {
      ...job,
      [startKey]: new Date(start).toISOString(),
      ...(endKey ? { [endKey]: new Date(start + 60_000).toISOString() } : {}),
    };
  };
  switch (service) {
    case 'KENDRA':
      return {
        service: 'kendra',
        indexId: KENDRA_INDEX,
        dataSourceId: KENDRA_DS,
        jobs: kendraJobs(count, 50 + round).map((j, i) => shift(j, 'StartTime', 'EndTime', i)),
      };
    case 'QBUSINESS':
      return {
        service: 'qbusiness',
        applicationId: QB_APP,
        indexId: QB_INDEX,
        dataSourceId: QB_DS,
        jobs: qbusinessJobs(count, 50 + round).map((j, i) => shift(j, 'startTime', 'endTime', i)),
      };
    case 'QCONNECT':
      return {
        service: 'qconnect',
        knowledgeBaseId: KB,
        jobs: importJobs(count, 50 + round).map((j, i) =>
          shift({ ...shift(j, 'createdTime', undefined, i) }, 'lastModifiedTime', undefined, i),
        ),
      };
  }
}

describe.each(['keyset', 'offset'] as const)('job connections with %s tokens', (tokenMode) => {
  describe.each(['KENDRA', 'QBUSINESS', 'QCONNECT'] as const)('on %s', (service) => {
    let harness: Harness;
    beforeAll(async () => {
      harness = await startHarness(singleSourceFixture(COUNT), {
        tokenMode,
        tokenTtlSeconds: 3600,
      });
    });
    afterAll(() => harness.close());
    beforeEach(async () => {
      await harness.setFaults([]);
      await harness.resetStats();
    });

    it('returns 20 edges newest first when neither first nor last is given', async () => {
      const page = await fetchPage(harness, service, {});
      expect(page.ids).toEqual(EXPECTED[service].slice(0, 20));
      expect(page.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
      expect(page.pageInfo.startCursor).toBe(page.cursors[0]);
      expect(page.pageInfo.endCursor).toBe(page.cursors[19]);
    });

    it('walks forward through the whole history exactly once', async () => {
      const seen: string[] = [];
      let after: string | null = null;
      for (let guard = 0; guard < 20; guard++) {
        const page = await fetchPage(harness, service, { first: 7, after });
        seen.push(...page.ids);
        expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      expect(seen).toEqual(EXPECTED[service]);
    });

    it('walks backward from the end with last/before', async () => {
      const pages: string[][] = [];
      let before: string | null = null;
      for (let guard = 0; guard < 20; guard++) {
        const page = await fetchPage(harness, service, { last: 8, before });
        pages.unshift(page.ids);
        expect(page.pageInfo.hasNextPage).toBe(before !== null);
        if (!page.pageInfo.hasPreviousPage) break;
        before = page.pageInfo.startCursor;
      }
      expect(pages.flat()).toEqual(EXPECTED[service]);
    });

    it('takes the window between after and before', async () => {
      const all = await fetchPage(harness, service, { first: 30 });
      const page = await fetchPage(harness, service, {
        after: all.cursors[4],
        before: all.cursors[15],
        first: 20,
      });
      expect(page.ids).toEqual(EXPECTED[service].slice(5, 15));
      expect(page.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
      const tail = await fetchPage(harness, service, {
        after: all.cursors[4],
        before: all.cursors[15],
        last: 3,
      });
      expect(tail.ids).toEqual(EXPECTED[service].slice(12, 15));
      expect(tail.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    });

    it('answers first: 0 with no edges and exact flags', async () => {
      const start = await fetchPage(harness, service, { first: 0 });
      expect(start.ids).toEqual([]);
      expect(start.pageInfo).toEqual({
        hasNextPage: true,
        hasPreviousPage: false,
        startCursor: null,
        endCursor: null,
      });
      const last = await fetchPage(harness, service, { first: 45 });
      const end = await fetchPage(harness, service, { first: 0, after: last.pageInfo.endCursor });
      expect(end.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    });

    it.each([
      [{ first: 101 }, '100'],
      [{ last: 500 }, '100'],
      [{ first: -1 }, 'first'],
      [{ first: 2, last: 2 }, 'last'],
    ])('refuses %j as BAD_USER_INPUT without calling the service', async (args, mentioned) => {
      const response = await askPage(harness, service, args);
      expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(response.errors?.[0].message).toContain(mentioned);
      expect((await harness.stats())[LIST_OPERATION[service]] ?? 0).toBe(0);
    });

    it('refuses a cursor of another filter or of garbage without calling the service', async () => {
      const page = await fetchPage(harness, service, { first: 3 });
      await harness.resetStats();
      const filter = service === 'QCONNECT' ? { status: ['COMPLETE'] } : { status: ['FAILED'] };
      const other = await askPage(harness, service, { first: 3, after: page.cursors[1], filter });
      expect(other.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(other.errors?.[0].message).toMatch(/cursor/i);
      const garbage = await askPage(harness, service, { first: 3, after: 'not-a-cursor' });
      expect(garbage.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect((await harness.stats())[LIST_OPERATION[service]] ?? 0).toBe(0);
    });

    it('resumes after a cursor with no more upstream calls than the items need, plus one look-ahead', async () => {
      const first = await fetchPage(harness, service, { first: 10 });
      await harness.resetStats();
      const next = await fetchPage(harness, service, {
        first: 10,
        after: first.pageInfo.endCursor,
      });
      expect(next.ids).toEqual(EXPECTED[service].slice(10, 20));
      const calls = (await harness.stats())[LIST_OPERATION[service]];
      // Kendra and Q Business pages hold at most 10 jobs: 10 items + 1 look-ahead = 2 calls; Q Connect 1.
      expect(calls).toBeLessThanOrEqual(service === 'QCONNECT' ? 1 : 2);
    });

    it('sees every job that existed when the walk began exactly once while newer jobs arrive', async () => {
      const seen: string[] = [];
      let after: string | null = null;
      for (let round = 0; round < 20; round++) {
        const page = await fetchPage(harness, service, { first: 6, after });
        seen.push(...page.ids);
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
        await harness.addJobs(newerJobs(service, 3, round));
      }
      expect(seen).toEqual(EXPECTED[service]);
    });
  });
});

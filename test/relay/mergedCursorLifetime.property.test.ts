/**
 * The merged feed over 60 sources, walked at `first: 100` and `last: 100` while sources fail and
 * recover: every cursor the feed issued is accepted (never refused, never expired), and the walk
 * sees every job of the merged list exactly once. Positions are long (padded page tokens), so
 * pages keep them in the store and cursors refer to them.
 */
import fc from 'fast-check';
import { ErrorCode, gatewayError } from '../../src/errors/ErrorCode';
import { connectionFromMergedSources } from '../../src/relay/mergedConnection';
import { createMemoryStore } from '../../src/store/memoryStore';
import { createPositionStores } from '../../src/store/positionStore';
import { compareJobs } from './memorySource';
import { type Pager, idOf, listAt, makeSource, sourceSpecArb, sweep } from './pagingHarness';

const RUNS = { numRuns: Number(process.env.CURSOR_PROPERTY_RUNS ?? 4) };
const SOURCES = 60;

const feedArb = fc.array(sourceSpecArb({ maxJobs: 25, future: false }), {
  minLength: SOURCES,
  maxLength: SOURCES,
});
/** Per source, which of its calls fail (about one in eight). */
const faultsArb = fc.array(
  fc.array(
    fc.nat({ max: 7 }).map((n) => n === 0),
    { maxLength: 12 },
  ),
  {
    minLength: SOURCES,
    maxLength: SOURCES,
  },
);

it.each(['forward', 'backward'] as const)(
  'a %s walk at 100 a page over 60 failing sources never has a cursor refused and sees every job once',
  async (direction) => {
    await fc.assert(
      fc.asyncProperty(feedArb, faultsArb, async (specs, faults) => {
        let failed = 0;
        const sources = specs.map((spec, i) =>
          makeSource({ ...spec, tokenPadding: 200 }, `ds-${String(i).padStart(2, '0')}`, (call) => {
            if (!faults[i][call]) return undefined;
            failed++;
            return gatewayError(ErrorCode.UPSTREAM_UNAVAILABLE, `ds-${i} is down`);
          }),
        );
        const positions = createPositionStores(createMemoryStore()).forClient('walker');
        const page: Pager = (args, now) =>
          connectionFromMergedSources(sources, args, { now: () => now, positions, key: 'feed' });
        const { seen, walkStart } = await sweep(sources, page, direction, [
          { n: 100, inserts: [] },
        ]);
        const expected = listAt(sources, walkStart);
        expect(new Set(seen.map(idOf)).size).toBe(seen.length);
        expect([...seen].sort(compareJobs).map(idOf)).toEqual(expected.map(idOf));
        if (failed === 0) expect(seen.map(idOf)).toEqual(expected.map(idOf));
      }),
      RUNS,
    );
  },
  60_000,
);

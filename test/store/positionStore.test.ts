/**
 * Where merged pages keep their cursor positions: bounded in bytes, kept for the cursor lifetime
 * while the bound allows, and one client's burst only ever pushes out that client's own pages.
 */
import type { StoredPage } from '../../src/relay/pagePositions';
import { createMemoryStore } from '../../src/store/memoryStore';
import { CURSOR_LIFETIME_MS, createPositionStores } from '../../src/store/positionStore';

const KiB = 1024;

/** A page entry of about `bytes` bytes (one per character, as the store counts them). */
function pageOf(n: number, bytes = 10 * KiB): StoredPage {
  return { k: 'feed', b: n, s: [[n, 'x'.repeat(bytes - 60)]], m: [0], d: [] };
}

it('keeps a page for the cursor lifetime, then forgets it', async () => {
  let time = 1_000_000;
  const now = () => time;
  const positions = createPositionStores(createMemoryStore({ now }), { now }).forClient('a');
  await positions.save('p', pageOf(1));
  time += CURSOR_LIFETIME_MS - 1;
  expect(await positions.load('p')).toEqual(pageOf(1));
  time += 2;
  expect(await positions.load('p')).toBeUndefined();
});

it('drops the least recently used pages first when the byte bound is reached, and only then', async () => {
  const store = createMemoryStore({ budgets: { cursor: 100 * KiB } });
  const positions = createPositionStores(store, { clientShareBytes: 1024 * KiB }).forClient('a');
  for (let i = 0; i < 9; i++) await positions.save(`p${i}`, pageOf(i));
  for (let i = 0; i < 9; i++) expect(await positions.load(`p${i}`)).toBeDefined();
  for (let i = 9; i < 12; i++) await positions.save(`p${i}`, pageOf(i));
  expect(await positions.load('p0')).toBeUndefined();
  expect(await positions.load('p11')).toBeDefined();
});

it("never lets one client's burst push out another client's pages", async () => {
  const store = createMemoryStore({ budgets: { cursor: 1024 * KiB } });
  const stores = createPositionStores(store, { clientShareBytes: 256 * KiB });
  const user = stores.forClient('10.0.0.1');
  await user.save('mine', pageOf(0));
  const burst = stores.forClient('10.0.0.2');
  for (let i = 0; i < 1000; i++) await burst.save(`burst-${i}`, pageOf(i));
  expect(await user.load('mine')).toEqual(pageOf(0));
  // The bursting client keeps its newest pages, up to its share.
  expect(await burst.load('burst-999')).toBeDefined();
  expect(await burst.load('burst-0')).toBeUndefined();
});

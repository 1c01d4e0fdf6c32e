/**
 * Every `graphql` block of the README runs as written against the demo (`npm start`'s defaults:
 * the embedded emulator, demo data of seed 1), with no errors, so the README cannot drift from the
 * API or the demo data again.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'graphql';
import { startDemoGateway, type DemoGateway } from './helpers/demoHarness';

const README = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
const BLOCKS = [...README.matchAll(/^```graphql\n([\s\S]*?)^```$/gm)].map((m) => m[1]!);

let demo: DemoGateway;
beforeAll(async () => {
  demo = await startDemoGateway();
});
afterAll(() => demo.close());

it('has graphql blocks, each one operation without placeholders', () => {
  expect(BLOCKS.length).toBeGreaterThanOrEqual(7);
  for (const block of BLOCKS) {
    expect(block).not.toMatch(/<[^>]*>/);
    expect(() => parse(block)).not.toThrow();
  }
});

it.each(
  BLOCKS.map(
    (block, i) =>
      [
        i + 1,
        block
          .split('\n')
          .find((l) => /\w/.test(l))!
          .trim(),
        block,
      ] as const,
  ),
)('runs block %i (%s) against the demo without errors', async (_, __, block) => {
  const result = await demo.gql(block);
  expect(result.errors).toBeUndefined();
  expect(Object.values(result.data ?? {}).every((value) => value !== null)).toBe(true);
  // On the demo's fixed clock every example has something to show.
  expect(JSON.stringify(result.data)).not.toMatch(/"(nodes|edges)":\[\]/);
});

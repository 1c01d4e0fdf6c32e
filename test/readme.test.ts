/**
 * Every `graphql` block of the README runs as written against the demo (`npm start`'s defaults:
 * the embedded emulator, demo data of seed 1), with no errors, so the README cannot drift from the
 * API or the demo data again; the configuration-file example serves part of the demo.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'graphql';
import { loadCatalogConfig } from '../src/catalog/loadCatalogConfig';
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

it('serves the part of the demo its configuration-file example names', async () => {
  const yaml = /^```yaml\n([\s\S]*?)^```$/m.exec(README)![1]!;
  const file = join(mkdtempSync(join(tmpdir(), 'sjg-readme-')), 'gateway.yaml');
  writeFileSync(file, yaml);
  const configured = await startDemoGateway({ catalog: loadCatalogConfig(file).catalog });
  try {
    const result = await configured.gql('{ sources { nodes { name } } }');
    expect(result.errors).toBeUndefined();
    expect(result.data.sources.nodes.map((n: { name: string }) => n.name)).toEqual([
      'hr-policies-s3',
      'sharepoint-finance',
      'hr-handbook-s3',
      'Support quick responses',
    ]);
  } finally {
    await configured.close();
  }
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from '@graphql-codegen/cli';
import { printSchema } from 'graphql';
import { parse as parseYaml } from 'yaml';
import { buildSchema } from '../../src/server/buildSchema';

const root = join(__dirname, '..', '..');

describe('the schema', () => {
  it('has generated resolver types that match schema/*.graphql (run `npm run codegen` after editing the SDL)', async () => {
    const config = parseYaml(readFileSync(join(root, 'codegen.yml'), 'utf8'));
    const [output] = await generate({ ...config, cwd: root, silent: true }, false);
    const committed = readFileSync(join(root, 'src/schema/generated.ts'), 'utf8');
    expect(committed).toBe(output.content);
  }, 60_000);

  it('builds into an executable schema with every entry point of the contract', () => {
    const sdl = printSchema(buildSchema());
    for (const field of ['node(id: ID!): Node', 'kendraIndex(id: ID!)', 'qbusinessApplication(id: ID!)', 'qconnectKnowledgeBase(id: ID!)', 'jobs(filter: JobFilter', 'jobSummary(filter: JobFilter!)', 'startSync(dataSourceId: ID!): SyncJob!']) {
      expect(sdl).toContain(field);
    }
  });
});

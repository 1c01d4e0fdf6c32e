import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from '@graphql-codegen/cli';
import { buildASTSchema, parse, printSchema, printType } from 'graphql';
import { parse as parseYaml } from 'yaml';
import { buildSchema, loadTypeDefs } from '../../src/server/buildSchema';

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
    for (const field of [
      'node(id: ID!): Node',
      'kendraIndex(id: ID!)',
      'qbusinessApplication(id: ID!)',
      'qconnectKnowledgeBase(id: ID!)',
      'jobs(filter: JobFilter',
      'jobSummary(filter: JobFilter!)',
      'startSync(dataSourceId: ID!): SyncJob!',
    ]) {
      expect(sdl).toContain(field);
    }
  });

  it('shows plain clients the API of the SDL files, plus only the federation fields and types', () => {
    const plain = buildASTSchema(parse(loadTypeDefs().join('\n')), { assumeValidSDL: true });
    const served = buildSchema();
    const federationTypes = [
      'link__Purpose',
      'link__Import',
      'federation__FieldSet',
      '_Any',
      '_Service',
      '_Entity',
    ];
    const servedTypes = Object.keys(served.getTypeMap());
    expect(servedTypes.filter((name) => !plain.getType(name)).sort()).toEqual(
      [...federationTypes].sort(),
    );
    for (const [name, type] of Object.entries(plain.getTypeMap())) {
      if (name === 'Query') continue;
      expect(printType(served.getType(name)!)).toBe(printType(type));
    }
    const fieldsOf = (schema: typeof plain) =>
      Object.values(schema.getQueryType()!.getFields()).map(
        (field) =>
          `${field.name}(${field.args.map((arg) => `${arg.name}: ${arg.type}`).join(', ')}): ${field.type}`,
      );
    expect(fieldsOf(served).sort()).toEqual(
      [
        ...fieldsOf(plain),
        '_entities(representations: [_Any!]!): [_Entity]!',
        '_service(): _Service!',
      ].sort(),
    );
  });
});

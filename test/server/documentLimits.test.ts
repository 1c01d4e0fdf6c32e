/**
 * Document-shape limits: depth, aliases, root fields, tokens and directives are refused with
 * QUERY_TOO_COMPLEX before any upstream call; graphql-js's introspection query passes.
 */
import { getIntrospectionQuery } from 'graphql';
import { singleSourceFixture } from '../helpers/fixtures';
import { startHarness, type Harness } from '../helpers/harness';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness(singleSourceFixture(3));
});
afterAll(() => harness.close());
beforeEach(() => harness.resetStats());

async function refusal(query: string) {
  const response = await harness.gql(query);
  expect(response.data).toBeUndefined();
  expect(response.errors).toHaveLength(1);
  expect(await harness.stats()).toEqual({});
  return response.errors![0];
}

it('answers the standard introspection query (depth 15 without the exemption)', async () => {
  const response = await harness.gql(getIntrospectionQuery());
  expect(response.errors).toBeUndefined();
  expect(response.data.__schema.queryType.name).toBe('Query');
});

it('refuses a document nested deeper than 12 levels', async () => {
  const deep = `{ jobs { nodes { source { jobs { nodes { source { jobs { nodes { source { jobs { nodes {
    source { jobs { nodes { id } } } } } } } } } } } } } } }`;
  const error = await refusal(deep);
  expect(error.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 12 });
  expect(error.message).toContain('depth limit of 12 exceeded');
});

it('refuses more than 30 aliases', async () => {
  const aliases = Array.from({ length: 31 }, (_, i) => `a${i}: queryType { name }`).join(' ');
  const error = await refusal(`{ __schema { ${aliases} } }`);
  expect(error.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 30 });
  expect(error.message).toContain('Aliases limit of 30 exceeded, found 31');
});

it('refuses more than 20 root fields, counting fragments where they are spread', async () => {
  const field = (i: number) => `r${i}: sources(first: 1) { __typename }`;
  const a = Array.from({ length: 11 }, (_, i) => field(i)).join(' ');
  const b = Array.from({ length: 10 }, (_, i) => field(i + 11)).join(' ');
  const error = await refusal(
    `{ ...A ...B } fragment A on Query { ${a} } fragment B on Query { ${b} }`,
  );
  expect(error.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 20, found: 21 });
});

it('refuses a document of more than 5000 tokens before parsing it', async () => {
  const padding = Array.from({ length: 2600 }, () => '__typename').join(' ');
  const error = await refusal(`{ ${padding} ${padding} }`);
  expect(error.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 5000 });
  expect(error.message).toContain('more than 5000 tokens');
});

it('refuses more than 50 directives', async () => {
  const fields = Array.from({ length: 51 }, () => '__typename @include(if: true)').join(' ');
  const error = await refusal(`{ ${fields} }`);
  expect(error.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 50 });
});

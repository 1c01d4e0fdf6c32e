/**
 * The IDE over HTTP: the page and every file it names come from the gateway, nothing points
 * elsewhere, its example tabs run against the demo without errors, introspection (what the docs
 * and autocomplete need) gets past the depth limit, and `ide: false` serves no page.
 */
import { getIntrospectionQuery } from 'graphql';
import { EXAMPLE_TABS } from '../../src/server/ide/exampleTabs';
import { IDE_ASSET_NAMES } from '../../src/server/ide/ideAssets';
import { singleSourceFixture } from '../helpers/fixtures';
import { startHarness } from '../helpers/harness';
import { startDemoGateway, type DemoGateway } from '../helpers/demoHarness';

let demo: DemoGateway;
let origin: string;
beforeAll(async () => {
  demo = await startDemoGateway();
  origin = new URL(demo.gateway.url).origin;
});
afterAll(() => demo.close());

const page = async () =>
  (await fetch(demo.gateway.url, { headers: { accept: 'text/html' } })).text();

it('serves GraphiQL to a browser at /graphql, naming only files of its own origin', async () => {
  const html = await page();
  expect(html).toContain('GraphiQL');
  const urls = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
  expect(urls.length).toBeGreaterThanOrEqual(5);
  for (const url of urls) expect(url.startsWith('/ide/')).toBe(true);
  expect(html).not.toMatch(/https?:\/\//);
});

it('carries no inline script or style, and a policy that allows only its own origin', async () => {
  const response = await fetch(demo.gateway.url, { headers: { accept: 'text/html' } });
  const policy = response.headers.get('content-security-policy') ?? '';
  expect(policy).toContain("default-src 'self'");
  expect(policy).toContain("script-src 'self'");
  expect(policy).toContain("connect-src 'self'");
  const html = await response.text();
  expect(html).not.toContain('<style');
  for (const [tag] of html.matchAll(/<script[^>]*>/g)) {
    expect(tag).toMatch(/src="\/ide\/|type="application\/json"/);
  }
});

it('serves every asset the page names, with its content type', async () => {
  const html = await page();
  const urls = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
  for (const url of urls) {
    const response = await fetch(`${origin}${url}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/javascript|css|svg/);
    expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(100);
  }
  expect(urls.map((url) => url.slice('/ide/'.length)).sort()).toEqual([...IDE_ASSET_NAMES].sort());
});

it('answers an unknown asset name with 404 and never reads outside its table', async () => {
  expect((await fetch(`${origin}/ide/nope.js`)).status).toBe(404);
  expect((await fetch(`${origin}/ide/..%2Fpackage.json`)).status).toBe(404);
});

it('keeps GET operations JSON for scripts that accept HTML too', async () => {
  const response = await fetch(
    `${demo.gateway.url}?query=${encodeURIComponent('{ __typename }')}`,
    {
      headers: { accept: 'text/html, application/json', 'apollo-require-preflight': 'true' },
    },
  );
  expect(((await response.json()) as { data: unknown }).data).toEqual({ __typename: 'Query' });
});

it('answers the introspection query the IDE sends (docs, autocomplete)', async () => {
  const result = await demo.gql(getIntrospectionQuery());
  expect(result.errors).toBeUndefined();
  expect(result.data.__schema.queryType.name).toBe('Query');
});

it('still refuses a deep query that is not introspection', async () => {
  const nested = (levels: number): string =>
    levels === 0 ? 'id' : `source { jobs(first: 1) { nodes { ${nested(levels - 1)} } } }`;
  const deep = `{ jobs(first: 1) { nodes { ${nested(5)} } } }`;
  const result = await demo.gql(deep);
  expect(result.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
});

it.each(EXAMPLE_TABS.map((tab, i) => [i, tab] as const))(
  'runs example tab %i against the demo without errors',
  async (_, tab) => {
    const result = await demo.gql(tab.query, tab.variables ? JSON.parse(tab.variables) : undefined);
    expect(result.errors).toBeUndefined();
    expect(JSON.stringify(result.data)).not.toMatch(/"(nodes|edges)":\[\]/);
  },
);

it('serves no page when the IDE is off', async () => {
  const harness = await startHarness(singleSourceFixture(1), {}, { ide: false });
  try {
    const response = await fetch(harness.gatewayUrl, { headers: { accept: 'text/html' } });
    expect(response.headers.get('content-type') ?? '').not.toContain('text/html');
    expect(
      (await fetch(harness.gatewayUrl.replace('/graphql', '/ide/graphiql.min.js'))).status,
    ).toBe(404);
  } finally {
    await harness.close();
  }
});

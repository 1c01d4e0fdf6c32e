/**
 * The IDE in a real browser (Debian's Chromium through playwright-core) with every request that
 * does not go to the gateway blocked: it loads, runs an example by its run button, shows the
 * result, and its docs explorer finds `Query.jobs` (so introspection worked).
 */
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../helpers/chromium';
import { startDemoGateway, type DemoGateway } from '../helpers/demoHarness';

let demo: DemoGateway;
let browser: Browser;
let page: Page;
let origin: string;
const outside: string[] = [];
const consoleErrors: string[] = [];

beforeAll(async () => {
  demo = await startDemoGateway();
  origin = new URL(demo.gateway.url).origin;
  browser = await launchChromium();
  const context = await browser.newContext();
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (new URL(url).origin === origin) return route.continue();
    outside.push(url);
    return route.abort('blockedbyclient');
  });
  page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  await page.goto(demo.gateway.url, { waitUntil: 'load' });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

it('runs the first example by its run button and shows the result', async () => {
  await page.locator('.graphiql-execute-button').click();
  const response = page.locator('.graphiql-response .CodeMirror');
  await response.getByText('"jobs"').waitFor({ timeout: 20_000 });
  // CodeMirror renders only the lines in view: the top of the result, where errors would be first.
  const text = await response.innerText();
  expect(text).toMatch(/"data":\s*\{\s*"jobs":\s*\{\s*"edges"/);
  expect(text).toContain('"cursor"');
  expect(text).not.toContain('"errors"');
});

it('finds Query.jobs in the docs explorer', async () => {
  await page.getByRole('button', { name: /documentation explorer/i }).click();
  const explorer = page.locator('.graphiql-doc-explorer');
  await explorer.getByText('Query', { exact: true }).click();
  await explorer
    .locator('.graphiql-doc-explorer-field-name', { hasText: /^jobs$/ })
    .first()
    .waitFor();
  expect(await explorer.innerText()).toMatch(/One feed over the jobs of every served source/);
});

it('opens with the example tabs', async () => {
  const tabs = page.locator('.graphiql-tab');
  expect(await tabs.count()).toBeGreaterThanOrEqual(4);
  expect(await page.locator('.graphiql-tabs').innerText()).toMatch(
    /FailedJobs[\s\S]*SourceHistory[\s\S]*ImportJobs[\s\S]*WeekSummary/,
  );
});

it('sends the Authorization header set in the header editor', async () => {
  await page.getByRole('button', { name: /^headers$/i }).click();
  await page.locator('.graphiql-editor-tool .CodeMirror').last().click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('{"Authorization": "Bearer ide-test-token"', { delay: 5 });
  const sent = page.waitForRequest(
    (request) => request.method() === 'POST' && request.url().startsWith(origin),
  );
  await page.locator('.graphiql-execute-button').click();
  expect((await sent).headers()['authorization']).toBe('Bearer ide-test-token');
});

it('attempted no request outside the gateway, and broke none of its own page policy', () => {
  expect(outside).toEqual([]);
  expect(consoleErrors.filter((text) => /Content Security Policy/i.test(text))).toEqual([]);
});

/**
 * Subscriptions take the same credentials as HTTP, in `connection_init`'s payload: without them
 * the WebSocket connection is refused before any operation; with a key it is accepted.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { singleSourceFixture } from '../helpers/fixtures';
import { startHarness, type Harness } from '../helpers/harness';
import { subscribe } from '../helpers/subscriptions';

const KEY = 'watcher-key-0123456789abcdef';
// Invalid on purpose: its validation error can only come back over an accepted connection.
const DOCUMENT = 'subscription { jobUpdates { noSuchField } }';

let harness: Harness;
beforeAll(async () => {
  const keysFile = join(mkdtempSync(join(tmpdir(), 'sjg-keys-')), 'keys');
  writeFileSync(keysFile, `watcher ${KEY} jobs:read\n`);
  harness = await startHarness(singleSourceFixture(1), {}, { auth: { apiKeysFile: keysFile } });
});
afterAll(() => harness.close());

it('refuses a WebSocket connection without credentials', async () => {
  const subscriber = subscribe(harness.gatewayUrl, DOCUMENT);
  try {
    const refusal = await subscriber.next().catch((error) => error);
    expect(Array.isArray(refusal.errors)).toBe(false);
    expect(refusal.code).toBe(4403);
  } finally {
    await subscriber.close();
  }
});

it('accepts a connection whose connection_init carries a key', async () => {
  const subscriber = subscribe(
    harness.gatewayUrl,
    DOCUMENT,
    {},
    { authorization: `Bearer ${KEY}` },
  );
  try {
    const refusal = await subscriber.next().catch((error) => error);
    expect(refusal.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  } finally {
    await subscriber.close();
  }
});

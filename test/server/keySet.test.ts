/**
 * The key set behind JWT verification: fetched once and cached, not fetched again for every
 * unknown `kid` within the cooldown (random kids cannot make the gateway hammer the key server),
 * and a 503 (not a 401) when it cannot be reached.
 */
import { startEmulator } from '../../src/emulator';
import { startGateway } from '../../src/server/createGateway';
import { singleSourceFixture } from '../helpers/fixtures';
import { bearer, postGraphql } from '../helpers/http';
import { AUDIENCE, ISSUER, startTestIdp } from '../helpers/jwks';

const SOURCES = '{ sources { nodes { name } } }';

let emulator: Awaited<ReturnType<typeof startEmulator>>;
let emulatorUrl: string;
beforeAll(async () => {
  emulator = await startEmulator({ port: 0, fixture: singleSourceFixture(1) });
  emulatorUrl = emulator.url;
});
afterAll(() => emulator.close());

it('does not fetch the key set again for every unknown kid within the cooldown', async () => {
  const own = await startTestIdp();
  await own.addKey('known');
  const gateway = await startGateway({
    port: 0,
    logLevel: 'silent',
    endpoint: emulatorUrl,
    region: 'us-east-1',
    auth: { jwt: { jwksUrl: own.jwksUrl, issuer: ISSUER, audience: AUDIENCE } },
  });
  try {
    const url = gateway.url.replace('localhost', '127.0.0.1');
    const known = await own.sign('known', { scope: 'jobs:read' });
    expect((await postGraphql(url, '{ __typename }', bearer(known))).status).toBe(200);
    expect(own.fetches()).toBe(1);
    for (const kid of ['random-1', 'random-2', 'random-3']) {
      await own.addKey(kid, false);
      const token = await own.sign(kid, { scope: 'jobs:read' });
      expect((await postGraphql(url, '{ __typename }', bearer(token))).status).toBe(401);
    }
    expect(own.fetches()).toBe(1);
  } finally {
    await gateway.close();
    await own.close();
  }
});

it('answers 503, not 401, when the key set cannot be reached: the token may be fine', async () => {
  const closed = await startTestIdp();
  await closed.addKey('k');
  const token = await closed.sign('k', { scope: 'jobs:read' });
  await closed.close();
  const gateway = await startGateway({
    port: 0,
    logLevel: 'silent',
    endpoint: emulatorUrl,
    region: 'us-east-1',
    auth: { jwt: { jwksUrl: closed.jwksUrl, issuer: ISSUER, audience: AUDIENCE } },
  });
  try {
    const result = await postGraphql(
      gateway.url.replace('localhost', '127.0.0.1'),
      SOURCES,
      bearer(token),
    );
    expect(result.status).toBe(503);
    expect(result.headers.get('www-authenticate')).toMatch(/^Bearer /);
    expect(result.body.errors[0].message).toMatch(/could not be checked now.*try again shortly/);
  } finally {
    await gateway.close();
  }
});

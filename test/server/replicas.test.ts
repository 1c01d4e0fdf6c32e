/**
 * Replicas are interchangeable: two gateway processes with one Redis and one cursor secret, on
 * one emulator, answer a walk sent alternately to each exactly as one process does, forwards and
 * backwards, with a source failing mid-walk. And losing Redis mid-walk gives clear errors, never
 * a wrong page, until it is back.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { EventEmitter, once } from 'node:events';
import { join } from 'node:path';
import { startEmulator } from '../../src/emulator';
import { startGateway } from '../../src/server/createGateway';
import { multiSourceFixture } from '../helpers/fixtures';
import { type RedisServer, startRedis } from '../helpers/redis';

const ROOT = join(__dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const FIXTURE = multiSourceFixture({ apps: 5, indexes: 5, kbs: 10, perIndex: 5, jobs: 10 });
const SECRET = 'replica-secret-1';
const FEED = `query($first: Int, $after: String, $last: Int, $before: String) {
  jobs(first: $first, after: $after, last: $last, before: $before) {
    edges { node { jobId } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;

type Emulator = Awaited<ReturnType<typeof startEmulator>>;
let emulator: Emulator;
let redis: RedisServer;
beforeAll(async () => {
  [emulator, redis] = await Promise.all([
    startEmulator({ port: 0, fixture: FIXTURE }),
    startRedis(),
  ]);
}, 600_000);
afterAll(async () => {
  await emulator?.close();
  await redis?.close();
});

async function setFaults(rules: unknown[]): Promise<void> {
  const response = await fetch(`${emulator.url}/_emulator/faults`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ rules }),
  });
  expect(response.ok).toBe(true);
}

async function post(url: string, variables: Record<string, unknown>): Promise<any> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: FEED, variables }),
  });
  return response.json();
}

/** One gateway process (`npm start`) on the shared emulator and Redis. */
async function spawnGateway(): Promise<{
  url: string;
  child: ChildProcess;
  stop: () => Promise<void>;
}> {
  const args = ['src/server/cli.ts', '--upstream', 'aws', '--port', '0', '--store', redis.url];
  const child = spawn(TSX, args, {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: '',
      AWS_ENDPOINT_URL: emulator.url,
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'AKIDREPLICAS',
      AWS_SECRET_ACCESS_KEY: 'replica-secret-key',
      GATEWAY_CURSOR_SECRET: SECRET,
    },
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(/ready at http:\/\/localhost:(\d+)\/graphql/);
      if (match) resolve(`http://127.0.0.1:${match[1]}/graphql`);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`gateway exited (${code}): ${output}`)));
  });
  return {
    url,
    child,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/**
 * Walks the whole feed, asking `urls[round % urls.length]` each round; a Kendra source fails
 * for rounds 2 and 3. Forward with `first: 100`, or backward with `last: 100`.
 */
async function walk(
  urls: string[],
  direction: 'forward' | 'backward',
  faults = true,
): Promise<string[][]> {
  const pages: string[][] = [];
  let cursor: string | null = null;
  try {
    for (let round = 0; round < 60; round++) {
      if (faults && round === 2)
        await setFaults([{ service: 'kendra', resourceId: 'kds-1-1', errorRate: 1 }]);
      if (faults && round === 4) await setFaults([]);
      const args =
        direction === 'forward' ? { first: 100, after: cursor } : { last: 100, before: cursor };
      const response: any = await post(urls[round % urls.length], args);
      for (const error of response.errors ?? [])
        expect(error.extensions.code).toBe('UPSTREAM_UNAVAILABLE');
      const { edges, pageInfo } = response.data.jobs;
      pages.push(edges.map((edge: any) => edge.node.jobId));
      const more = direction === 'forward' ? pageInfo.hasNextPage : pageInfo.hasPreviousPage;
      if (!more) break;
      cursor = direction === 'forward' ? pageInfo.endCursor : pageInfo.startCursor;
    }
  } finally {
    await setFaults([]);
  }
  return pages;
}

it('answers a walk alternating between two processes as one process does, forwards then backwards', async () => {
  const [a, b] = await Promise.all([spawnGateway(), spawnGateway()]);
  try {
    for (const direction of ['forward', 'backward'] as const) {
      const alone = await walk([a.url], direction);
      const alternating = await walk([a.url, b.url], direction);
      expect(alternating).toEqual(alone);
      const all = alone.flat();
      expect(new Set(all).size).toBe(all.length);
      expect(all).toHaveLength(60 * 10);
    }
  } finally {
    await Promise.all([a.stop(), b.stop()]);
  }
}, 120_000);

it('answers CURSOR_EXPIRED, says the store is unavailable and keeps first pages while Redis is down, then recovers', async () => {
  const config = {
    port: 0,
    endpoint: emulator.url,
    region: 'us-east-1',
    maxAttempts: 1,
    logLevel: 'silent',
    store: redis.url,
    storeTimeoutMs: 300,
    cursorSecrets: [SECRET],
  };
  // Each gateway tells its own emitter when its store's connection is ready.
  const storeReady = [new EventEmitter(), new EventEmitter()];
  const [a, b] = await Promise.all(
    storeReady.map((events) =>
      startGateway({ ...config, onStoreReady: () => events.emit('ready') }),
    ),
  );
  const readyz = async (url: string) => {
    const response = await fetch(url.replace('/graphql', '/readyz'));
    return { status: response.status, body: (await response.json()) as any };
  };
  try {
    const reference = (await walk([a.url], 'forward', false)).flat();
    const seen: string[] = [];
    let after: string | null = null;
    for (let round = 0; round < 60; round++) {
      const url = [a.url, b.url][round % 2];
      if (round === 3) {
        await redis.stop();
        const refused = await post(url, { first: 100, after });
        expect(refused.errors[0].extensions.code).toBe('CURSOR_EXPIRED');
        expect(refused.errors[0].message).toMatch(/store is unavailable/);
        const firstPage = await post(url, { first: 100 });
        expect(firstPage.errors).toBeUndefined();
        expect(firstPage.data.jobs.edges.map((edge: any) => edge.node.jobId)).toEqual(
          reference.slice(0, 100),
        );
        // Its cursors could not be kept in Redis: they carry their positions and still work.
        const next = await post(url, { first: 5, after: firstPage.data.jobs.pageInfo.endCursor });
        expect(next.data.jobs.edges.map((edge: any) => edge.node.jobId)).toEqual(
          reference.slice(100, 105),
        );
        const down = await readyz(url);
        expect(down.status).toBe(503);
        expect(down.body.failing[0].name).toBe('store');
        expect(down.body.failing[0].reason).toMatch(/Redis/);
        // Each gateway reconnects by itself (back-off at most 2 s); neither can be ready while
        // Redis is down, so each one's next `ready` is its reconnection.
        const reconnected = storeReady.map((events) => once(events, 'ready'));
        await redis.start();
        await Promise.all(reconnected);
        for (const gateway of [a, b]) {
          expect((await readyz(gateway.url)).body).toEqual({ status: 'ready' });
        }
      }
      const response: any = await post(url, { first: 100, after });
      expect(response.errors).toBeUndefined();
      seen.push(...response.data.jobs.edges.map((edge: any) => edge.node.jobId));
      if (!response.data.jobs.pageInfo.hasNextPage) break;
      after = response.data.jobs.pageInfo.endCursor;
    }
    expect(seen).toEqual(reference);
  } finally {
    await Promise.all([a.close(), b.close()]);
  }
}, 120_000);

it("shares Apollo Server's cache through Redis: a query persisted on one replica runs by its hash on the other", async () => {
  const config = {
    port: 0,
    endpoint: emulator.url,
    region: 'us-east-1',
    logLevel: 'silent',
    store: redis.url,
  };
  const [a, b] = await Promise.all([startGateway(config), startGateway(config)]);
  try {
    const query = '{ sources(first: 2) { nodes { name } } }';
    const sha256Hash = createHash('sha256').update(query).digest('hex');
    const extensions = { persistedQuery: { version: 1, sha256Hash } };
    const ask = async (url: string, body: Record<string, unknown>) => {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return (await response.json()) as any;
    };
    const unknown = await ask(b.url, { extensions });
    expect(unknown.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect((await ask(a.url, { query, extensions })).errors).toBeUndefined();
    // Apollo writes a newly persisted query to its cache without awaiting the write, so the
    // response can come back before Redis has it: ask again until the write has landed.
    let byHash = await ask(b.url, { extensions });
    for (
      let attempt = 0;
      attempt < 50 && byHash.errors?.[0]?.extensions?.code === 'PERSISTED_QUERY_NOT_FOUND';
      attempt++
    ) {
      byHash = await ask(b.url, { extensions });
    }
    expect(byHash.errors).toBeUndefined();
    expect(byHash.data.sources.nodes).toHaveLength(2);
  } finally {
    await Promise.all([a.close(), b.close()]);
  }
});

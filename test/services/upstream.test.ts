/**
 * The upstream policy, per service: an in-flight cap, a time-out over the whole call (the wait for
 * a slot included), a circuit breaker that fails at once while open and closes after a probe, and
 * a rate that backs off on throttling. One service never holds back another.
 */
import { createAwsClients, destroyAwsClients, type AwsClients } from '../../src/services/clients';
import { Upstream } from '../../src/services/upstream';

let clients: AwsClients;
beforeAll(() => {
  clients = createAwsClients({ endpoint: 'http://127.0.0.1:9', region: 'us-east-1' });
});
afterAll(() => destroyAwsClients(clients));

const outage = () =>
  Object.assign(new Error('boom'), {
    name: 'InternalServerException',
    $fault: 'server',
    $metadata: { httpStatusCode: 500 },
  });
const throttle = () =>
  Object.assign(new Error('slow down'), {
    name: 'ThrottlingException',
    $fault: 'client',
    $metadata: { httpStatusCode: 429 },
  });

it('never runs more calls to one service at once than its cap, and does not hold back the others', async () => {
  const upstream = new Upstream(clients, { concurrency: { KENDRA: 2, QCONNECT: 5 } });
  const inFlight = { KENDRA: 0, QCONNECT: 0 };
  const peak = { KENDRA: 0, QCONNECT: 0 };
  const release: (() => void)[] = [];
  // Told when a call starts and waits for its release.
  let started: () => void = () => undefined;
  const call = (service: 'KENDRA' | 'QCONNECT') =>
    upstream.call({ service, operation: 'ListThings' }, async () => {
      inFlight[service]++;
      peak[service] = Math.max(peak[service], inFlight[service]);
      await new Promise<void>((resolve) => {
        release.push(resolve);
        started();
      });
      inFlight[service]--;
      return service;
    });
  const all = Promise.all(
    [...Array(10)].map(() => call('KENDRA')).concat([...Array(10)].map(() => call('QCONNECT'))),
  );
  // Release calls one at a time until every call has run; a release lets a queued call start.
  for (let released = 0; released < 20; released++) {
    if (release.length === 0) await new Promise<void>((resolve) => (started = resolve));
    release.shift()!();
  }
  const results = await all;
  expect(results.filter((r) => r === 'KENDRA')).toHaveLength(10);
  expect(peak).toEqual({ KENDRA: 2, QCONNECT: 5 });
  expect(upstream.snapshot().KENDRA).toMatchObject({
    inFlight: 0,
    inFlightLimit: 2,
    circuitOpen: false,
  });
});

it('counts the wait for a slot in the time-out: a queued call times out while the slot is held', async () => {
  const upstream = new Upstream(clients, {
    concurrency: { KENDRA: 1 },
    timeoutMs: 200,
    breakerFailures: 1,
  });
  // A call stuck past its time-out (as if it ignored its abort signal) keeps its slot.
  let release: (value: string) => void = () => undefined;
  const holder = upstream
    .call(
      { service: 'KENDRA', operation: 'ListIndices' },
      () => new Promise<string>((resolve) => (release = resolve)),
    )
    .catch((error: unknown) => error);
  let ran = false;
  const queued = upstream.call({ service: 'KENDRA', operation: 'ListIndices' }, async () => {
    ran = true;
    return 'late';
  });
  await expect(queued).rejects.toMatchObject({
    extensions: { code: 'UPSTREAM_TIMEOUT', service: 'KENDRA' },
  });
  expect(await holder).toMatchObject({ extensions: { code: 'UPSTREAM_TIMEOUT' } });
  release('done');
  await new Promise((resolve) => setImmediate(resolve));
  expect(ran).toBe(false);
  expect(upstream.snapshot().KENDRA.inFlight).toBe(0);
  // Waiting in the gateway's own queue is not the service's failure: the breaker stays closed.
  expect(upstream.snapshot().KENDRA.circuitOpen).toBe(false);
});

it('opens the breaker after 5 outages: calls fail at once with retryAfter; a probe closes it again', async () => {
  // The policy's clock, moved by the test: the breaker reads nothing else.
  let now = Date.parse('2026-01-01T00:00:00Z');
  const upstream = new Upstream(clients, {
    breakerFailures: 5,
    breakerHalfOpenMs: 15_000,
    now: () => now,
  });
  for (let i = 0; i < 5; i++) {
    await expect(
      upstream.call({ service: 'QBUSINESS', operation: 'GetIndex' }, async () => {
        throw outage();
      }),
    ).rejects.toMatchObject({ extensions: { code: 'UPSTREAM_UNAVAILABLE' } });
  }
  let calls = 0;
  const counted = async () => {
    calls++;
    return 'fine';
  };
  const refused = upstream.call({ service: 'QBUSINESS', operation: 'GetIndex' }, counted);
  await expect(refused).rejects.toMatchObject({
    extensions: { code: 'UPSTREAM_UNAVAILABLE', service: 'QBUSINESS', retryAfter: 15 },
  });
  expect(calls).toBe(0);
  expect(upstream.snapshot().QBUSINESS.circuitOpen).toBe(true);
  // Another service is not affected.
  await expect(
    upstream.call({ service: 'KENDRA', operation: 'ListIndices' }, counted),
  ).resolves.toBe('fine');
  now += 10_000;
  await expect(
    upstream.call({ service: 'QBUSINESS', operation: 'GetIndex' }, counted),
  ).rejects.toMatchObject({
    extensions: { retryAfter: 5 },
  });
  now += 5_001;
  await expect(
    upstream.call({ service: 'QBUSINESS', operation: 'GetIndex' }, counted),
  ).resolves.toBe('fine');
  expect(upstream.snapshot().QBUSINESS.circuitOpen).toBe(false);
  await expect(
    upstream.call({ service: 'QBUSINESS', operation: 'GetIndex' }, counted),
  ).resolves.toBe('fine');
  expect(calls).toBe(3);
});

it('does not count what is not an outage (not found, throttling) towards the breaker', async () => {
  const upstream = new Upstream(clients, { breakerFailures: 2 });
  const notFound = Object.assign(new Error('no'), {
    name: 'ResourceNotFoundException',
    $metadata: { httpStatusCode: 404 },
  });
  for (const error of [notFound, throttle(), notFound, throttle()]) {
    await expect(
      upstream.call({ service: 'KENDRA', operation: 'DescribeIndex' }, async () => {
        throw error;
      }),
    ).rejects.toBeDefined();
  }
  expect(upstream.snapshot().KENDRA.circuitOpen).toBe(false);
});

it('backs the rate of an operation off when the service throttles, and lets it recover', async () => {
  let now = 1_000_000;
  const upstream = new Upstream(clients, {
    rateLimit: () => ({ rate: 10, burst: 100 }),
    now: () => now,
  });
  const rateOf = () =>
    upstream.snapshot().KENDRA.rates.find((r) => r.operation === 'ListDataSourceSyncJobs')!;
  await upstream.call({ service: 'KENDRA', operation: 'ListDataSourceSyncJobs' }, async () => 'ok');
  expect(rateOf()).toEqual({ operation: 'ListDataSourceSyncJobs', rate: 10, configuredRate: 10 });
  await expect(
    upstream.call({ service: 'KENDRA', operation: 'ListDataSourceSyncJobs' }, async () => {
      throw throttle();
    }),
  ).rejects.toMatchObject({ extensions: { code: 'UPSTREAM_THROTTLED' } });
  expect(rateOf().rate).toBe(5);
  now += 5_000;
  expect(rateOf().rate).toBe(10);
});

it('turns a failure into a gateway error that hides the upstream message', async () => {
  const upstream = new Upstream(clients);
  const failing = upstream.call({ service: 'QBUSINESS', operation: 'GetIndex' }, async () => {
    throw outage();
  });
  await expect(failing).rejects.toMatchObject({
    extensions: { code: 'UPSTREAM_UNAVAILABLE', service: 'QBUSINESS' },
  });
  await expect(failing).rejects.not.toHaveProperty('message', 'boom');
  await expect(
    upstream.call({ service: 'QBUSINESS', operation: 'GetIndex' }, async () => 'next'),
  ).resolves.toBe('next');
});

it('charges the calls made in a request scope to its budget, and background work to no one', async () => {
  const { attachCallBudget, outsideCallScope, runInCallScope } =
    await import('../../src/services/callBudget');
  const upstream = new Upstream(clients);
  let spent = 0;
  const budget = {
    spend() {
      if (spent >= 2) throw new Error('budget spent');
      spent++;
    },
  };
  const call = () =>
    upstream.call({ service: 'KENDRA', operation: 'ListIndices' }, async () => 'ok');
  await runInCallScope(async () => {
    attachCallBudget(budget);
    await expect(call()).resolves.toBe('ok');
    await expect(call()).resolves.toBe('ok');
    await expect(call()).rejects.toThrow('budget spent');
    await expect(outsideCallScope(call)).resolves.toBe('ok');
  });
  expect(spent).toBe(2);
});

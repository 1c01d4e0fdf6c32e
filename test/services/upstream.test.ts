/** Upstream calls to one service run with a bounded concurrency, shared by every request. */
import { createAwsClients, destroyAwsClients } from '../../src/services/clients';
import { Upstream } from '../../src/services/upstream';

it('never runs more calls to one service at once than its limit, and does not hold back the others', async () => {
  const clients = createAwsClients({ endpoint: 'http://127.0.0.1:9', region: 'us-east-1' });
  const upstream = new Upstream(clients, { concurrency: { KENDRA: 2, QCONNECT: 5 } });
  const inFlight = { KENDRA: 0, QCONNECT: 0 };
  const peak = { KENDRA: 0, QCONNECT: 0 };
  const call = (service: 'KENDRA' | 'QCONNECT') =>
    upstream.call({ service, operation: 'ListThings' }, async () => {
      inFlight[service]++;
      peak[service] = Math.max(peak[service], inFlight[service]);
      // one turn of the event loop: every call the limiter lets through starts before any ends
      await new Promise((resolve) => setImmediate(resolve));
      inFlight[service]--;
      return service;
    });
  const results = await Promise.all([...Array(10)].map(() => call('KENDRA')).concat([...Array(10)].map(() => call('QCONNECT'))));
  expect(results.filter((r) => r === 'KENDRA')).toHaveLength(10);
  expect(peak).toEqual({ KENDRA: 2, QCONNECT: 5 });
  destroyAwsClients(clients);
});

it('turns a failure into a gateway error and frees its slot', async () => {
  const clients = createAwsClients({ endpoint: 'http://127.0.0.1:9', region: 'us-east-1' });
  const upstream = new Upstream(clients, { concurrency: { QBUSINESS: 1 } });
  const failing = upstream.call({ service: 'QBUSINESS', operation: 'GetIndex' }, async () => {
    throw Object.assign(new Error('boom'), { name: 'InternalServerException', $fault: 'server', $metadata: { httpStatusCode: 500 } });
  });
  await expect(failing).rejects.toMatchObject({ extensions: { code: 'UPSTREAM_UNAVAILABLE', service: 'QBUSINESS' } });
  await expect(failing).rejects.not.toHaveProperty('message', 'boom');
  await expect(upstream.call({ service: 'QBUSINESS', operation: 'GetIndex' }, async () => 'next')).resolves.toBe('next');
  destroyAwsClients(clients);
});

/** `/readyz`'s checks: all at once, each bounded, and every failing one named with its reason. */
import { readiness } from '../../src/server/readiness';

it('is ready when every check passes', async () => {
  const report = await readiness([{ name: 'store', check: async () => ({ ok: true }) }]);
  expect(report).toEqual({ httpStatus: 200, body: { status: 'ready' } });
});

it('names each failing check and its reason, whether it answers, throws or hangs', async () => {
  const report = await readiness(
    [
      {
        name: 'store',
        check: async () => ({ ok: false, reason: 'Redis PING failed: The client is offline' }),
      },
      { name: 'ok', check: async () => ({ ok: true }) },
      { name: 'throws', check: async () => Promise.reject(new Error('boom')) },
      { name: 'hangs', check: () => new Promise(() => undefined) },
    ],
    20,
  );
  expect(report).toEqual({
    httpStatus: 503,
    body: {
      status: 'unavailable',
      failing: [
        { name: 'store', reason: 'Redis PING failed: The client is offline' },
        { name: 'throws', reason: 'boom' },
        { name: 'hangs', reason: 'no answer within 20 ms' },
      ],
    },
  });
});

/**
 * The listener: HTTP/1.1 and h2c on one port, JSON errors for whatever does not route, request ids
 * on every reply, and a `close()` that ends every socket and HTTP/2 session at once.
 */
import { getEventListeners } from 'node:events';
import http2 from 'node:http2';
import net from 'node:net';
import { ManualClock, startEmulator } from '../../../src/emulator';
import { APP, KENDRA_INDEX, smallFixture, startTestBed, type TestBed } from '../support';

let bed: TestBed;
beforeAll(async () => {
  bed = await startTestBed();
});
beforeEach(() => bed.emu.resetStats());
afterAll(() => bed.close());

/** One request over a raw h2c session (prior knowledge, as the Q Business client does). */
async function h2Request(
  url: string,
  headers: http2.OutgoingHttpHeaders,
  body?: string,
): Promise<{ status: number; headers: http2.IncomingHttpHeaders; body: string }> {
  const session = http2.connect(url);
  try {
    return await new Promise((resolve, reject) => {
      const stream = session.request(headers);
      let data = '';
      let responseHeaders: http2.IncomingHttpHeaders = {};
      stream.on('response', (h) => (responseHeaders = h));
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => (data += chunk));
      stream.on('end', () =>
        resolve({
          status: Number(responseHeaders[':status']),
          headers: responseHeaders,
          body: data,
        }),
      );
      stream.on('error', reject);
      stream.end(body);
    });
  } finally {
    session.close();
  }
}

/**
 * Writes raw bytes on a TCP connection and collects what comes back until the reply is complete
 * or the server closes. A server that waited for more bytes would never answer, and the test
 * would fail on its timeout.
 */
async function rawExchange(port: number, bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(bytes));
    let data = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => {
      data += chunk;
      if (data.includes('\r\n\r\n') && /content-length: (\d+)/i.test(data)) {
        const length = Number(/content-length: (\d+)/i.exec(data)![1]);
        if (data.length - data.indexOf('\r\n\r\n') - 4 >= length) socket.end();
      }
    });
    socket.on('close', () => resolve(data));
    socket.on('error', reject);
  });
}

describe('the listener', () => {
  test('serves Kendra and Q Business over h2c and HTTP/1.1 on one port', async () => {
    const kendra = await h2Request(
      bed.emu.url,
      { ':method': 'POST', ':path': '/', 'x-amz-target': 'AWSKendraFrontendService.DescribeIndex' },
      JSON.stringify({ Id: KENDRA_INDEX }),
    );
    expect(kendra.status).toBe(200);
    expect(JSON.parse(kendra.body)).toMatchObject({ Id: KENDRA_INDEX, Name: 'main-index' });
    expect(kendra.headers['x-amzn-requestid']).toEqual(expect.any(String));
    const qbusiness = await h2Request(bed.emu.url, {
      ':method': 'GET',
      ':path': `/applications/${APP}`,
    });
    expect(JSON.parse(qbusiness.body)).toMatchObject({ applicationId: APP });
    const overH1 = await fetch(`${bed.emu.url}/applications/${APP}`);
    expect(await overH1.json()).toMatchObject({ applicationId: APP });
  });

  test('answers a request shorter than the HTTP/2 preface without waiting for more bytes', async () => {
    const reply = await rawExchange(bed.emu.port, 'GET /x HTTP/1.0\r\n\r\n');
    expect(reply).toMatch(/^HTTP\/1\.[01] 404/);
    expect(reply).toContain('"__type":"UnknownOperationException"');
  });

  test('answers an unattributable path with a JSON 404 and counts it nowhere', async () => {
    const response = await fetch(`${bed.emu.url}/favicon.ico`);
    expect(response.status).toBe(404);
    expect(response.headers.get('x-amzn-errortype')).toBe('UnknownOperationException');
    expect(response.headers.get('x-amzn-requestid')).toBeTruthy();
    expect(await response.json()).toMatchObject({
      __type: 'UnknownOperationException',
      message: expect.stringContaining('/favicon.ico'),
    });
    expect(bed.emu.stats()).toEqual({ calls: {} });
  });

  test('answers an unknown path in the protocol of the service its SigV4 scope names', async () => {
    const authorization =
      'AWS4-HMAC-SHA256 Credential=test/20250101/us-east-1/kendra/aws4_request, ' +
      'SignedHeaders=host, Signature=x';
    const kendra = await fetch(`${bed.emu.url}/nowhere`, {
      method: 'POST',
      headers: { authorization },
      body: '{}',
    });
    expect(kendra.status).toBe(400);
    expect(await kendra.json()).toMatchObject({
      __type: 'UnknownOperationException',
      Message: expect.any(String),
    });
    const wisdom = await fetch(`${bed.emu.url}/nowhere`, {
      headers: { authorization: authorization.replace('/kendra/', '/wisdom/') },
    });
    expect(wisdom.status).toBe(404);
    expect(await wisdom.json()).toEqual({ message: expect.any(String) });
    expect(bed.emu.stats()).toEqual({ calls: { 'kendra.Unknown': 1, 'qconnect.Unknown': 1 } });
  });

  test('close() ends open HTTP/2 sessions, half-sent prefaces and pending latency', async () => {
    // On a clock nobody moves, a pending latency wait never ends by itself: close() must not
    // wait for it, and must drop it.
    const clock = new ManualClock();
    const emu = await startEmulator({ port: 0, fixture: smallFixture(), latencyMs: 10_000, clock });
    const halfPreface = net.connect(emu.port, '127.0.0.1');
    const halfClosed = new Promise<void>((resolve) => halfPreface.once('close', () => resolve()));
    halfPreface.on('error', () => undefined);
    await new Promise<void>((resolve) => halfPreface.once('connect', () => resolve()));
    await new Promise<void>((resolve) => halfPreface.write('PRI * HTTP/2.0\r\n', () => resolve()));
    const session = http2.connect(emu.url);
    await new Promise<void>((resolve) => session.once('connect', () => resolve()));
    const sessionClosed = new Promise<void>((resolve) => session.once('close', () => resolve()));
    session.on('error', () => undefined);
    const held = clock.nextSleep();
    const pending = session.request({ ':method': 'GET', ':path': '/applications' });
    pending.on('error', () => undefined);
    pending.end();
    await held;
    expect(clock.sleepers()).toEqual([10_000]);
    await emu.close();
    await Promise.all([sessionClosed, halfClosed]);
    expect(clock.sleepers()).toEqual([]);
    await expect(fetch(emu.url)).rejects.toThrow();
  });

  test('puts no more than one listener on any abort signal, however many requests wait in their latency', async () => {
    // Node warns of a leak past ten listeners on one signal; a loaded emulator has hundreds of
    // requests in their latency at once, so each wait must listen on a signal of its own.
    const signals: AbortSignal[] = [];
    const clock = new (class extends ManualClock {
      override sleep(ms: number, signal: AbortSignal): Promise<void> {
        signals.push(signal);
        return super.sleep(ms, signal);
      }
    })();
    const emu = await startEmulator({ port: 0, fixture: smallFixture(), latencyMs: 1000, clock });
    try {
      const replies = [...Array(20)].map(() => fetch(`${emu.url}/applications/${APP}`));
      while (clock.sleepers().length < 20) await clock.nextSleep();
      const most = Math.max(...signals.map((signal) => getEventListeners(signal, 'abort').length));
      expect(most).toBe(1);
      clock.advance(1000);
      const statuses = await Promise.all(replies.map(async (reply) => (await reply).status));
      expect(statuses).toEqual(Array(20).fill(200));
      expect(signals.map((signal) => getEventListeners(signal, 'abort').length)).toEqual(
        Array(20).fill(0),
      );
    } finally {
      await emu.close();
    }
  });
});

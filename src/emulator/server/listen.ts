/**
 * One TCP port serving HTTP/1.1 and cleartext HTTP/2 (h2c with prior knowledge, what the Q Business
 * client speaks on `http://`): each connection's first bytes are compared with the HTTP/2 preface
 * and the socket is handed to an `http` or an `http2` server accordingly. Requests are read in full
 * and passed to one handler as `EmulatorRequest`; its `EmulatorReply` is written back with an
 * `x-amzn-RequestId`.
 *
 * Danger: sniffing must not lose or reorder bytes (what was read is unshifted before the hand-over,
 * and it is read with 'readable'/read(), since a 'data' listener then resume() breaks h2 sessions),
 * and `close()` must destroy every socket and HTTP/2 session, or jest never exits.
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import http2 from 'node:http2';
import net from 'node:net';
import type { EmulatorReply, EmulatorRequest } from '../protocols/wire';

const PREFACE = Buffer.from('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n', 'latin1');
/** Fixtures for benchmarks can be large; anything beyond this is refused with 413. */
const MAX_BODY_BYTES = 256 * 1024 * 1024;

/** The listening socket: its port, and `close()`, which ends every socket and session. */
export interface ListeningServer {
  port: number;
  close(): Promise<void>;
}

/** Where to listen, and the one function that answers every request read in full. */
export interface ServerOptions {
  port: number;
  host: string;
  handle(request: EmulatorRequest): Promise<EmulatorReply>;
  /** Reports an exception the handler did not turn into a reply. */
  onError(error: unknown): void;
}

type AnyRequest = http.IncomingMessage | http2.Http2ServerRequest;
type AnyResponse = http.ServerResponse | http2.Http2ServerResponse;

/** Starts listening; resolves once the port is bound (port 0 picks a free one). */
export async function listen(options: ServerOptions): Promise<ListeningServer> {
  const sockets = new Set<net.Socket>();
  const sessions = new Set<http2.ServerHttp2Session>();
  const onRequest = (req: AnyRequest, res: AnyResponse): void => {
    void respond(req, res, options);
  };
  const h1 = http.createServer(onRequest);
  const h2 = http2.createServer({}, onRequest);
  h1.on('clientError', (_error, socket) => socket.destroy());
  h2.on('session', (session) => {
    sessions.add(session);
    session.on('close', () => sessions.delete(session));
    session.on('error', () => undefined);
  });
  h2.on('sessionError', () => undefined);

  const tcp = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    sniff(socket, (isHttp2) => (isHttp2 ? h2 : h1).emit('connection', socket));
  });
  await new Promise<void>((resolve, reject) => {
    tcp.once('error', reject);
    tcp.listen(options.port, options.host, () => {
      tcp.off('error', reject);
      resolve();
    });
  });
  const address = tcp.address() as net.AddressInfo;
  let closing: Promise<void> | undefined;
  return {
    port: address.port,
    close() {
      closing ??= new Promise<void>((resolve) => {
        tcp.close(() => resolve());
        for (const session of sessions) session.destroy();
        for (const socket of sockets) socket.destroy();
      });
      return closing;
    },
  };
}

/** Reads until the first bytes decide the protocol, puts them back, then calls `decide`. */
function sniff(socket: net.Socket, decide: (isHttp2: boolean) => void): void {
  let head = Buffer.alloc(0);
  const onEnd = (): void => {
    socket.destroy();
  };
  const onReadable = (): void => {
    let chunk: Buffer | null;
    while ((chunk = socket.read() as Buffer | null) !== null) head = Buffer.concat([head, chunk]);
    const n = Math.min(head.length, PREFACE.length);
    if (n === 0) return;
    const mayBeHttp2 = head.subarray(0, n).equals(PREFACE.subarray(0, n));
    // a prefix of the preface: wait for more
    if (mayBeHttp2 && head.length < PREFACE.length) return;
    socket.off('readable', onReadable);
    socket.off('end', onEnd);
    socket.unshift(head);
    decide(mayBeHttp2);
  };
  socket.on('readable', onReadable);
  socket.on('end', onEnd);
}

async function respond(req: AnyRequest, res: AnyResponse, options: ServerOptions): Promise<void> {
  const requestId = randomUUID();
  let reply: EmulatorReply;
  try {
    const body = await readBody(req);
    if (body === undefined) {
      reply = plainError(
        413,
        'RequestEntityTooLargeException',
        `The request body is larger than ${MAX_BODY_BYTES} bytes`,
      );
    } else {
      const url = req.url ?? '/';
      const queryAt = url.indexOf('?');
      reply = await options.handle({
        method: req.method ?? 'GET',
        path: queryAt === -1 ? url : url.slice(0, queryAt),
        query: new URLSearchParams(queryAt === -1 ? '' : url.slice(queryAt + 1)),
        headers: req.headers,
        body,
      });
    }
  } catch (error) {
    options.onError(error);
    reply = plainError(
      500,
      'InternalServerException',
      `The emulator failed: ${(error as Error)?.message ?? String(error)}`,
    );
  }
  if (res.writableEnded) return;
  const headers = {
    ...reply.headers,
    'x-amzn-requestid': requestId,
    'content-length': String(Buffer.byteLength(reply.body)),
  };
  try {
    (res as http.ServerResponse).writeHead(reply.status, headers);
    res.end(reply.body);
  } catch {
    // the client went away (socket closed, HTTP/2 stream reset) while the reply was being made
  }
}

/** The whole body, or undefined when it exceeds the limit. */
async function readBody(req: AnyRequest): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function plainError(status: number, type: string, message: string): EmulatorReply {
  return {
    status,
    headers: { 'content-type': 'application/json', 'x-amzn-errortype': type },
    body: JSON.stringify({ __type: type, message }),
  };
}

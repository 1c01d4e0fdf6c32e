/**
 * Graceful stop of the HTTP server: stop accepting, let the requests in flight finish (up to a
 * grace period), close keep-alive sockets as they go idle, then close whatever is left.
 * Danger: attach it before the server takes requests; requests it did not see are not waited for.
 */
import type http from 'node:http';

export interface RequestTracker {
  /** Requests whose response has not finished. */
  inFlight(): number;
  /** Stops the server; resolves true when every request finished within `graceMs`. */
  drain(graceMs: number): Promise<boolean>;
}

export function trackRequests(server: http.Server): RequestTracker {
  let active = 0;
  let draining = false;
  const idle = new Set<() => void>();
  server.on('request', (_req: http.IncomingMessage, res: http.ServerResponse) => {
    active += 1;
    if (draining) res.setHeader('connection', 'close');
    res.once('close', () => {
      active -= 1;
      // A finished response leaves a keep-alive socket behind: while draining, close it.
      if (draining) setImmediate(() => server.closeIdleConnections());
      if (active === 0) for (const resolve of idle) resolve();
    });
  });
  return {
    inFlight: () => active,
    async drain(graceMs) {
      draining = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      let timer: NodeJS.Timeout | undefined;
      const finished =
        active === 0 ||
        (await Promise.race([
          new Promise<boolean>((resolve) => idle.add(() => resolve(true))),
          new Promise<boolean>((resolve) => {
            timer = setTimeout(() => resolve(false), graceMs);
          }),
        ]));
      clearTimeout(timer);
      server.closeAllConnections();
      await closed;
      return finished;
    },
  };
}

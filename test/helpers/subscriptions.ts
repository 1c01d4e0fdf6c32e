/**
 * A `graphql-ws` client of the gateway (the `ws` package as its WebSocket), and one subscription
 * read as a queue: `next()` awaits the next emission, `completed()` whether the server ended it.
 * (The client's own `iterate()` misses a `complete` that arrives before the first read.)
 */
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

export interface Subscriber {
  client: Client;
  /** The next `data` payload; rejects with `{ errors }` when the server refused the subscription. */
  next(): Promise<any>;
  /** Resolves `true` once the server completed the subscription, `false` if a payload came first. */
  completed(): Promise<boolean>;
  close(): Promise<void>;
}

type Event =
  { kind: 'next'; value: any } | { kind: 'error'; error: unknown } | { kind: 'complete' };

export function wsUrl(gatewayUrl: string): string {
  return gatewayUrl.replace(/^http/, 'ws');
}

export function subscribe(
  gatewayUrl: string,
  query: string,
  variables: Record<string, unknown> = {},
  connectionParams?: Record<string, unknown>,
): Subscriber {
  const client = createClient({
    url: wsUrl(gatewayUrl),
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    connectionParams,
  });
  const events: Event[] = [];
  let wake: (() => void) | undefined;
  const push = (event: Event) => {
    events.push(event);
    wake?.();
  };
  const dispose = client.subscribe(
    { query, variables },
    {
      next: (value) => push({ kind: 'next', value }),
      error: (error) => push({ kind: 'error', error }),
      complete: () => push({ kind: 'complete' }),
    },
  );
  const take = async (): Promise<Event> => {
    while (events.length === 0) await new Promise<void>((resolve) => (wake = resolve));
    // The terminal event stays, so every later read sees it too.
    return events.length === 1 && events[0].kind !== 'next' ? events[0] : events.shift()!;
  };
  return {
    client,
    async next() {
      const event = await take();
      if (event.kind === 'complete') throw new Error('the subscription completed');
      if (event.kind === 'error') {
        const { error } = event;
        // graphql-ws reports refusals as the `error` message's GraphQL errors.
        throw Array.isArray(error)
          ? Object.assign(new Error('subscription refused'), { errors: error })
          : error;
      }
      if (event.value.errors)
        throw Object.assign(new Error('subscription error'), { errors: event.value.errors });
      return event.value.data;
    },
    async completed() {
      return (await take()).kind === 'complete';
    },
    async close() {
      dispose();
      await client.dispose();
    },
  };
}

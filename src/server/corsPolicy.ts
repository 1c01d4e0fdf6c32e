/**
 * Which web pages may call the gateway from a browser (CORS), through the `cors` package with an
 * origin function: none by default; `http://localhost:*` and `http://127.0.0.1:*` in development
 * mode; and the origins of `--cors-origin`: exact (`https://app.example.com`) or wildcard hosts
 * (`https://*.example.com`; `*.example.com` alone means https). A disallowed origin gets no
 * `access-control-allow-origin` at all. Danger: CORS only tells browsers what they may read; it is
 * no authentication, and Apollo's CSRF prevention must stay on next to it.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import cors from 'cors';

/** The request headers a browser client may send: auth, Apollo Client's, and ours. */
export const ALLOWED_HEADERS = [
  'authorization',
  'content-type',
  'apollo-require-preflight',
  'apollographql-client-name',
  'apollographql-client-version',
  'x-apollo-operation-name',
  'x-request-id',
];

const DEVELOPMENT_ORIGINS = ['http://localhost:*', 'http://127.0.0.1:*'];

const PATTERN =
  /^(?:(https?):\/\/)?(\*\.)?([a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])(?::(\d{1,5}|\*))?$/;

/** Turns one `--cors-origin` entry into a matcher; a malformed entry throws with the reason. */
export function originMatcher(entry: string): RegExp {
  const match = PATTERN.exec(entry.trim().toLowerCase());
  if (!match) {
    throw new Error(
      `--cors-origin: "${entry}" is not an origin (scheme://host[:port], without a path) ` +
        'nor a pattern like https://*.example.com',
    );
  }
  const [, scheme, wildcard, host, port] = match;
  if (!scheme && !wildcard)
    throw new Error(`--cors-origin: "${entry}" needs its scheme (https://${entry})`);
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const hostPart = `${wildcard ? '(?:[a-z0-9-]+\\.)+' : ''}${escape(host)}`;
  const portPart = port === '*' ? '(?::\\d{1,5})?' : port ? `:${port}` : '';
  return new RegExp(`^${scheme ?? 'https'}://${hostPart}${portPart}$`);
}

export interface CorsPolicyOptions {
  /** `--cors-origin` entries. */
  origins: string[];
  /** Development mode also allows pages served from localhost and 127.0.0.1, on any port. */
  development: boolean;
}

/** Is a browser page of `origin` allowed? */
export function createOriginCheck(
  options: CorsPolicyOptions,
): (origin: string | undefined) => boolean {
  const matchers = [...options.origins, ...(options.development ? DEVELOPMENT_ORIGINS : [])].map(
    originMatcher,
  );
  return (origin) =>
    origin !== undefined && matchers.some((matcher) => matcher.test(origin.toLowerCase()));
}

/**
 * The CORS step of the edge: sets the headers of an allowed origin and answers preflights.
 * Resolves `true` when it has answered the request itself (a preflight).
 */
export function createCorsPolicy(
  options: CorsPolicyOptions,
): (req: IncomingMessage, res: ServerResponse) => Promise<boolean> {
  const allowed = createOriginCheck(options);
  const middleware = cors({
    origin: (origin, callback) => callback(null, allowed(origin)),
    methods: ['GET', 'POST', 'OPTIONS'],
    allowedHeaders: ALLOWED_HEADERS,
    exposedHeaders: ['x-request-id'],
    maxAge: 600,
  });
  return (req, res) =>
    new Promise((resolve, reject) => {
      middleware(req, res, (error?: unknown) => (error ? reject(error) : resolve(false)));
      // With a synchronous origin function, a preflight has been answered by the time it returns.
      if (res.writableEnded) resolve(true);
    });
}

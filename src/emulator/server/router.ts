/**
 * Tells apart the four things one port serves: the control API (`/_emulator/...`), Kendra (`POST /`
 * with `X-Amz-Target`), Q Business (paths under `/applications`) and Q Connect (paths under
 * `/knowledgeBases`). Anything else is answered in the protocol of the service its SigV4
 * credential scope names, or, with no scope, a JSON 404 that is counted nowhere.
 *
 * Danger: the SDK only turns JSON error bodies into typed exceptions; every fallback here answers
 * JSON carrying an error type, never an HTML page or an empty 404.
 */
import type { ServiceName } from '../fixture/fixture';
import type { HandlerDeps } from '../store/handlerDeps';
import { KENDRA_TARGET_PREFIX, kendraError } from '../protocols/awsJson';
import { routeKendra } from '../kendra/handler';
import { routeQBusiness } from '../qbusiness/handler';
import { routeQConnect } from '../qconnect/handler';
import { restJsonError } from '../protocols/restJson';
import { ServiceError } from '../protocols/serviceError';
import type { EmulatorReply, EmulatorRequest, OperationCall } from '../protocols/wire';

/** What a request is: the control API, a service operation, or an answer already made. */
export type Route =
  | { kind: 'control' }
  | { kind: 'service'; call: OperationCall }
  | { kind: 'none'; reply: EmulatorReply };

/** SigV4 signing names of the three services (Q Connect signs as `wisdom`). */
const SIGNING_NAMES: Record<string, ServiceName> = {
  kendra: 'kendra',
  qbusiness: 'qbusiness',
  wisdom: 'qconnect',
};

/** Routes one request; never throws (what nothing claims becomes a JSON 404). */
export function routeRequest(request: EmulatorRequest, deps: HandlerDeps): Route {
  const first = request.path.split('/')[1] ?? '';
  if (first === '_emulator') return { kind: 'control' };
  if (
    request.method === 'POST' &&
    request.path === '/' &&
    request.headers['x-amz-target'] !== undefined
  ) {
    return { kind: 'service', call: routeKendra(request, deps) };
  }
  if (first === 'applications') return { kind: 'service', call: routeQBusiness(request, deps) };
  if (first === 'knowledgeBases') return { kind: 'service', call: routeQConnect(request, deps) };
  const service = signingService(request);
  const message =
    `No operation matches ${request.method} ${request.path}: Kendra is POST / with ` +
    `X-Amz-Target ${KENDRA_TARGET_PREFIX}<Operation>, Q Business lives under /applications, ` +
    'Q Connect under /knowledgeBases, the control API under /_emulator/.';
  if (service) return { kind: 'service', call: unknownOperation(service, message) };
  const error = new ServiceError('UnknownOperationException', message, { status: 404 });
  return {
    kind: 'none',
    reply: {
      status: 404,
      headers: { 'content-type': 'application/json', 'x-amzn-errortype': error.type },
      body: JSON.stringify({ __type: error.type, message }),
    },
  };
}

/**
 * The service named by the request's SigV4 credential scope (`.../us-east-1/<name>/aws4_request`).
 */
function signingService(request: EmulatorRequest): ServiceName | undefined {
  const scope = /\/([a-z0-9-]+)\/aws4_request/.exec(String(request.headers.authorization ?? ''));
  return scope ? SIGNING_NAMES[scope[1]] : undefined;
}

function unknownOperation(service: ServiceName, message: string): OperationCall {
  const encodeError =
    service === 'kendra' ? kendraError : (error: ServiceError) => restJsonError(service, error);
  return {
    service,
    operation: 'Unknown',
    resourceIds: [],
    execute() {
      throw new ServiceError('UnknownOperationException', message, {
        status: service === 'kendra' ? 400 : 404,
      });
    },
    encodeError,
  };
}

/**
 * The restJson1 protocol as Q Business and Q Connect speak it: routes matched on method and
 * percent-decoded path segments, JSON replies, and errors typed by the `X-Amzn-Errortype` header
 * with a JSON body holding `message` and the shape's other members.
 *
 * Danger: the two services' error shapes differ (Q Business ValidationException needs `reason`,
 * its ResourceNotFound/Conflict need `resourceId` and `resourceType`; Q Connect's ResourceNotFound
 * has `resourceName`); sending the wrong members leaves the SDK's exception fields undefined.
 */
import type { ServiceError } from './serviceError';
import type { EmulatorReply } from './wire';

const JSON_TYPE = { 'content-type': 'application/json' };

/** A success reply: the output members as a JSON object. */
export function restJsonReply(output: object, status = 200): EmulatorReply {
  return { status, headers: { ...JSON_TYPE }, body: JSON.stringify(output) };
}

/** An error reply in the shape `service`'s model declares for `error.type`. */
export function restJsonError(
  service: 'qbusiness' | 'qconnect',
  error: ServiceError,
): EmulatorReply {
  const body: Record<string, unknown> = { message: error.message };
  const { field, resourceId, resourceType } = error.detail;
  if (service === 'qbusiness') {
    if (error.type === 'ValidationException') {
      body.reason = 'FIELD_VALIDATION_FAILED';
      if (field) body.fields = [{ name: field, message: error.message }];
    }
    if (error.type === 'ResourceNotFoundException' || error.type === 'ConflictException') {
      body.resourceId = resourceId ?? '';
      body.resourceType = resourceType ?? '';
    }
  } else if (error.type === 'ResourceNotFoundException' && resourceId !== undefined) {
    body.resourceName = resourceId;
  }
  return {
    status: error.status,
    headers: { ...JSON_TYPE, 'x-amzn-errortype': error.type },
    body: JSON.stringify(body),
  };
}

/** A route: method, operation name and path pattern, `:name` segments being labels. */
export interface RestRoute {
  method: string;
  operation: string;
  pattern: readonly string[];
}

/**
 * A matched route, or operation `Unknown` with the status to answer (404 no such path, 405 wrong
 * method).
 */
export interface RouteMatch {
  operation: string;
  labels: Record<string, string>;
  status?: 404 | 405;
}

/**
 * Splits a raw path on `/` and then percent-decodes each segment (never the other way round: an
 * encoded `/` inside a label must stay inside it). Undefined for a malformed escape.
 */
export function splitPath(path: string): string[] | undefined {
  try {
    return path
      .split('/')
      .filter((segment) => segment !== '')
      .map((segment) => decodeURIComponent(segment));
  } catch {
    return undefined;
  }
}

/**
 * The route `method` + `segments` match: 404 when no pattern fits, 405 when only the method is
 * wrong.
 */
export function matchRoute(
  routes: readonly RestRoute[],
  method: string,
  segments: readonly string[],
): RouteMatch {
  let pathKnown = false;
  for (const route of routes) {
    const labels = matchPattern(route.pattern, segments);
    if (!labels) continue;
    if (route.method === method) return { operation: route.operation, labels };
    pathKnown = true;
  }
  return { operation: 'Unknown', labels: {}, status: pathKnown ? 405 : 404 };
}

function matchPattern(
  pattern: readonly string[],
  segments: readonly string[],
): Record<string, string> | undefined {
  if (pattern.length !== segments.length) return undefined;
  const labels: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i].startsWith(':')) labels[pattern[i].slice(1)] = segments[i];
    else if (pattern[i] !== segments[i]) return undefined;
  }
  return labels;
}

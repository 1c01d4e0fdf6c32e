/**
 * The shapes every layer between the socket and a handler shares: a request read in full, a reply
 * ready to write, and an operation call (what the router found, before faults and execution).
 *
 * Danger: `path` is the raw, still percent-encoded path; restJson labels must be split on `/`
 * before decoding (a Q Connect ARN label contains an encoded `/`).
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { ServiceName } from '../fixture/fixture';
import type { ServiceError } from './serviceError';

/** A request read in full, before routing. */
export interface EmulatorRequest {
  method: string;
  /** Raw path without the query string, e.g. `/knowledgeBases/arn%3Aaws%3A.../importJobs`. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** A reply ready to write: status, headers, and the body as text. */
export interface EmulatorReply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** What a handler needs besides the request. */
export interface CallOptions {
  /** A fault rule asked for enum values and union members the SDKs do not know. */
  unknownValues: boolean;
}

/** One service request, routed: named for stats and faults, ready to run and to encode. */
export interface OperationCall {
  service: ServiceName;
  /** The model's operation name; for an unknown target or route the requested name or `Unknown`. */
  operation: string;
  /** Ids the request names (for fault rules' `resourceId`), taken before validation. */
  resourceIds: string[];
  /** Validates the input and runs the operation; throws `ServiceError`. Returns the reply. */
  execute(options: CallOptions): EmulatorReply;
  /** Encodes an error the way this service's protocol does. */
  encodeError(error: ServiceError): EmulatorReply;
}

/** Epoch milliseconds as the epoch-seconds JSON number every body timestamp uses. */
export function epochSeconds(ms: number | undefined): number | undefined {
  return ms === undefined ? undefined : ms / 1000;
}

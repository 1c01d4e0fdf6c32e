/**
 * The awsJson1_1 protocol as Kendra speaks it: `POST /` with `X-Amz-Target:
 * AWSKendraFrontendService.<Operation>`, a JSON body with PascalCase members, replies typed
 * `application/x-amz-json-1.1`, errors typed by the body's `__type` with a `Message` member.
 *
 * Danger: the SDK reads `__type` before any header, and Kendra's ValidationException and
 * ResourceInUseException share status 400, so the type name alone picks the exception class.
 */
import { ServiceError } from './serviceError';
import type { EmulatorReply } from './wire';

const JSON_11 = { 'content-type': 'application/x-amz-json-1.1' };

/** The service prefix of every Kendra `X-Amz-Target`. */
export const KENDRA_TARGET_PREFIX = 'AWSKendraFrontendService.';

/** A success reply: the output members as an awsJson1_1 body. */
export function kendraReply(output: object): EmulatorReply {
  return { status: 200, headers: { ...JSON_11 }, body: JSON.stringify(output) };
}

/** An error reply: the type in `__type` (and the header), the text in `Message`. */
export function kendraError(error: ServiceError): EmulatorReply {
  return {
    status: error.status,
    headers: { ...JSON_11, 'x-amzn-errortype': error.type },
    body: JSON.stringify({ __type: error.type, Message: error.message }),
  };
}

/**
 * The request body as a JSON object. An empty body means `{}` (the spec requires accepting it);
 * anything that is not a JSON object is a SerializationException.
 */
export function parseKendraBody(body: Buffer): Record<string, unknown> {
  const text = body.toString('utf8').trim();
  if (text === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new ServiceError(
      'SerializationException',
      `Malformed JSON request body: ${(error as Error).message}`,
    );
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ServiceError('SerializationException', 'The request body must be a JSON object');
  }
  return parsed as Record<string, unknown>;
}

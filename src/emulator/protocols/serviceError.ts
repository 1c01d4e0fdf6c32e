/**
 * One error vocabulary for the three services: handlers throw `ServiceError` with the model's shape
 * name, and each protocol encoder (`kendra/protocol.ts`, `restJson.ts`) writes it the way its
 * protocol does (status, type location, message member, extra members).
 *
 * Danger: the type name decides which class the SDK throws. A name the service's model does not
 * declare becomes a generic `<Service>ServiceException`, so use only the shapes listed here.
 */

export type ErrorType =
  | 'ValidationException'
  | 'ResourceNotFoundException'
  | 'ResourceInUseException'
  | 'ConflictException'
  | 'AccessDeniedException'
  | 'ThrottlingException'
  | 'InternalServerException'
  | 'UnknownOperationException'
  | 'SerializationException';

/**
 * `@httpError` of each shape. ThrottlingException is 429 everywhere: the Kendra and Q Business
 * models say so, and Q Connect's model says 400 but its SDK retries by name, so 429 changes nothing
 * for the client and keeps one rule. UnknownOperationException is not modeled: 400 is what AWS JSON
 * services send for an unknown target; restJson routes answer 404 (unknown path) or 405 (method).
 */
const STATUS: Record<ErrorType, number> = {
  ValidationException: 400,
  ResourceNotFoundException: 404,
  ResourceInUseException: 400,
  ConflictException: 409,
  AccessDeniedException: 403,
  ThrottlingException: 429,
  InternalServerException: 500,
  UnknownOperationException: 400,
  SerializationException: 400,
};

/** The members some error shapes carry besides the message. */
export interface ServiceErrorDetail {
  /** The input member at fault (Q Business `fields[].name`). */
  field?: string;
  /** Q Business `resourceId` / Q Connect `resourceName`. */
  resourceId?: string;
  /** Q Business `resourceType`. */
  resourceType?: string;
  /** Overrides the shape's status (restJson router errors). */
  status?: number;
}

/** An error as a service answers it, named by the model's error shape. */
export class ServiceError extends Error {
  readonly status: number;

  constructor(
    readonly type: ErrorType,
    message: string,
    readonly detail: ServiceErrorDetail = {},
  ) {
    super(message);
    this.name = type;
    this.status = detail.status ?? STATUS[type];
  }
}

/** A ValidationException about one input member. */
export function invalidInput(field: string, message: string): ServiceError {
  return new ServiceError('ValidationException', message, { field });
}

/** The AWS wording of a member that breaks a constraint. */
export function constraintMessage(field: string, value: unknown, constraint: string): string {
  const shown = typeof value === 'string' ? value : JSON.stringify(value);
  return (
    `1 validation error detected: Value '${shown}' at '${field}' ` +
    `failed to satisfy constraint: Member ${constraint}`
  );
}

/**
 * Server-side validation of request members, shared by the three handlers: the SDKs validate
 * nothing but path labels, so required members, id patterns, enum values and page sizes are
 * checked here, each failure a ValidationException naming the member.
 *
 * Danger: a check missed here lets a bad id through to a lookup, which answers
 * ResourceNotFoundException where AWS answers ValidationException; the gateway maps them
 * differently.
 */
import {
  article,
  enumViolation,
  stringViolation,
  type EnumShape,
  type StringShape,
} from '../fixture/modelShapes';
import { constraintMessage, invalidInput } from './serviceError';

/** A required string member: present, a string, and fitting its shape. */
export function requiredString(value: unknown, field: string, shape: StringShape): string {
  if (value === undefined || value === null) {
    throw invalidInput(
      field,
      `1 validation error detected: Value null at '${field}' failed to satisfy constraint: ` +
        `Member must not be null`,
    );
  }
  return optionalString(value, field, shape) as string;
}

/** An optional string member: absent, or a string fitting its shape. */
export function optionalString(
  value: unknown,
  field: string,
  shape: StringShape,
): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string')
    throw invalidInput(field, constraintMessage(field, value, `must be a string (${shape.name})`));
  const problem = stringViolation(value, shape);
  if (problem) throw invalidInput(field, constraintMessage(field, value, problem));
  return value;
}

/** An optional enum member: absent, or one of the shape's values. */
export function optionalEnum(value: unknown, field: string, shape: EnumShape): string | undefined {
  if (value === undefined || value === null) return undefined;
  const problem =
    typeof value === 'string'
      ? enumViolation(value, shape)
      : `is not ${article(shape.name)} ${shape.name} string`;
  if (problem) {
    throw invalidInput(
      field,
      constraintMessage(field, value, `must satisfy enum value set: [${shape.values.join(', ')}]`),
    );
  }
  return value as string;
}

/**
 * A page size: a JSON number (Kendra) or a decimal query string (restJson), an integer within
 * 1..max. Absent means `max`: the models state no default, and the largest page costs the fewest
 * calls.
 */
export function pageSize(value: unknown, field: string, max: number): number {
  if (value === undefined || value === null) return max;
  const number = typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isInteger(number)) {
    throw invalidInput(
      field,
      constraintMessage(field, value, `must be an integer between 1 and ${max}`),
    );
  }
  if (number < 1)
    throw invalidInput(
      field,
      constraintMessage(field, value, 'must have value greater than or equal to 1'),
    );
  if (number > max)
    throw invalidInput(
      field,
      constraintMessage(field, value, `must have value less than or equal to ${max}`),
    );
  return number;
}

/**
 * Q Connect's `ExternalSourceConfiguration` and its `Configuration` tagged union, as the gateway
 * serves them. Danger: the union grows; `toConfigurationDetails` must never throw on a member it
 * does not know, whichever way the SDK delivers it (`{ $unknown: [name, value] }` from schema-based
 * clients, or the raw `{ name: value }` that client-qconnect 3.828 passes through).
 */

export interface ExternalSourceConfigurationModel {
  source: string;
  /** The union as the SDK returned it. */
  configuration: unknown;
}

/** The `ConnectConfiguration` member: the Amazon Connect instance. */
export interface ConnectConfigurationModel {
  kind: 'ConnectConfiguration';
  instanceId?: string;
}

/** A member this gateway does not know, kept by name and raw JSON. */
export interface UnknownConfigurationModel {
  kind: 'UnknownExternalSourceConfiguration';
  memberName: string;
  rawJson: string;
}

/** The union's member as the schema serves it. */
export type ConfigurationDetailsModel = ConnectConfigurationModel | UnknownConfigurationModel;

/** Picks the union member; null when the service sent no member at all. */
export function toConfigurationDetails(configuration: unknown): ConfigurationDetailsModel | null {
  if (configuration === null || typeof configuration !== 'object') return null;
  const union = configuration as Record<string, unknown>;
  if (Array.isArray(union.$unknown) && typeof union.$unknown[0] === 'string') {
    return unknownMember(union.$unknown[0], union.$unknown[1]);
  }
  // On the wire a union is an object with exactly one non-null member; `__type` is ignorable.
  const members = Object.entries(union).filter(([key, value]) => key !== '__type' && value != null);
  if (members.length === 0) return null;
  const connect = members.find(([key]) => key === 'connectConfiguration');
  if (connect) {
    const value = connect[1] as { instanceId?: unknown };
    return {
      kind: 'ConnectConfiguration',
      instanceId: typeof value.instanceId === 'string' ? value.instanceId : undefined,
    };
  }
  const [memberName, value] = members[0];
  return unknownMember(memberName, value);
}

function unknownMember(memberName: string, value: unknown): UnknownConfigurationModel {
  return {
    kind: 'UnknownExternalSourceConfiguration',
    memberName,
    rawJson: JSON.stringify(value ?? null),
  };
}

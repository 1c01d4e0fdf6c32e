/**
 * The service vocabulary, spelled once: the three services the gateway fronts (the GraphQL
 * `Service` enum), their display names, which service owns each kind of resource, and the labels
 * and ids messages use. Danger: adding a service means adding it here first; every exhaustive
 * table below (and the `never` checks that read them) then says where else it must go.
 */
import type { NodeRef } from './sources';

/** Every service, in the order listings and summaries use. */
export const SERVICES = ['KENDRA', 'QBUSINESS', 'QCONNECT'] as const;

/** One of the services (the GraphQL `Service` enum's values). */
export type Service = (typeof SERVICES)[number];

/** The name a person reads in messages: "Amazon Kendra". */
export const SERVICE_DISPLAY_NAMES: Readonly<Record<Service, string>> = {
  KENDRA: 'Amazon Kendra',
  QBUSINESS: 'Amazon Q Business',
  QCONNECT: 'Amazon Q in Connect',
};

/** The service that owns each kind of resource. */
const SERVICE_OF_KIND: Readonly<Record<NodeRef['kind'], Service>> = {
  KendraIndex: 'KENDRA',
  KendraDataSource: 'KENDRA',
  QBusinessApplication: 'QBUSINESS',
  QBusinessIndex: 'QBUSINESS',
  QBusinessDataSource: 'QBUSINESS',
  QConnectKnowledgeBase: 'QCONNECT',
};

/** How messages name each kind of resource: "Kendra data source". */
export const RESOURCE_LABELS: Readonly<Record<NodeRef['kind'], string>> = {
  KendraIndex: 'Kendra index',
  KendraDataSource: 'Kendra data source',
  QBusinessApplication: 'Q Business application',
  QBusinessIndex: 'Q Business index',
  QBusinessDataSource: 'Q Business data source',
  QConnectKnowledgeBase: 'Q Connect knowledge base',
};

/** The service a resource (index, application, data source, knowledge base) belongs to. */
export function serviceOf(ref: { kind: NodeRef['kind'] }): Service {
  return SERVICE_OF_KIND[ref.kind];
}

/** A value per service, e.g. one concurrency limit for all three. */
export function perService<T>(value: (service: Service) => T): Record<Service, T> {
  return { KENDRA: value('KENDRA'), QBUSINESS: value('QBUSINESS'), QCONNECT: value('QCONNECT') };
}

/** The resource's own id, the last of those that address it (a data source's, not its index's). */
export function ownId(ref: NodeRef): string {
  switch (ref.kind) {
    case 'KendraIndex':
    case 'QBusinessIndex':
      return ref.indexId;
    case 'QBusinessApplication':
      return ref.applicationId;
    case 'KendraDataSource':
    case 'QBusinessDataSource':
      return ref.dataSourceId;
    case 'QConnectKnowledgeBase':
      return ref.knowledgeBaseId;
  }
}

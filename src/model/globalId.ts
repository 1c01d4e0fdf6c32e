/**
 * Global object ids (`Node.id`): opaque base64url text of a versioned tuple of the service's own
 * ids. A job id also carries its start time, so `node(id:)` can ask the service for just that
 * instant instead of walking a whole history. Danger: ids are client input; decoding validates
 * every part and reports a malformed id as BAD_USER_INPUT, never as a crash.
 */
import { badUserInput } from '../errors/ErrorCode';
import {
  importJobId,
  kendraDataSourceId,
  kendraExecutionId,
  kendraIndexId,
  knowledgeBaseId,
  qbusinessId,
} from './serviceIds';
import type { JobModel } from './jobs';
import type { JobSourceRef, NodeRef } from './sources';

const VERSION = 'g1';

/** What a job's global id addresses: enough to find the job upstream. */
export type JobLocator =
  | {
      kind: 'SyncJob';
      source: Extract<JobSourceRef, { kind: 'KendraDataSource' | 'QBusinessDataSource' }>;
      executionId: string;
      startedAtMs?: number;
    }
  | { kind: 'ImportJob'; knowledgeBaseId: string; importJobId: string };

/** What any global id decodes to: a resource or a job. */
export type Locator = NodeRef | JobLocator;

function encode(parts: (string | number)[]): string {
  return Buffer.from(JSON.stringify([VERSION, ...parts]), 'utf8').toString('base64url');
}

/** The global id of a resource or a job. */
export function toGlobalId(target: NodeRef | JobModel): string {
  switch (target.kind) {
    case 'KendraIndex':
      return encode(['KendraIndex', target.indexId]);
    case 'KendraDataSource':
      return encode(['KendraDataSource', target.indexId, target.dataSourceId]);
    case 'QBusinessApplication':
      return encode(['QBusinessApplication', target.applicationId]);
    case 'QBusinessIndex':
      return encode(['QBusinessIndex', target.applicationId, target.indexId]);
    case 'QBusinessDataSource':
      return encode([
        'QBusinessDataSource',
        target.applicationId,
        target.indexId,
        target.dataSourceId,
      ]);
    case 'QConnectKnowledgeBase':
      return encode(['QConnectKnowledgeBase', target.knowledgeBaseId]);
    case 'SyncJob': {
      const time = target.startedAt?.getTime() ?? -1;
      const s = target.source;
      return s.kind === 'KendraDataSource'
        ? encode(['SyncJob', 'KENDRA', s.indexId, s.dataSourceId, target.executionId, time])
        : encode([
            'SyncJob',
            'QBUSINESS',
            s.applicationId,
            s.indexId,
            s.dataSourceId,
            target.executionId,
            time,
          ]);
    }
    case 'ImportJob':
      return encode(['ImportJob', target.source.knowledgeBaseId, target.importJobId]);
  }
}

/** Checks every service id inside a decoded global id against the models' constraints. */
function checkIds(locator: Locator): Locator {
  switch (locator.kind) {
    case 'KendraIndex':
      kendraIndexId(locator.indexId);
      break;
    case 'KendraDataSource':
      kendraIndexId(locator.indexId);
      kendraDataSourceId(locator.dataSourceId);
      break;
    case 'QBusinessApplication':
      qbusinessId(locator.applicationId, 'application');
      break;
    case 'QBusinessIndex':
      qbusinessId(locator.applicationId, 'application');
      qbusinessId(locator.indexId, 'index');
      break;
    case 'QBusinessDataSource':
      qbusinessId(locator.applicationId, 'application');
      qbusinessId(locator.indexId, 'index');
      qbusinessId(locator.dataSourceId, 'data source');
      break;
    case 'QConnectKnowledgeBase':
    case 'ImportJob':
      // Global ids carry the bare knowledge base id; an ARN inside one was not made here.
      if (knowledgeBaseId(locator.knowledgeBaseId) !== locator.knowledgeBaseId) {
        throw badUserInput('A global id names its knowledge base by id, not by ARN.');
      }
      if (locator.kind === 'ImportJob') importJobId(locator.importJobId);
      break;
    case 'SyncJob':
      checkIds(locator.source);
      if (locator.source.kind === 'KendraDataSource') kendraExecutionId(locator.executionId);
      else qbusinessId(locator.executionId, 'execution');
      break;
  }
  return locator;
}

/**
 * Decodes a global id; BAD_USER_INPUT when it is not one of ours or when a service id inside it
 * breaks the models' constraints (so no upstream call is made for it).
 */
export function fromGlobalId(id: string): Locator {
  return checkIds(decodeGlobalId(id));
}

function decodeGlobalId(id: string): Locator {
  const fail = () =>
    badUserInput(
      `"${id.slice(0, 80)}" is not a valid id of this API (ids are opaque: use them as given).`,
    );
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(id, 'base64url').toString('utf8'));
  } catch {
    throw fail();
  }
  if (!Array.isArray(parts) || parts[0] !== VERSION) throw fail();
  const [, kind, ...rest] = parts as [string, string, ...unknown[]];
  const strings = (n: number) =>
    rest.length === n && rest.every((p) => typeof p === 'string' && p.length > 0);
  const jobTime = (value: unknown) => (typeof value === 'number' && value >= 0 ? value : undefined);
  switch (kind) {
    case 'KendraIndex':
      if (strings(1)) return { kind, indexId: rest[0] as string };
      break;
    case 'KendraDataSource':
      if (strings(2)) return { kind, indexId: rest[0] as string, dataSourceId: rest[1] as string };
      break;
    case 'QBusinessApplication':
      if (strings(1)) return { kind, applicationId: rest[0] as string };
      break;
    case 'QBusinessIndex':
      if (strings(2)) return { kind, applicationId: rest[0] as string, indexId: rest[1] as string };
      break;
    case 'QBusinessDataSource':
      if (strings(3))
        return {
          kind,
          applicationId: rest[0] as string,
          indexId: rest[1] as string,
          dataSourceId: rest[2] as string,
        };
      break;
    case 'QConnectKnowledgeBase':
      if (strings(1)) return { kind, knowledgeBaseId: rest[0] as string };
      break;
    case 'ImportJob':
      if (strings(2))
        return { kind, knowledgeBaseId: rest[0] as string, importJobId: rest[1] as string };
      break;
    case 'SyncJob': {
      const [service, ...ids] = rest;
      const time = jobTime(ids[ids.length - 1]);
      const names = ids.slice(0, -1);
      if (!names.every((p) => typeof p === 'string' && p.length > 0)) break;
      if (service === 'KENDRA' && names.length === 3) {
        const [indexId, dataSourceId, executionId] = names as string[];
        return {
          kind,
          source: { kind: 'KendraDataSource', indexId, dataSourceId },
          executionId,
          startedAtMs: time,
        };
      }
      if (service === 'QBUSINESS' && names.length === 4) {
        const [applicationId, indexId, dataSourceId, executionId] = names as string[];
        return {
          kind,
          source: { kind: 'QBusinessDataSource', applicationId, indexId, dataSourceId },
          executionId,
          startedAtMs: time,
        };
      }
      break;
    }
  }
  throw fail();
}

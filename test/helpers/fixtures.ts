/**
 * Small deterministic fixtures for gateway tests, in the emulator's fixture format. Ids follow the
 * models' patterns; `id36('k', 1)` is a 36-character id, `uuid(7)` a lower-case UUID.
 */
import type { Fixture, KendraSyncJobFixture, QBusinessSyncJobFixture, QConnectImportJobFixture } from '../../src/emulator/fixture';

export const BASE_TIME = Date.parse('2026-11-01T00:00:00.000Z');
const HOUR = 3_600_000;

export function id36(prefix: string, n: number): string {
  return `${prefix}${String(n).padStart(35 - prefix.length, '0')}x`.slice(0, 36);
}

export function uuid(n: number): string {
  const hex = n.toString(16).padStart(12, '0');
  return `00000000-0000-4000-8000-${hex}`;
}

const SYNC_STATUSES = ['SUCCEEDED', 'FAILED', 'SUCCEEDED', 'INCOMPLETE', 'SUCCEEDED', 'ABORTED'];
const IMPORT_STATUSES = ['COMPLETE', 'FAILED', 'COMPLETE', 'DELETED', 'DELETE_FAILED', 'COMPLETE'];

/** `count` Kendra jobs, newest first, one every `spacingHours` before BASE_TIME (offset by `shift` minutes). */
export function kendraJobs(count: number, seed = 0, spacingHours = 1): KendraSyncJobFixture[] {
  return Array.from({ length: count }, (_, i) => {
    const start = BASE_TIME - i * spacingHours * HOUR - seed * 60_000;
    const status = SYNC_STATUSES[(i + seed) % SYNC_STATUSES.length];
    return {
      ExecutionId: `exec-${seed}-${String(i).padStart(4, '0')}`,
      StartTime: new Date(start).toISOString(),
      EndTime: new Date(start + 10 * 60_000).toISOString(),
      Status: status,
      ...(status === 'FAILED' ? { ErrorCode: 'InternalError', ErrorMessage: 'The connector failed.' } : {}),
      Metrics: { DocumentsAdded: String(i), DocumentsModified: '0', DocumentsDeleted: '0', DocumentsFailed: '0', DocumentsScanned: String(i) },
    };
  });
}

export function qbusinessJobs(count: number, seed = 0, spacingHours = 1): QBusinessSyncJobFixture[] {
  return Array.from({ length: count }, (_, i) => {
    const start = BASE_TIME - i * spacingHours * HOUR - seed * 60_000;
    const status = SYNC_STATUSES[(i + seed) % SYNC_STATUSES.length];
    return {
      executionId: id36(`e${seed}q`, i),
      startTime: new Date(start).toISOString(),
      endTime: new Date(start + 10 * 60_000).toISOString(),
      status,
      ...(status === 'FAILED' ? { error: { errorCode: 'ResourceInactive', errorMessage: 'The source is inactive.' } } : {}),
      metrics: { documentsAdded: String(i), documentsModified: '0', documentsDeleted: '0', documentsFailed: '0', documentsScanned: String(i) },
    };
  });
}

export function importJobs(count: number, seed = 0, spacingHours = 1): QConnectImportJobFixture[] {
  return Array.from({ length: count }, (_, i) => {
    const created = BASE_TIME - i * spacingHours * HOUR - seed * 60_000;
    return {
      importJobId: uuid(seed * 100_000 + i + 1),
      importJobType: 'QUICK_RESPONSES',
      status: IMPORT_STATUSES[(i + seed) % IMPORT_STATUSES.length],
      uploadId: `upload-${seed}-${i}`,
      createdTime: new Date(created).toISOString(),
      lastModifiedTime: new Date(created + 60_000).toISOString(),
      metadata: { owner: 'support-ops' },
      externalSourceConfiguration: { source: 'AMAZON_CONNECT', configuration: { connectConfiguration: { instanceId: `inst-${seed}` } } },
    };
  });
}

export const KENDRA_INDEX = id36('kidx', 1);
export const KENDRA_DS = 'ds-hr-policies';
export const QB_APP = id36('app', 1);
export const QB_INDEX = id36('idx', 1);
export const QB_DS = id36('qds', 1);
export const KB = uuid(900_001);

/** One source per service, `count` jobs each. */
export function singleSourceFixture(count: number): Fixture {
  return {
    kendra: {
      indices: [
        {
          Id: KENDRA_INDEX,
          Name: 'enterprise-search',
          dataSources: [{ Id: KENDRA_DS, Name: 'hr-policies-s3', Type: 'S3', syncJobs: kendraJobs(count) }],
        },
      ],
    },
    qbusiness: {
      applications: [
        {
          applicationId: QB_APP,
          displayName: 'helpdesk',
          indices: [
            {
              indexId: QB_INDEX,
              displayName: 'helpdesk-index',
              dataSources: [{ dataSourceId: QB_DS, displayName: 'confluence-it', type: 'CONFLUENCE', syncJobs: qbusinessJobs(count) }],
            },
          ],
        },
      ],
    },
    qconnect: {
      knowledgeBases: [{ knowledgeBaseId: KB, name: 'support answers', knowledgeBaseType: 'QUICK_RESPONSES', importJobs: importJobs(count) }],
    },
  };
}

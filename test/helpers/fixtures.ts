/**
 * Small deterministic fixtures for gateway tests, in the emulator's fixture format. Ids follow the
 * models' patterns; `id36('k', 1)` is a 36-character id, `uuid(7)` a lower-case UUID.
 */
import type {
  Fixture,
  KendraSyncJobFixture,
  QBusinessSyncJobFixture,
  QConnectImportJobFixture,
} from '../../src/emulator';

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
      ...(status === 'FAILED'
        ? { ErrorCode: 'InternalError', ErrorMessage: 'The connector failed.' }
        : {}),
      Metrics: {
        DocumentsAdded: String(i),
        DocumentsModified: '0',
        DocumentsDeleted: '0',
        DocumentsFailed: '0',
        DocumentsScanned: String(i),
      },
    };
  });
}

export function qbusinessJobs(
  count: number,
  seed = 0,
  spacingHours = 1,
): QBusinessSyncJobFixture[] {
  return Array.from({ length: count }, (_, i) => {
    const start = BASE_TIME - i * spacingHours * HOUR - seed * 60_000;
    const status = SYNC_STATUSES[(i + seed) % SYNC_STATUSES.length];
    return {
      executionId: id36(`e${seed}q`, i),
      startTime: new Date(start).toISOString(),
      endTime: new Date(start + 10 * 60_000).toISOString(),
      status,
      ...(status === 'FAILED'
        ? { error: { errorCode: 'ResourceInactive', errorMessage: 'The source is inactive.' } }
        : {}),
      metrics: {
        documentsAdded: String(i),
        documentsModified: '0',
        documentsDeleted: '0',
        documentsFailed: '0',
        documentsScanned: String(i),
      },
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
      externalSourceConfiguration: {
        source: 'AMAZON_CONNECT',
        configuration: { connectConfiguration: { instanceId: `inst-${seed}` } },
      },
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
          dataSources: [
            { Id: KENDRA_DS, Name: 'hr-policies-s3', Type: 'S3', syncJobs: kendraJobs(count) },
          ],
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
              dataSources: [
                {
                  dataSourceId: QB_DS,
                  displayName: 'confluence-it',
                  type: 'CONFLUENCE',
                  syncJobs: qbusinessJobs(count),
                },
              ],
            },
          ],
        },
      ],
    },
    qconnect: {
      knowledgeBases: [
        {
          knowledgeBaseId: KB,
          name: 'support answers',
          knowledgeBaseType: 'QUICK_RESPONSES',
          importJobs: importJobs(count),
        },
      ],
    },
  };
}

/**
 * Many sources: `apps` Q Business applications (one index, `perIndex` data sources each), `indexes`
 * Kendra indexes (`perIndex` data sources each), `kbs` knowledge bases; `jobs` jobs per source,
 * start times interleaved across sources (each source is offset by its own number of minutes).
 */
export function multiSourceFixture(options: {
  apps: number;
  indexes: number;
  kbs: number;
  perIndex: number;
  jobs: number;
}): Fixture {
  let seed = 1;
  return {
    kendra: {
      indices: Array.from({ length: options.indexes }, (_, i) => ({
        Id: id36(`kidx${i}`, i),
        Name: `kendra-index-${i}`,
        dataSources: Array.from({ length: options.perIndex }, (_, d) => ({
          Id: `kds-${i}-${d}`,
          Name: `kendra-source-${i}-${d}`,
          Type: 'S3',
          syncJobs: kendraJobs(options.jobs, seed++),
        })),
      })),
    },
    qbusiness: {
      applications: Array.from({ length: options.apps }, (_, a) => ({
        applicationId: id36(`app${a}`, a),
        displayName: `qbusiness-app-${a}`,
        indices: [
          {
            indexId: id36(`idx${a}`, a),
            displayName: `qbusiness-index-${a}`,
            dataSources: Array.from({ length: options.perIndex }, (_, d) => ({
              dataSourceId: id36(`qds${a}x${d}`, d),
              displayName: `qbusiness-source-${a}-${d}`,
              type: 'WEBCRAWLER',
              syncJobs: qbusinessJobs(options.jobs, seed++),
            })),
          },
        ],
      })),
    },
    qconnect: {
      knowledgeBases: Array.from({ length: options.kbs }, (_, k) => ({
        knowledgeBaseId: uuid(800_000 + k),
        name: `knowledge base ${k}`,
        knowledgeBaseType: 'QUICK_RESPONSES',
        importJobs: importJobs(options.jobs, seed++),
      })),
    },
  };
}

/** Every job of a fixture as the feed orders them: [startMs, service, sourceKey, jobId]. */
export function feedOrder(
  fixture: Fixture,
): { jobId: string; service: string; time: number; state: string }[] {
  const rows: { jobId: string; service: string; source: string; time: number; state: string }[] =
    [];
  const SYNC: Record<string, string> = { SYNCING: 'RUNNING', SYNCING_INDEXING: 'RUNNING' };
  const IMPORT: Record<string, string> = {
    COMPLETE: 'SUCCEEDED',
    DELETE_FAILED: 'FAILED',
    START_IN_PROGRESS: 'RUNNING',
    DELETE_IN_PROGRESS: 'DELETING',
  };
  for (const index of fixture.kendra?.indices ?? [])
    for (const ds of index.dataSources)
      for (const job of ds.syncJobs)
        rows.push({
          jobId: job.ExecutionId,
          service: 'KENDRA',
          source: `${index.Id}/${ds.Id}`,
          time: Date.parse(job.StartTime),
          state: SYNC[job.Status] ?? job.Status,
        });
  for (const app of fixture.qbusiness?.applications ?? [])
    for (const index of app.indices)
      for (const ds of index.dataSources)
        for (const job of ds.syncJobs)
          rows.push({
            jobId: job.executionId,
            service: 'QBUSINESS',
            source: `${app.applicationId}/${index.indexId}/${ds.dataSourceId}`,
            time: Date.parse(job.startTime),
            state: SYNC[job.status] ?? job.status,
          });
  for (const kb of fixture.qconnect?.knowledgeBases ?? [])
    for (const job of kb.importJobs)
      rows.push({
        jobId: job.importJobId,
        service: 'QCONNECT',
        source: kb.knowledgeBaseId,
        time: Date.parse(job.createdTime),
        state: IMPORT[job.status] ?? job.status,
      });
  const key = (r: (typeof rows)[number]) => [r.service, r.source, r.jobId];
  rows.sort((a, b) => {
    if (a.time !== b.time) return b.time - a.time;
    const ka = key(a),
      kb = key(b);
    for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i] < kb[i] ? -1 : 1;
    return 0;
  });
  return rows;
}

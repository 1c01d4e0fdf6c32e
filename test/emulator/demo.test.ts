import { generateDemoFixture } from '../../src/emulator/demo';
import type { Fixture } from '../../src/emulator/fixture';
import { validateFixture } from '../../src/emulator/validateFixture';

const NOW = new Date('2026-11-20T10:00:00.000Z');
const NOW_MS = NOW.getTime();
const HISTORY_START_MS = NOW_MS - 90 * 24 * 3_600_000;
const TWO_POW_31 = 2 ** 31;

const SYNC_STATUSES = ['FAILED', 'SUCCEEDED', 'SYNCING', 'INCOMPLETE', 'STOPPING', 'ABORTED', 'SYNCING_INDEXING'];
const LIVE_STATUSES = ['SYNCING', 'SYNCING_INDEXING', 'STOPPING'];
const IMPORT_STATUSES = ['START_IN_PROGRESS', 'FAILED', 'COMPLETE', 'DELETE_IN_PROGRESS', 'DELETE_FAILED', 'DELETED'];
const ERROR_CODES = {
  kendra: ['InternalError', 'InvalidRequest'],
  qbusiness: ['InternalError', 'InvalidRequest', 'ResourceInactive', 'ResourceNotFound'],
};
// `DataSourceType` in the Kendra model.
const KENDRA_TYPES = ['S3', 'SHAREPOINT', 'DATABASE', 'SALESFORCE', 'ONEDRIVE', 'SERVICENOW', 'CUSTOM', 'CONFLUENCE', 'GOOGLEDRIVE', 'WEBCRAWLER', 'WORKDOCS', 'FSX', 'SLACK', 'BOX', 'QUIP', 'JIRA', 'GITHUB', 'ALFRESCO', 'TEMPLATE'];

const KENDRA_INDEX_ID = /^[a-zA-Z0-9][a-zA-Z0-9-]*$/; // and exactly 36 chars
const KENDRA_DATA_SOURCE_ID = /^[a-zA-Z0-9][a-zA-Z0-9_-]*$/; // 1..100 chars
const QBUSINESS_ID = /^[a-zA-Z0-9][a-zA-Z0-9-]{35}$/;
const QCONNECT_UUID = /^[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}$/;
const RESOURCE_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_-]*$/;
const QCONNECT_NAME = /^[a-zA-Z0-9\s_.,-]+$/;
const METRIC_VALUE = /^(([1-9][0-9]*)|0)$/;
const ISO_MILLIS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** One sync job of either service, in one vocabulary, so each property is asserted once. */
interface SyncJobView {
  id: string;
  start: string;
  end?: string;
  status: string;
  errorCode?: string;
  errorMessage?: string;
  dataSourceErrorCode?: string;
  metrics: (string | undefined)[]; // added, modified, deleted, failed, scanned
}

interface SyncSourceView {
  service: 'kendra' | 'qbusiness';
  name: string;
  createdAt?: string;
  updatedAt?: string;
  jobs: SyncJobView[];
}

function syncSources(fixture: Fixture): SyncSourceView[] {
  const kendra = (fixture.kendra?.indices ?? []).flatMap((index) =>
    index.dataSources.map((ds): SyncSourceView => ({
      service: 'kendra', name: ds.Name, createdAt: ds.CreatedAt, updatedAt: ds.UpdatedAt,
      jobs: ds.syncJobs.map((j) => ({
        id: j.ExecutionId, start: j.StartTime, end: j.EndTime, status: j.Status, errorCode: j.ErrorCode, errorMessage: j.ErrorMessage,
        dataSourceErrorCode: j.DataSourceErrorCode,
        metrics: [j.Metrics?.DocumentsAdded, j.Metrics?.DocumentsModified, j.Metrics?.DocumentsDeleted, j.Metrics?.DocumentsFailed, j.Metrics?.DocumentsScanned],
      })),
    })),
  );
  const qbusiness = (fixture.qbusiness?.applications ?? []).flatMap((app) =>
    app.indices.flatMap((index) =>
      index.dataSources.map((ds): SyncSourceView => ({
        service: 'qbusiness', name: ds.displayName, createdAt: ds.createdAt, updatedAt: ds.updatedAt,
        jobs: ds.syncJobs.map((j) => ({
          id: j.executionId, start: j.startTime, end: j.endTime, status: j.status, errorCode: j.error?.errorCode, errorMessage: j.error?.errorMessage,
          dataSourceErrorCode: j.dataSourceErrorCode,
          metrics: [j.metrics?.documentsAdded, j.metrics?.documentsModified, j.metrics?.documentsDeleted, j.metrics?.documentsFailed, j.metrics?.documentsScanned],
        })),
      })),
    ),
  );
  return [...kendra, ...qbusiness];
}

const knowledgeBases = (fixture: Fixture) => fixture.qconnect?.knowledgeBases ?? [];
const ms = (iso: string): number => Date.parse(iso);

/** Every timestamp string anywhere in the document. */
function timestamps(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string' && /^\d{4}-\d\d-\d\dT/.test(value)) out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => timestamps(v, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => timestamps(v, out));
  return out;
}

describe('generateDemoFixture', () => {
  afterEach(() => jest.useRealTimers());

  it('gives a byte-identical document for the same seed and now', () => {
    expect(JSON.stringify(generateDemoFixture({ seed: 7, now: NOW }))).toBe(JSON.stringify(generateDemoFixture({ seed: 7, now: NOW })));
    expect(JSON.stringify(generateDemoFixture({ seed: 7, now: NOW, scale: 30 }))).toBe(JSON.stringify(generateDemoFixture({ seed: 7, now: NOW, scale: 30 })));
  });

  it('gives another document for another seed or another now', () => {
    const base = JSON.stringify(generateDemoFixture({ seed: 7, now: NOW }));
    expect(JSON.stringify(generateDemoFixture({ seed: 8, now: NOW }))).not.toBe(base);
    expect(JSON.stringify(generateDemoFixture({ seed: 7, now: new Date(NOW_MS + 3_600_000) }))).not.toBe(base);
  });

  it('defaults to seed 1 and the current hour in UTC', () => {
    jest.useFakeTimers({ now: new Date('2026-11-20T10:42:13.456Z') });
    const byDefault = JSON.stringify(generateDemoFixture());
    jest.useRealTimers();
    expect(byDefault).toBe(JSON.stringify(generateDemoFixture({ seed: 1, now: NOW })));
  });

  it('holds the resources issue 3 asks for', () => {
    const fixture = generateDemoFixture({ now: NOW });
    const kendra = fixture.kendra!.indices;
    expect(kendra.length).toBeGreaterThanOrEqual(1);
    expect(Math.max(...kendra.map((i) => i.dataSources.length))).toBeGreaterThanOrEqual(4);
    const apps = fixture.qbusiness!.applications;
    expect(apps.length).toBeGreaterThanOrEqual(1);
    const biggest = apps.find((a) => a.indices.length >= 2);
    expect(biggest).toBeDefined();
    expect(biggest!.indices.map((i) => i.dataSources.length).reduce((a, b) => a + b)).toBeGreaterThanOrEqual(5);
    expect(knowledgeBases(fixture)).toHaveLength(2);
    for (const kb of knowledgeBases(fixture)) expect(kb.knowledgeBaseType).toBe('QUICK_RESPONSES');
    for (const source of syncSources(fixture)) expect(source.jobs.length).toBeGreaterThan(10);
    for (const kb of knowledgeBases(fixture)) expect(kb.importJobs.length).toBeGreaterThan(5);
  });

  it('refuses a bad seed, scale or now with a RangeError', () => {
    expect(() => generateDemoFixture({ seed: 1.5 })).toThrow(RangeError);
    expect(() => generateDemoFixture({ scale: -1 })).toThrow(/scale/);
    expect(() => generateDemoFixture({ scale: 2.5 })).toThrow(RangeError);
    expect(() => generateDemoFixture({ now: new Date('nope') })).toThrow(/now/);
  });

  describe.each([1, 2, 3, 42, 2024])('seed %i', (seed) => {
    const fixture = generateDemoFixture({ seed, now: NOW });
    const sources = syncSources(fixture);

    it('has every sync status of Kendra and of Q Business, and every import status', () => {
      for (const service of ['kendra', 'qbusiness'] as const) {
        const seen = new Set(sources.filter((s) => s.service === service).flatMap((s) => s.jobs.map((j) => j.status)));
        expect([...seen].sort()).toEqual([...SYNC_STATUSES].sort());
      }
      const imports = new Set(knowledgeBases(fixture).flatMap((kb) => kb.importJobs.map((j) => j.status)));
      expect([...imports].sort()).toEqual([...IMPORT_STATUSES].sort());
    });

    it('uses ids that match the model patterns, none twice', () => {
      const ids: string[] = [];
      for (const index of fixture.kendra!.indices) {
        expect(index.Id).toHaveLength(36);
        expect(index.Id).toMatch(KENDRA_INDEX_ID);
        ids.push(index.Id);
        for (const ds of index.dataSources) {
          expect(ds.Id.length).toBeLessThanOrEqual(100);
          expect(ds.Id).toMatch(KENDRA_DATA_SOURCE_ID);
          ids.push(ds.Id);
          expect(ds.syncJobs.filter((j) => j.ExecutionId.length < 1 || j.ExecutionId.length > 2048)).toEqual([]);
          ids.push(...ds.syncJobs.map((j) => j.ExecutionId));
        }
      }
      const qbusinessIds = fixture.qbusiness!.applications.flatMap((app) => [
        app.applicationId,
        ...app.indices.flatMap((index) => [
          index.indexId,
          ...index.dataSources.flatMap((ds) => [ds.dataSourceId, ...ds.syncJobs.map((j) => j.executionId)]),
        ]),
      ]);
      expect(qbusinessIds.filter((id) => !QBUSINESS_ID.test(id))).toEqual([]);
      ids.push(...qbusinessIds);
      for (const kb of knowledgeBases(fixture)) {
        expect(kb.knowledgeBaseId).toMatch(QCONNECT_UUID);
        ids.push(kb.knowledgeBaseId);
        expect(kb.importJobs.filter((j) => !QCONNECT_UUID.test(j.importJobId))).toEqual([]);
        ids.push(...kb.importJobs.map((j) => j.importJobId));
      }
      expect(new Set(ids).size).toBe(ids.length);
    });

    it('uses names and types the models accept', () => {
      for (const index of fixture.kendra!.indices) {
        expect(index.Name).toMatch(RESOURCE_NAME);
        for (const ds of index.dataSources) {
          expect(ds.Name).toMatch(RESOURCE_NAME);
          expect(KENDRA_TYPES).toContain(ds.Type);
        }
      }
      for (const app of fixture.qbusiness!.applications) {
        expect(app.displayName).toMatch(RESOURCE_NAME);
        expect(app.status).toBe('ACTIVE');
        for (const index of app.indices) {
          expect(index.displayName).toMatch(RESOURCE_NAME);
          expect(index.status).toBe('ACTIVE');
          for (const ds of index.dataSources) {
            expect(ds.displayName).toMatch(RESOURCE_NAME);
            expect(['S3', 'CONFLUENCE', 'SHAREPOINT', 'WEBCRAWLER']).toContain(ds.type);
            expect(['ACTIVE', 'UPDATING']).toContain(ds.status);
          }
        }
      }
      for (const kb of knowledgeBases(fixture)) {
        expect(kb.name).toMatch(QCONNECT_NAME);
        expect(kb.description).toMatch(QCONNECT_NAME);
      }
    });

    it('writes every timestamp as toISOString does, within the 90 days before now for jobs', () => {
      const all = timestamps(fixture);
      expect(all.length).toBeGreaterThan(1000);
      expect(all.filter((t) => !ISO_MILLIS.test(t) || new Date(t).toISOString() !== t || ms(t) > NOW_MS)).toEqual([]);
      const starts = [...sources.flatMap((s) => s.jobs.map((j) => j.start)), ...knowledgeBases(fixture).flatMap((kb) => kb.importJobs.map((j) => j.createdTime))];
      expect(starts.filter((t) => ms(t) < HISTORY_START_MS)).toEqual([]);
    });

    it('lists every history newest first, ties by id', () => {
      const sorted = <T>(items: T[], time: (t: T) => number, id: (t: T) => string) =>
        items.every((item, i) => i === 0 || time(items[i - 1]!) > time(item) || (time(items[i - 1]!) === time(item) && id(items[i - 1]!) < id(item)));
      for (const source of sources) expect(sorted(source.jobs, (j) => ms(j.start), (j) => j.id)).toBe(true);
      for (const kb of knowledgeBases(fixture)) expect(sorted(kb.importJobs, (j) => ms(j.createdTime), (j) => j.importJobId)).toBe(true);
    });

    it('keeps in-progress jobs as the newest of their source, started within the last hour, without an end', () => {
      for (const source of sources) {
        source.jobs.forEach((job, i) => {
          if (!LIVE_STATUSES.includes(job.status)) return;
          expect(i).toBe(0);
          expect(job.end).toBeUndefined();
          expect(NOW_MS - ms(job.start)).toBeLessThan(3_600_000);
        });
      }
      const starting = knowledgeBases(fixture).flatMap((kb) => kb.importJobs.filter((j) => j.status === 'START_IN_PROGRESS').map((j) => kb.importJobs.indexOf(j)));
      expect(starting).toEqual([0]);
    });

    it('ends every finished job after it started, and started every source after it was created', () => {
      for (const source of sources) {
        expect(ms(source.updatedAt!)).toBeGreaterThan(ms(source.createdAt!));
        expect(ms(source.updatedAt!)).toBeLessThan(ms(source.jobs[source.jobs.length - 1]!.start));
        const finished = source.jobs.filter((j) => !LIVE_STATUSES.includes(j.status));
        expect(finished.filter((j) => j.end === undefined || ms(j.end) <= ms(j.start))).toEqual([]);
      }
    });

    it('writes metrics as digit strings, scanned at least the sum of the others', () => {
      const wrong = sources.flatMap((s) => s.jobs).filter((job) => {
        if (!job.metrics.every((value) => value !== undefined && METRIC_VALUE.test(value))) return true;
        const [added, modified, deleted, failed, scanned] = job.metrics.map(Number) as [number, number, number, number, number];
        return (
          scanned < added + modified + deleted + failed ||
          (job.status === 'SUCCEEDED' && failed !== 0) ||
          (job.status === 'INCOMPLETE' && failed === 0)
        );
      });
      expect(wrong).toEqual([]);
    });

    it("gives failed jobs the service's error codes with a message, and no other job an error", () => {
      const wrong = sources.flatMap((source) =>
        source.jobs.filter((job) =>
          job.status === 'FAILED'
            ? !ERROR_CODES[source.service].includes(job.errorCode ?? '') || !job.errorMessage
            : job.errorCode !== undefined || job.errorMessage !== undefined || job.dataSourceErrorCode !== undefined,
        ),
      );
      expect(wrong).toEqual([]);
      for (const service of ['kendra', 'qbusiness'] as const) {
        const codes = new Set(sources.filter((s) => s.service === service).flatMap((s) => s.jobs.map((j) => j.errorCode)));
        expect(codes.has('InternalError') && codes.has('InvalidRequest')).toBe(true);
      }
      const failed = sources.flatMap((s) => s.jobs).filter((j) => j.status === 'FAILED');
      expect(failed.some((j) => j.dataSourceErrorCode === 'S3.AccessDenied')).toBe(true);
    });

    it('has a Kendra metric above 2^31', () => {
      const big = sources.filter((s) => s.service === 'kendra').flatMap((s) => s.jobs).filter((j) => j.metrics.some((m) => Number(m) > TWO_POW_31));
      expect(big).toHaveLength(1);
      expect(big[0]!.status).toBe('SUCCEEDED');
    });

    it('writes import jobs as ImportJobSummary, one with a configuration member the SDK does not know', () => {
      const jobs = knowledgeBases(fixture).flatMap((kb) => kb.importJobs);
      for (const job of jobs) {
        expect(job.importJobType).toBe('QUICK_RESPONSES');
        expect(job.uploadId.length).toBeGreaterThan(0);
        expect(ms(job.lastModifiedTime)).toBeGreaterThanOrEqual(ms(job.createdTime));
        if (job.status === 'FAILED') expect(job.failedRecordReport).toMatch(/^https:\/\/\S+$/);
        else expect(job.failedRecordReport).toBeUndefined();
        if (job.metadata) expect(Object.keys(job.metadata).length).toBeLessThanOrEqual(10);
        if (job.externalSourceConfiguration) {
          expect(job.externalSourceConfiguration.source).toBe('AMAZON_CONNECT');
          expect(Object.keys(job.externalSourceConfiguration.configuration)).toHaveLength(1);
        }
      }
      const members = jobs.flatMap((j) => Object.keys(j.externalSourceConfiguration?.configuration ?? {}));
      expect(members).toContain('connectConfiguration');
      const unknown = members.filter((m) => m !== 'connectConfiguration');
      expect(unknown).toEqual(['salesforceConfiguration']);
      expect(jobs.some((j) => j.metadata?.owner === 'support-ops')).toBe(true);
    });
  });

  describe.each([1, 7, 250])('scale %i', (scale) => {
    const fixture = generateDemoFixture({ seed: 3, now: NOW, scale });

    it('gives exactly that many jobs to every data source and knowledge base', () => {
      const sources = syncSources(fixture);
      expect(sources.length).toBeGreaterThanOrEqual(10);
      for (const source of sources) expect(source.jobs).toHaveLength(scale);
      for (const kb of knowledgeBases(fixture)) expect(kb.importJobs).toHaveLength(scale);
    });

    it('spreads them over the 90 days, newest first, with the unknown union member and the big metric kept', () => {
      const sources = syncSources(fixture);
      for (const source of sources) {
        expect(source.jobs.filter((j) => ms(j.start) < HISTORY_START_MS)).toEqual([]);
        expect(source.jobs.every((j, i) => i === 0 || ms(source.jobs[i - 1]!.start) >= ms(j.start))).toBe(true);
      }
      const configurations = knowledgeBases(fixture).flatMap((kb) => kb.importJobs.map((j) => j.externalSourceConfiguration?.configuration ?? {}));
      expect(configurations.some((c) => 'salesforceConfiguration' in c)).toBe(true);
      const kendraMetrics = sources.filter((s) => s.service === 'kendra').flatMap((s) => s.jobs.flatMap((j) => j.metrics));
      expect(kendraMetrics.some((m) => Number(m) > TWO_POW_31)).toBe(true);
    });
  });

  it('keeps every status at scale 250', () => {
    const fixture = generateDemoFixture({ seed: 3, now: NOW, scale: 250 });
    for (const service of ['kendra', 'qbusiness'] as const) {
      const seen = new Set(syncSources(fixture).filter((s) => s.service === service).flatMap((s) => s.jobs.map((j) => j.status)));
      expect([...seen].sort()).toEqual([...SYNC_STATUSES].sort());
    }
    const imports = new Set(knowledgeBases(fixture).flatMap((kb) => kb.importJobs.map((j) => j.status)));
    expect([...imports].sort()).toEqual([...IMPORT_STATUSES].sort());
  });

  it.each([1, 2, 42])('passes validateFixture unchanged with seed %i', (seed) => {
    const fixture = generateDemoFixture({ seed, now: NOW });
    // Through JSON, as `--demo` output saved to a file and read back would be.
    const validated = validateFixture(JSON.parse(JSON.stringify(fixture)));
    expect(validated).toEqual(fixture);
  });

  it('passes validateFixture at scale 250', () => {
    expect(() => validateFixture(generateDemoFixture({ seed: 5, now: NOW, scale: 250 }))).not.toThrow();
  });

  it('gives no jobs at scale 0', () => {
    const fixture = generateDemoFixture({ now: NOW, scale: 0 });
    expect(syncSources(fixture).every((s) => s.jobs.length === 0)).toBe(true);
    expect(knowledgeBases(fixture).every((kb) => kb.importJobs.length === 0)).toBe(true);
  });
});

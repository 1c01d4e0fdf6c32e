/**
 * Shared ground for the emulator's tests: a small fixture whose ids follow the models' patterns,
 * an emulator on a free port with the three real SDK clients pointed at it, and a helper for the
 * control API. Every test talks to the emulator over the wire; nothing is mocked.
 */
import { KendraClient } from '@aws-sdk/client-kendra';
import { QBusinessClient } from '@aws-sdk/client-qbusiness';
import { QConnectClient } from '@aws-sdk/client-qconnect';
import {
  startEmulator,
  type EmulatorOptions,
  type Fixture,
  type KendraSyncJobFixture,
  type QBusinessSyncJobFixture,
  type QConnectImportJobFixture,
  type RunningEmulator,
} from '../../src/emulator';

/** A 36-character id (Kendra IndexId and every Q Business id): prefix, zero padding, number. */
export function id36(prefix: string, n: number): string {
  return `${prefix}-${String(n).padStart(35 - prefix.length, '0')}`;
}

/** A lower-case UUID (Q Connect `Uuid`). */
export function uuid(n: number): string {
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

export const T0 = Date.parse('2025-06-01T12:00:00.000Z');
const HOUR = 3_600_000;
export const iso = (ms: number): string => new Date(ms).toISOString();

export const KENDRA_INDEX = id36('kidx', 1);
export const KENDRA_INDEX_2 = id36('kidx', 2);
export const KENDRA_SOURCE = 'ds-main';
export const KENDRA_SOURCE_2 = 'ds-other';
export const APP = id36('app', 1);
export const QB_INDEX = id36('qidx', 1);
export const QB_INDEX_2 = id36('qidx', 2);
export const QB_SOURCE = id36('qds', 1);
export const QB_SOURCE_2 = id36('qds', 2);
export const KB = uuid(0xb1);
export const KB_2 = uuid(0xb2);
export const KB_ARN = `arn:aws:wisdom:us-east-1:123456789012:knowledge-base/${KB}`;

const SYNC_STATUSES = ['SUCCEEDED', 'FAILED', 'SUCCEEDED', 'INCOMPLETE', 'ABORTED'];

/** `count` Kendra jobs one hour apart ending at T0, newest first; `exec-<tag>-<i>`. */
export function kendraJobs(count: number, tag = 'a', newestMs = T0): KendraSyncJobFixture[] {
  return Array.from({ length: count }, (_, i) => ({
    ExecutionId: `exec-${tag}-${String(i).padStart(3, '0')}`,
    StartTime: iso(newestMs - i * HOUR),
    EndTime: iso(newestMs - i * HOUR + 600_000),
    Status: SYNC_STATUSES[i % SYNC_STATUSES.length],
    ...(SYNC_STATUSES[i % SYNC_STATUSES.length] === 'FAILED'
      ? { ErrorCode: 'InternalError', ErrorMessage: 'The connector failed.' }
      : {}),
    Metrics: {
      DocumentsAdded: String(i),
      DocumentsModified: '0',
      DocumentsDeleted: '0',
      DocumentsFailed: '0',
      DocumentsScanned: String(i),
    },
  }));
}

export function qbusinessJobs(count: number, tag = 'a', newestMs = T0): QBusinessSyncJobFixture[] {
  return Array.from({ length: count }, (_, i) => ({
    executionId: id36(`ex${tag}`, i),
    startTime: iso(newestMs - i * HOUR),
    endTime: iso(newestMs - i * HOUR + 600_000),
    status: SYNC_STATUSES[i % SYNC_STATUSES.length],
    ...(SYNC_STATUSES[i % SYNC_STATUSES.length] === 'FAILED'
      ? { error: { errorCode: 'ResourceInactive', errorMessage: 'Inactive.' } }
      : {}),
    metrics: {
      documentsAdded: String(i),
      documentsModified: '1',
      documentsDeleted: '0',
      documentsFailed: '0',
      documentsScanned: String(i + 1),
    },
  }));
}

export function importJobs(count: number, first = 1, newestMs = T0): QConnectImportJobFixture[] {
  return Array.from({ length: count }, (_, i) => ({
    importJobId: uuid(first + i),
    importJobType: 'QUICK_RESPONSES',
    status: ['COMPLETE', 'FAILED', 'DELETED'][i % 3],
    uploadId: `upload-${first + i}`,
    createdTime: iso(newestMs - i * HOUR),
    lastModifiedTime: iso(newestMs - i * HOUR + 60_000),
    metadata: { team: 'support' },
    externalSourceConfiguration: {
      source: 'AMAZON_CONNECT',
      configuration: { connectConfiguration: { instanceId: `instance-${i}` } },
    },
  }));
}

/** Two Kendra indices, a Q Business application with two indices, two knowledge bases. */
export function smallFixture(): Fixture {
  return {
    kendra: {
      indices: [
        {
          Id: KENDRA_INDEX,
          Name: 'main-index',
          Edition: 'ENTERPRISE_EDITION',
          dataSources: [
            { Id: KENDRA_SOURCE, Name: 'docs-bucket', Type: 'S3', syncJobs: kendraJobs(25) },
            { Id: KENDRA_SOURCE_2, Name: 'wiki', Type: 'CONFLUENCE', syncJobs: kendraJobs(3, 'b') },
            ...Array.from({ length: 3 }, (_, i) => ({
              Id: `ds-extra-${i}`,
              Name: `extra-${i}`,
              Type: 'WEBCRAWLER',
              syncJobs: [],
            })),
          ],
        },
        {
          Id: KENDRA_INDEX_2,
          Name: 'dev-index',
          Edition: 'DEVELOPER_EDITION',
          Status: 'CREATING',
          dataSources: [],
        },
      ],
    },
    qbusiness: {
      applications: [
        {
          applicationId: APP,
          displayName: 'helpdesk',
          indices: [
            {
              indexId: QB_INDEX,
              displayName: 'helpdesk-index',
              dataSources: [
                {
                  dataSourceId: QB_SOURCE,
                  displayName: 'tickets',
                  type: 'S3',
                  syncJobs: qbusinessJobs(23),
                },
                {
                  dataSourceId: QB_SOURCE_2,
                  displayName: 'kb-web',
                  type: 'WEBCRAWLER',
                  syncJobs: qbusinessJobs(2, 'b'),
                },
              ],
            },
            { indexId: QB_INDEX_2, displayName: 'archive', dataSources: [] },
          ],
        },
      ],
    },
    qconnect: {
      knowledgeBases: [
        {
          knowledgeBaseId: KB,
          name: 'Quick responses',
          knowledgeBaseType: 'QUICK_RESPONSES',
          importJobs: importJobs(7),
        },
        {
          knowledgeBaseId: KB_2,
          name: 'Future imports',
          knowledgeBaseType: 'QUICK_RESPONSES',
          importJobs: [
            {
              ...importJobs(1, 100)[0],
              externalSourceConfiguration: {
                source: 'AMAZON_CONNECT',
                configuration: { futureSourceConfiguration: { bucket: 'b1', prefix: 'qr/' } },
              },
            },
          ],
        },
      ],
    },
  };
}

export const CREDENTIALS = { accessKeyId: 'test', secretAccessKey: 'test' };

/**
 * SDK client options for the emulator at `url`; retries off unless `maxAttempts` says otherwise.
 */
export function clientConfig(url: string, maxAttempts = 1) {
  return { endpoint: url, region: 'us-east-1', credentials: CREDENTIALS, maxAttempts };
}

export interface TestBed {
  emu: RunningEmulator;
  kendra: KendraClient;
  qbusiness: QBusinessClient;
  qconnect: QConnectClient;
  /** Calls the control API; returns status and parsed JSON body. */
  control(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }>;
  close(): Promise<void>;
}

/** An emulator with `smallFixture()` (unless given another) and the three clients. */
export async function startTestBed(options: EmulatorOptions = {}): Promise<TestBed> {
  const emu = await startEmulator({ port: 0, fixture: smallFixture(), ...options });
  const kendra = new KendraClient(clientConfig(emu.url));
  const qbusiness = new QBusinessClient(clientConfig(emu.url));
  const qconnect = new QConnectClient(clientConfig(emu.url));
  return {
    emu,
    kendra,
    qbusiness,
    qconnect,
    async control(method, path, body) {
      const response = await fetch(`${emu.url}/_emulator/${path}`, {
        method,
        headers: { 'content-type': 'application/json' },
        body:
          body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      });
      return { status: response.status, body: await response.json() };
    },
    async close() {
      kendra.destroy();
      qbusiness.destroy();
      qconnect.destroy();
      await emu.close();
    },
  };
}

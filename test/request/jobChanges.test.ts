/** What the pollers count as a change of a source's newest page. */
import type { KendraDataSourceRef } from '../../src/model/sources';
import type { SyncJobModel } from '../../src/model/jobs';
import { decodeMessage, diffJobs, encodeMessage } from '../../src/request/jobChanges';

const source: KendraDataSourceRef = {
  kind: 'KendraDataSource',
  indexId: 'i'.repeat(36),
  dataSourceId: 'ds',
};
const job = (id: number, status = 'SUCCEEDED', scanned = 10): SyncJobModel => ({
  kind: 'SyncJob',
  source,
  executionId: `job-${id}`,
  statusRaw: status,
  startedAt: new Date(Date.UTC(2026, 0, 1, 0, id)),
  metrics: { documentsScanned: scanned },
});

it('sends nothing on the first look, then new jobs and changed ones, oldest first', () => {
  const first = diffJobs(undefined, [job(2, 'SYNCING', 1), job(1)], false);
  expect(first.changed).toEqual([]);
  const second = diffJobs(
    first.next,
    [job(4, 'SYNCING'), job(3), job(2, 'SYNCING', 5), job(1)],
    false,
  );
  expect(second.changed.map((j) => (j as SyncJobModel).executionId)).toEqual([
    'job-2',
    'job-3',
    'job-4',
  ]);
  expect(
    diffJobs(second.next, [job(4, 'SYNCING'), job(3), job(2, 'SYNCING', 5), job(1)], false).changed,
  ).toEqual([]);
});

it('does not count an older job that slides onto a full page as new', () => {
  const full = diffJobs(undefined, [job(5), job(4)], true);
  const afterDelete = diffJobs(full.next, [job(5), job(3)], true);
  expect(afterDelete.changed).toEqual([]);
});

it('carries jobs between replicas with their dates, pointing at the local source', () => {
  const local = { ...source, details: { name: 'hr' } } as KendraDataSourceRef;
  const message = decodeMessage(encodeMessage({ kind: 'jobs', jobs: [job(1)] }), local);
  expect(message).toEqual({ kind: 'jobs', jobs: [{ ...job(1), source: local }] });
  expect(decodeMessage('not json', local)).toBeUndefined();
});

import type { SyncJobResolvers } from '../schema/generated';
import { knownStatus } from '../model/jobState';
import { jobFields } from './Job';

export const SyncJob: SyncJobResolvers = {
  ...jobFields,
  executionId: (job) => job.executionId,
  status: (job) => knownStatus(job) as never,
  statusRaw: (job) => job.statusRaw,
  error: (job) =>
    job.error ? { code: job.error.code ?? null, message: job.error.message ?? null } : null,
  dataSourceErrorCode: (job) => job.dataSourceErrorCode ?? null,
  metrics: (job) =>
    job.metrics
      ? {
          documentsAdded: job.metrics.documentsAdded ?? null,
          documentsModified: job.metrics.documentsModified ?? null,
          documentsDeleted: job.metrics.documentsDeleted ?? null,
          documentsFailed: job.metrics.documentsFailed ?? null,
          documentsScanned: job.metrics.documentsScanned ?? null,
        }
      : null,
  dataSource: (job) => job.source,
};

import type { ImportJobResolvers } from '../schema/generated';
import { knownImportJobType, knownStatus } from '../model/jobState';
import { jobFields } from './Job';

export const ImportJob: ImportJobResolvers = {
  ...jobFields,
  importJobId: (job) => job.importJobId,
  knowledgeBaseId: (job) => job.source.knowledgeBaseId,
  knowledgeBaseArn: (job) => job.knowledgeBaseArn,
  uploadId: (job) => job.uploadId,
  importJobType: (job) => knownImportJobType(job),
  importJobTypeRaw: (job) => job.importJobTypeRaw,
  status: (job) => knownStatus(job) as never,
  statusRaw: (job) => job.statusRaw,
  createdTime: (job) => job.createdTime,
  lastModifiedTime: (job) => job.lastModifiedTime,
  metadata: (job) => Object.entries(job.metadata).map(([key, value]) => ({ key, value })),
  externalSourceConfiguration: (job) => job.externalSourceConfiguration ?? null,
  knowledgeBase: (job) => job.source,
};

/**
 * Q Connect's `ImportJobSummary` / `ImportJobData` → the gateway's `ImportJobModel`.
 * `externalSourceConfiguration.configuration` is kept as the SDK delivered it (client-qconnect 3.828
 * passes unknown union members through raw); `toConfigurationDetails` reads it at resolve time.
 */
import type { ImportJobData, ImportJobSummary } from '@aws-sdk/client-qconnect';
import type { ImportJobModel } from '../../model/jobs';

const EPOCH = new Date(0);

/** A Q Connect import job (summary or full) as the gateway's model. */
export function toImportJob(job: ImportJobSummary | ImportJobData): ImportJobModel {
  const knowledgeBaseId = job.knowledgeBaseId ?? '';
  const external = job.externalSourceConfiguration as
    { source?: string; configuration?: unknown } | undefined;
  return {
    kind: 'ImportJob',
    source: { kind: 'QConnectKnowledgeBase', knowledgeBaseId },
    importJobId: job.importJobId ?? '',
    knowledgeBaseArn: job.knowledgeBaseArn ?? '',
    uploadId: job.uploadId ?? '',
    importJobTypeRaw: job.importJobType ?? '',
    statusRaw: job.status ?? '',
    createdTime: job.createdTime ?? EPOCH,
    lastModifiedTime: job.lastModifiedTime ?? job.createdTime ?? EPOCH,
    metadata: { ...(job.metadata ?? {}) },
    externalSourceConfiguration: external
      ? { source: String(external.source ?? ''), configuration: external.configuration }
      : undefined,
  };
}

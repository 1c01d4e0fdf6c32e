/**
 * Amazon Q in Connect wire shapes (camelCase, epoch-seconds timestamps): `KnowledgeBaseSummary`,
 * `KnowledgeBaseData`, `ImportJobSummary`, `ImportJobData`, with every member the model requires.
 *
 * Danger: `ImportJobData.url` and `urlExpiry` are required although the emulator has no upload to
 * point at; the URL is a placeholder under the reserved `.invalid` domain.
 */
import type { ImportJob, KnowledgeBase } from '../store/records';
import { statusFor, unknownUnion } from '../faults/unknownValues';
import { epochSeconds } from '../protocols/wire';

/** How long the placeholder download URL of `ImportJobData` is said to stay valid. */
const URL_VALIDITY_MS = 15 * 60 * 1000;

/** `KnowledgeBaseSummary` of ListKnowledgeBases. */
export function knowledgeBaseSummary(base: KnowledgeBase, changed: boolean): object {
  return {
    knowledgeBaseId: base.id,
    knowledgeBaseArn: base.arn,
    name: base.name,
    knowledgeBaseType: base.type,
    status: statusFor(base.status, changed),
    description: base.description,
  };
}

/** `KnowledgeBaseData` of GetKnowledgeBase: the summary plus the last import time. */
export function knowledgeBaseData(base: KnowledgeBase, changed: boolean): object {
  const lastModified = base.importJobs.reduce<number | undefined>(
    (max, job) => Math.max(max ?? 0, job.lastModifiedMs),
    undefined,
  );
  return {
    ...knowledgeBaseSummary(base, changed),
    lastContentModificationTime: epochSeconds(lastModified),
  };
}

/** `ImportJobSummary` of ListImportJobs. */
export function importJobSummary(base: KnowledgeBase, job: ImportJob, changed: boolean): object {
  const external = job.externalSourceConfiguration;
  return {
    importJobId: job.importJobId,
    knowledgeBaseId: base.id,
    uploadId: job.uploadId,
    knowledgeBaseArn: base.arn,
    importJobType: job.importJobType,
    status: statusFor(job.status, changed),
    createdTime: epochSeconds(job.createdMs),
    lastModifiedTime: epochSeconds(job.lastModifiedMs),
    metadata: job.metadata && { ...job.metadata },
    externalSourceConfiguration: external && {
      source: external.source,
      configuration: changed
        ? unknownUnion(external.configuration)
        : structuredClone(external.configuration),
    },
  };
}

/** `ImportJobData` of GetImportJob: the summary plus a download URL valid from `nowMs`. */
export function importJobData(
  base: KnowledgeBase,
  job: ImportJob,
  changed: boolean,
  nowMs: number,
): object {
  return {
    ...importJobSummary(base, job, changed),
    url: `https://qconnect-uploads.emulator.invalid/${base.id}/${encodeURIComponent(job.uploadId)}`,
    urlExpiry: epochSeconds(nowMs + URL_VALIDITY_MS),
    failedRecordReport: job.failedRecordReport,
  };
}

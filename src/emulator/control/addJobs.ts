/**
 * `POST /_emulator/jobs`: appends jobs, written in their service's fixture shape, to the history of
 * one data source (Kendra, Q Business) or knowledge base (Q Connect).
 *
 * Danger: the jobs are validated as a batch before any is appended, against each other and against
 * the history already there, so a refused request changes nothing.
 */
import { ControlError } from '../protocols/controlError';
import { FixtureError, ObjectReader } from '../fixture/objectReader';
import { validateJobs } from '../fixture/validateFixture';
import type { EmulatorStore } from '../store/emulatorStore';
import {
  importJobFromFixture,
  syncJobFromKendra,
  syncJobFromQBusiness,
} from '../store/fromFixture';
import type { DataSource } from '../store/records';

/** The body of `POST /_emulator/jobs`. */
export interface AddJobsRequest {
  service: 'kendra' | 'qbusiness' | 'qconnect';
  /** Kendra and Q Business. */
  indexId?: string;
  dataSourceId?: string;
  /** Q Business. */
  applicationId?: string;
  /** Q Connect: the id or the derived ARN. */
  knowledgeBaseId?: string;
  jobs: unknown[];
}

/**
 * Validates and appends the jobs; returns how many were added. Throws `ControlError` 400 for a
 * malformed body or job (the message names the field, e.g. `jobs[2].Status`), 404 for an unknown
 * data source or knowledge base.
 */
export function addJobs(store: EmulatorStore, body: unknown): { added: number } {
  try {
    return append(store, body);
  } catch (error) {
    if (error instanceof FixtureError) throw new ControlError(400, error.message, error.path);
    throw error;
  }
}

function append(store: EmulatorStore, body: unknown): { added: number } {
  const r = new ObjectReader(body, '');
  const service = r.string('service', undefined, true);
  const jobs = r.array('jobs', true);
  if (service === 'kendra') {
    const indexId = r.string('indexId', undefined, true);
    const dataSourceId = r.string('dataSourceId', undefined, true);
    r.done();
    const source = store.kendraDataSource(indexId, dataSourceId);
    if (!source) {
      throw new ControlError(
        404,
        `Kendra data source ${dataSourceId} in index ${indexId} not found`,
        'dataSourceId',
      );
    }
    const valid = validateJobs('kendra', jobs, existingIds(source));
    source.jobs.push(...valid.map(syncJobFromKendra));
    return { added: valid.length };
  }
  if (service === 'qbusiness') {
    const applicationId = r.string('applicationId', undefined, true);
    const indexId = r.string('indexId', undefined, true);
    const dataSourceId = r.string('dataSourceId', undefined, true);
    r.done();
    const source = store.qbusinessDataSource(applicationId, indexId, dataSourceId);
    if (!source) {
      throw new ControlError(
        404,
        `Q Business data source ${dataSourceId} in application ${applicationId}, index ` +
          `${indexId} not found`,
        'dataSourceId',
      );
    }
    const valid = validateJobs('qbusiness', jobs, existingIds(source));
    source.jobs.push(...valid.map(syncJobFromQBusiness));
    return { added: valid.length };
  }
  if (service === 'qconnect') {
    const knowledgeBaseId = r.string('knowledgeBaseId', undefined, true);
    r.done();
    const base = store.knowledgeBase(knowledgeBaseId);
    if (!base) {
      throw new ControlError(
        404,
        `Q Connect knowledge base ${knowledgeBaseId} not found`,
        'knowledgeBaseId',
      );
    }
    const existing = base.importJobs.map((job) => job.importJobId);
    const valid = validateJobs('qconnect', jobs, existing, base.id);
    base.importJobs.push(...valid.map(importJobFromFixture));
    return { added: valid.length };
  }
  throw new ControlError(
    400,
    `service: ${JSON.stringify(service)} is not a service (expected one of kendra, qbusiness, ` +
      `qconnect)`,
    'service',
  );
}

function existingIds(source: DataSource): string[] {
  return source.jobs.map((job) => job.executionId);
}

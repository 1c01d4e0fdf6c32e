/**
 * Fixture validation for Amazon Q in Connect: knowledge bases and their import jobs in
 * `ImportJobSummary` shape, including the `Configuration` union of an external source.
 *
 * Danger: the union must keep a member name the model does not know (that is how a fixture shows
 * what a newer service would send), yet refuse the SDK's in-memory `$unknown` form, which is not
 * a wire name.
 */
import { FixtureError, IdScope, ObjectReader, compact, iso } from '../fixtureReader';
import type { QConnectImportJobFixture, QConnectKnowledgeBaseFixture } from '../fixture';
import * as shapes from '../modelShapes';
import { knowledgeBaseArn } from './knowledgeBaseArn';

/** One knowledge base of the fixture (`qconnect.knowledgeBases[i]`) with its import jobs. */
export function validateKnowledgeBase(value: unknown, path: string, ids: IdScope): QConnectKnowledgeBaseFixture {
  const r = new ObjectReader(value, path);
  const id = r.string('knowledgeBaseId', shapes.QCONNECT_UUID, true);
  ids.claim(id, `${path}.knowledgeBaseId`);
  const jobs = new IdScope('importJobId');
  const base = compact<QConnectKnowledgeBaseFixture>({
    knowledgeBaseId: id,
    name: r.string('name', shapes.QCONNECT_NAME, true),
    knowledgeBaseType: r.enumValue('knowledgeBaseType', shapes.QCONNECT_KNOWLEDGE_BASE_TYPE, true),
    status: r.enumValue('status', shapes.QCONNECT_KNOWLEDGE_BASE_STATUS),
    description: r.string('description', shapes.QCONNECT_DESCRIPTION),
    importJobs: r.array('importJobs', true).map((job) => validateImportJob(job.value, job.path, jobs, id)),
  });
  r.done();
  return base;
}

/**
 * One Q Connect import job in `ImportJobSummary` shape. `knowledgeBaseId` and `knowledgeBaseArn`
 * come from the parent; a job copied from a real response may carry them if they agree.
 */
export function validateImportJob(value: unknown, path: string, ids: IdScope, parentId: string): QConnectImportJobFixture {
  const r = new ObjectReader(value, path);
  const importJobId = r.string('importJobId', shapes.QCONNECT_UUID, true);
  ids.claim(importJobId, `${path}.importJobId`);
  const ownerId = r.string('knowledgeBaseId');
  if (ownerId !== undefined && ownerId !== parentId) {
    throw new FixtureError(`${path}.knowledgeBaseId`, `"${ownerId}" differs from the knowledge base that holds the job ("${parentId}")`);
  }
  const ownerArn = r.string('knowledgeBaseArn');
  if (ownerArn !== undefined && ownerArn !== knowledgeBaseArn(parentId)) {
    throw new FixtureError(`${path}.knowledgeBaseArn`, `"${ownerArn}" differs from the derived ARN "${knowledgeBaseArn(parentId)}"`);
  }
  const metadata = r.object('metadata');
  const external = r.object('externalSourceConfiguration');
  const job = compact<QConnectImportJobFixture>({
    importJobId,
    importJobType: r.enumValue('importJobType', shapes.QCONNECT_IMPORT_JOB_TYPE, true),
    status: r.enumValue('status', shapes.QCONNECT_IMPORT_JOB_STATUS, true),
    uploadId: r.string('uploadId', shapes.QCONNECT_UPLOAD_ID, true),
    createdTime: iso(r.timestamp('createdTime', true)) as string,
    lastModifiedTime: iso(r.timestamp('lastModifiedTime', true)) as string,
    metadata: metadata && readMetadata(metadata),
    failedRecordReport: r.string('failedRecordReport', shapes.QCONNECT_URL),
    externalSourceConfiguration: external && readExternalSource(external),
  });
  r.done();
  return job;
}

function readMetadata(r: ObjectReader): Record<string, string> {
  const keys = r.keys();
  if (keys.length > shapes.QCONNECT_METADATA_MAX_ENTRIES) {
    throw new FixtureError(r.path, `has ${keys.length} entries, more than the ${shapes.QCONNECT_METADATA_MAX_ENTRIES} ContentMetadata allows`);
  }
  const metadata: Record<string, string> = {};
  for (const key of keys) {
    if (key.length < 1 || key.length > 4096) throw new FixtureError(r.path, `key ${JSON.stringify(key)} must have length 1..4096 (NonEmptyString)`);
    metadata[key] = r.string(key, shapes.QCONNECT_NON_EMPTY_STRING, true);
  }
  return metadata;
}

/**
 * `ExternalSourceConfiguration`: `source` and the `configuration` union, which must have exactly one
 * member. `connectConfiguration` is checked; any other member name is kept as it is, because an
 * unknown union member is how a fixture shows what a newer model would send.
 */
function readExternalSource(r: ObjectReader): { source: string; configuration: Record<string, unknown> } {
  const source = r.enumValue('source', shapes.QCONNECT_EXTERNAL_SOURCE, true);
  const union = r.object('configuration', true);
  const members = union.keys().filter((key) => union.has(key));
  if (members.length !== 1) {
    throw new FixtureError(union.path, `a Configuration union needs exactly one member, got ${members.length} (${members.join(', ') || 'none'})`);
  }
  const [member] = members;
  if (member === '$unknown') {
    throw new FixtureError(`${union.path}.$unknown`, 'is the SDK\'s in-memory form, not a wire member name; write the member under its own name');
  }
  let configuration: Record<string, unknown>;
  if (shapes.QCONNECT_CONFIGURATION_MEMBERS.includes(member)) {
    const connect = union.object(member, true);
    configuration = { [member]: compact({ instanceId: connect.string('instanceId', shapes.QCONNECT_NON_EMPTY_STRING) }) };
    connect.done();
  } else {
    configuration = { [member]: structuredClone(union.raw(member)) };
  }
  union.allow(...union.keys()); // the other members are null, which the union rule allows
  union.done();
  r.done();
  return { source, configuration };
}

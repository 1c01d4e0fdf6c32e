/**
 * validateFixture refuses what the models refuse, naming the field, and returns a clean copy.
 */
import { FixtureError, validateFixture } from '../../src/emulator/validateFixture';
import { KB, KENDRA_INDEX, smallFixture, uuid } from './support';

function refusal(mutate: (doc: any) => void): string {
  const doc: any = smallFixture();
  mutate(doc);
  try {
    validateFixture(doc);
  } catch (error) {
    expect(error).toBeInstanceOf(FixtureError);
    return (error as Error).message;
  }
  throw new Error('the fixture was accepted');
}

describe('validateFixture', () => {
  test('accepts a valid fixture and returns an equal, independent copy', () => {
    const doc = smallFixture();
    const valid = validateFixture(doc);
    expect(valid).toEqual(doc);
    doc.kendra!.indices[0].Name = 'changed';
    expect(valid.kendra!.indices[0].Name).toBe('main-index');
    expect(validateFixture({})).toEqual({});
  });

  test.each([
    ['an unknown status', (d: any) => (d.kendra.indices[0].dataSources[0].syncJobs[2].Status = 'DONE'), 'kendra.indices[0].dataSources[0].syncJobs[2].Status: "DONE" is not a DataSourceSyncJobStatus (expected one of FAILED, SUCCEEDED, SYNCING, INCOMPLETE, STOPPING, ABORTED, SYNCING_INDEXING)'],
    ['a short index id', (d: any) => (d.kendra.indices[1].Id = 'abc'), 'kendra.indices[1].Id: "abc" must have length 36 (IndexId), got 3'],
    ['a missing required member', (d: any) => delete d.qbusiness.applications[0].indices[0].dataSources[0].syncJobs[0].status, 'qbusiness.applications[0].indices[0].dataSources[0].syncJobs[0].status: is required (a DataSourceSyncJobStatus)'],
    ['a numeric metric', (d: any) => (d.kendra.indices[0].dataSources[0].syncJobs[0].Metrics.DocumentsAdded = 5), 'kendra.indices[0].dataSources[0].syncJobs[0].Metrics.DocumentsAdded: 5 is not a string'],
    ['a metric with a leading zero', (d: any) => (d.qbusiness.applications[0].indices[0].dataSources[0].syncJobs[0].metrics.documentsAdded = '01'), 'metrics.documentsAdded: "01" must satisfy regular expression pattern ^(([1-9][0-9]*)|0)$ (MetricValue)'],
    ['a timestamp that is not ISO-8601', (d: any) => (d.kendra.indices[0].dataSources[0].syncJobs[0].StartTime = 'yesterday'), 'syncJobs[0].StartTime: "yesterday" is not an ISO-8601 timestamp'],
    ['an epoch-number timestamp', (d: any) => (d.qconnect.knowledgeBases[0].importJobs[0].createdTime = 1700000000), 'importJobs[0].createdTime: 1700000000 is not an ISO-8601 timestamp'],
    ['a duplicate ExecutionId', (d: any) => (d.kendra.indices[0].dataSources[0].syncJobs[4].ExecutionId = 'exec-a-001'), 'syncJobs[4].ExecutionId: duplicate ExecutionId "exec-a-001" (first used at kendra.indices[0].dataSources[0].syncJobs[1].ExecutionId)'],
    ['a duplicate knowledge base', (d: any) => (d.qconnect.knowledgeBases[1].knowledgeBaseId = KB), 'qconnect.knowledgeBases[1].knowledgeBaseId: duplicate knowledgeBaseId'],
    ['an unknown member (a typo)', (d: any) => (d.kendra.indices[0].dataSources[0].syncJobs[0].EndTme = '2025-01-01T00:00:00Z'), 'syncJobs[0].EndTme: is not a known member'],
    ['an upper-case Q Connect id', (d: any) => (d.qconnect.knowledgeBases[0].importJobs[0].importJobId = uuid(0xab).toUpperCase()), 'importJobs[0].importJobId: "00000000-0000-4000-8000-0000000000AB" must satisfy regular expression pattern'],
    ['an unknown Kendra error code', (d: any) => (d.kendra.indices[0].dataSources[0].syncJobs[1].ErrorCode = 'ResourceInactive'), 'syncJobs[1].ErrorCode: "ResourceInactive" is not an ErrorCode (expected one of InternalError, InvalidRequest)'],
    ['a union with two members', (d: any) => (d.qconnect.knowledgeBases[0].importJobs[0].externalSourceConfiguration.configuration.other = {}), 'externalSourceConfiguration.configuration: a Configuration union needs exactly one member, got 2 (connectConfiguration, other)'],
    ['a union with no member', (d: any) => (d.qconnect.knowledgeBases[0].importJobs[0].externalSourceConfiguration.configuration = {}), 'a Configuration union needs exactly one member, got 0 (none)'],
    ['the SDK\'s $unknown form', (d: any) => (d.qconnect.knowledgeBases[0].importJobs[0].externalSourceConfiguration.configuration = { $unknown: ['x', {}] }), 'configuration.$unknown: is the SDK\'s in-memory form'],
    ['a foreign knowledgeBaseArn', (d: any) => (d.qconnect.knowledgeBases[0].importJobs[0].knowledgeBaseArn = 'arn:aws:wisdom:us-east-1:123456789012:knowledge-base/x'), 'importJobs[0].knowledgeBaseArn: "arn:aws:wisdom:us-east-1:123456789012:knowledge-base/x" differs from the derived ARN'],
    ['too many metadata entries', (d: any) => (d.qconnect.knowledgeBases[0].importJobs[0].metadata = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`k${i}`, 'v']))), 'importJobs[0].metadata: has 11 entries, more than the 10 ContentMetadata allows'],
    ['a list that is not an array', (d: any) => (d.qbusiness.applications = {}), 'qbusiness.applications: expected an array, got an object'],
    ['an unknown service', (d: any) => (d.sqs = {}), 'sqs: is not a known member'],
  ])('refuses %s, naming the field', (_name, mutate, message) => {
    expect(refusal(mutate)).toContain(message);
  });

  test('accepts an unknown union member and keeps it as written', () => {
    const doc: any = smallFixture();
    const valid = validateFixture(doc);
    expect(valid.qconnect!.knowledgeBases[1].importJobs[0].externalSourceConfiguration!.configuration).toEqual({
      futureSourceConfiguration: { bucket: 'b1', prefix: 'qr/' },
    });
  });

  test('accepts a job without a start time and a job copied from a real ImportJobSummary', () => {
    const doc: any = smallFixture();
    delete doc.kendra.indices[0].dataSources[0].syncJobs[0].StartTime;
    Object.assign(doc.qconnect.knowledgeBases[0].importJobs[0], { knowledgeBaseId: KB, knowledgeBaseArn: `arn:aws:wisdom:us-east-1:123456789012:knowledge-base/${KB}` });
    const valid = validateFixture(doc);
    expect(valid.kendra!.indices[0].dataSources[0].syncJobs[0].StartTime).toBeUndefined();
    expect(valid.kendra!.indices[0].Id).toBe(KENDRA_INDEX);
  });

  test('normalizes timestamps with offsets to UTC ISO strings', () => {
    const doc: any = smallFixture();
    doc.kendra.indices[0].dataSources[0].syncJobs[0].StartTime = '2025-06-01T14:00:00+02:00';
    expect(validateFixture(doc).kendra!.indices[0].dataSources[0].syncJobs[0].StartTime).toBe('2025-06-01T12:00:00.000Z');
  });
});

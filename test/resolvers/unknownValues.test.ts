/**
 * Values the gateway does not know are data, not errors: an unknown union member becomes
 * UnknownExternalSourceConfiguration whichever way the SDK delivers it, an unknown status UNKNOWN
 * with the raw value kept.
 */
import { KB, KENDRA_DS, KENDRA_INDEX, importJobs, singleSourceFixture } from '../helpers/fixtures';
import { startHarness, type Harness } from '../helpers/harness';
import { toConfigurationDetails } from '../../src/model/externalSource';

let harness: Harness;
beforeAll(async () => {
  const fixture = singleSourceFixture(6);
  const [first, ...rest] = importJobs(6);
  fixture.qconnect!.knowledgeBases[0].importJobs = [
    {
      ...first,
      externalSourceConfiguration: {
        source: 'AMAZON_CONNECT',
        configuration: { salesforceConfiguration: { orgId: 'org-42' } },
      },
    },
    ...rest,
  ];
  harness = await startHarness(fixture);
});
afterAll(() => harness.close());

const IMPORT_JOBS = `query($kb: ID!) { qconnectKnowledgeBase(id: $kb) { importJobs(first: 6) { nodes {
  jobId status statusRaw state
  externalSourceConfiguration { source configuration { __typename
    ... on ConnectConfiguration { instanceId }
    ... on UnknownExternalSourceConfiguration { memberName rawJson } } } } } } }`;

it('serves a union member the SDK passes through under its own name as UnknownExternalSourceConfiguration', async () => {
  const { data, errors } = await harness.gql(IMPORT_JOBS, { kb: KB });
  expect(errors).toBeUndefined();
  const [unknown, known] = data.qconnectKnowledgeBase.importJobs.nodes;
  expect(unknown.externalSourceConfiguration.configuration).toEqual({
    __typename: 'UnknownExternalSourceConfiguration',
    memberName: 'salesforceConfiguration',
    rawJson: '{"orgId":"org-42"}',
  });
  expect(known.externalSourceConfiguration.configuration).toEqual({
    __typename: 'ConnectConfiguration',
    instanceId: 'inst-0',
  });
});

it('reads the $unknown form of schema-based SDK clients the same way', () => {
  expect(toConfigurationDetails({ $unknown: ['fileConfiguration', { bucket: 'b' }] })).toEqual({
    kind: 'UnknownExternalSourceConfiguration',
    memberName: 'fileConfiguration',
    rawJson: '{"bucket":"b"}',
  });
});

it('shows statuses and members the SDK does not know as UNKNOWN with the raw value, not as errors', async () => {
  await harness.setFaults([{ unknownValues: true }]);
  try {
    const imports = await harness.gql(IMPORT_JOBS, { kb: KB });
    expect(imports.errors).toBeUndefined();
    const nodes = imports.data.qconnectKnowledgeBase.importJobs.nodes;
    const odd = nodes.filter((n: any) => n.status === 'UNKNOWN');
    expect(odd.length).toBeGreaterThan(0);
    for (const node of odd) {
      expect(node.state).toBe('UNKNOWN');
      expect(node.statusRaw).not.toBe('UNKNOWN');
    }
    const sync = await harness.gql(
      `query($idx: ID!, $ds: ID!) { kendraIndex(id: $idx) { dataSource(id: $ds) { syncJobs(first: 6) { nodes { status statusRaw state } } } } }`,
      { idx: KENDRA_INDEX, ds: KENDRA_DS },
    );
    expect(sync.errors).toBeUndefined();
    const unknownSync = sync.data.kendraIndex.dataSource.syncJobs.nodes.filter(
      (n: any) => n.status === 'UNKNOWN',
    );
    expect(unknownSync.length).toBeGreaterThan(0);
    expect(unknownSync[0].statusRaw).toMatch(/^[A-Z_]+$/);
  } finally {
    await harness.setFaults([]);
  }
});

/** Sync job metrics arrive as digit strings and are served as exact integers, above 2^31 too. */
import {
  KENDRA_DS,
  KENDRA_INDEX,
  QB_APP,
  QB_DS,
  QB_INDEX,
  singleSourceFixture,
} from '../helpers/fixtures';
import { startHarness, type Harness } from '../helpers/harness';

let harness: Harness;
beforeAll(async () => {
  const fixture = singleSourceFixture(2);
  fixture.kendra!.indices[0].dataSources[0].syncJobs[0].Metrics = {
    DocumentsAdded: '2147483648',
    DocumentsModified: '0',
    DocumentsDeleted: '7',
    DocumentsFailed: '1',
    DocumentsScanned: '9007199254740991',
  };
  fixture.qbusiness!.applications[0].indices[0].dataSources[0].syncJobs[0].metrics = {
    documentsScanned: '3000000000',
  };
  harness = await startHarness(fixture);
});
afterAll(() => harness.close());

it('keeps counts above 2^31 exact, as JSON numbers', async () => {
  const { data, errors } = await harness.gql(
    `query($k: ID!, $kd: ID!, $a: ID!, $i: ID!, $d: ID!) {
      kendraIndex(id: $k) { dataSource(id: $kd) { syncJobs(first: 1) { nodes { metrics { documentsAdded documentsModified documentsDeleted documentsFailed documentsScanned } } } } }
      qbusinessApplication(id: $a) { index(id: $i) { dataSource(id: $d) { syncJobs(first: 1) { nodes { metrics { documentsScanned documentsAdded } } } } } } }`,
    { k: KENDRA_INDEX, kd: KENDRA_DS, a: QB_APP, i: QB_INDEX, d: QB_DS },
  );
  expect(errors).toBeUndefined();
  expect(data.kendraIndex.dataSource.syncJobs.nodes[0].metrics).toEqual({
    documentsAdded: 2147483648,
    documentsModified: 0,
    documentsDeleted: 7,
    documentsFailed: 1,
    documentsScanned: 9007199254740991,
  });
  expect(data.qbusinessApplication.index.dataSource.syncJobs.nodes[0].metrics).toEqual({
    documentsScanned: 3000000000,
    documentsAdded: null,
  });
});

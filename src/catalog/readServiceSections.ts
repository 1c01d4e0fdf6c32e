/**
 * Reads the three service sections of a configuration file (`kendra`, `qbusiness`, `qconnect`)
 * into the `CatalogConfig` the catalog serves: which indexes, applications, data sources and
 * knowledge bases, each id checked against its service's form and for duplicates.
 *
 * Danger: an absent list means "every one" (discovered at run time), never "none": an empty list
 * is refused rather than read as either.
 */
import {
  kendraDataSourceId,
  kendraIndexId,
  knowledgeBaseId,
  qbusinessId,
} from '../model/serviceIds';
import type { CatalogConfig } from './configCatalog';
import type { ConfigReader, Entry } from './configReader';

const EVERY_DATA_SOURCE = 'data source (omit dataSources to serve every one)';

/** The `kendra` section: its indexes, each with its data sources or none (every one). */
export function readKendra(reader: ConfigReader, entry: Entry): CatalogConfig['kendra'] {
  const fields = reader.map(entry, 'kendra', ['indexes'], ['indexes']);
  const indexes =
    fields &&
    reader.list(fields.get('indexes')!, 'kendra.indexes', 'index (omit kendra to serve none)');
  if (!indexes) return undefined;
  const seen = new Map<string, number>();
  return {
    indexes: indexes.map((item, i) => {
      const path = `kendra.indexes[${i}]`;
      const index = reader.map(item, path, ['id', 'dataSources'], ['id']);
      if (!index) return { id: '' };
      const id = reader.id(index.get('id')!, `${path}.id`, kendraIndexId, seen);
      const list = index.get('dataSources');
      const dataSources =
        list && reader.ids(list, `${path}.dataSources`, EVERY_DATA_SOURCE, kendraDataSourceId);
      return { id: id ?? '', ...(dataSources ? { dataSources } : {}) };
    }),
  };
}

/** The `qbusiness` section: applications, each with indices or none (every one). */
export function readQbusiness(reader: ConfigReader, entry: Entry): CatalogConfig['qbusiness'] {
  const fields = reader.map(entry, 'qbusiness', ['applications'], ['applications']);
  const what = 'application (omit qbusiness to serve none)';
  const applications =
    fields && reader.list(fields.get('applications')!, 'qbusiness.applications', what);
  if (!applications) return undefined;
  const seenApplications = new Map<string, number>();
  return {
    applications: applications.map((item, a) => {
      const path = `qbusiness.applications[${a}]`;
      const application = reader.map(item, path, ['id', 'indices'], ['id']);
      if (!application) return { id: '' };
      const id = reader.id(
        application.get('id')!,
        `${path}.id`,
        (v) => qbusinessId(v, 'application'),
        seenApplications,
      );
      const list = application.get('indices');
      const indices = list && readQbusinessIndices(reader, list, `${path}.indices`);
      return { id: id ?? '', ...(indices ? { indices } : {}) };
    }),
  };
}

/** One application's `indices`: each index with its data sources or none (every one). */
function readQbusinessIndices(
  reader: ConfigReader,
  entry: Entry,
  path: string,
): { id: string; dataSources?: string[] }[] | undefined {
  const items = reader.list(entry, path, 'index (omit indices to serve every one)');
  const seen = new Map<string, number>();
  return items?.map((item, i) => {
    const indexPath = `${path}[${i}]`;
    const index = reader.map(item, indexPath, ['id', 'dataSources'], ['id']);
    if (!index) return { id: '' };
    const id = reader.id(index.get('id')!, `${indexPath}.id`, (v) => qbusinessId(v, 'index'), seen);
    const list = index.get('dataSources');
    const dataSources =
      list &&
      reader.ids(list, `${indexPath}.dataSources`, EVERY_DATA_SOURCE, (v) =>
        qbusinessId(v, 'data source'),
      );
    return { id: id ?? '', ...(dataSources ? { dataSources } : {}) };
  });
}

/** The `qconnect` section: its knowledge bases, or `{}` for every one. */
export function readQconnect(reader: ConfigReader, entry: Entry): CatalogConfig['qconnect'] {
  const fields = reader.map(
    entry,
    'qconnect',
    ['knowledgeBases'],
    [],
    ' (write qconnect: {} to serve every knowledge base)',
  );
  if (!fields) return undefined;
  const list = fields.get('knowledgeBases');
  if (!list) return {};
  const what = 'knowledge base (omit knowledgeBases to serve every one)';
  const knowledgeBases = reader.ids(list, 'qconnect.knowledgeBases', what, knowledgeBaseId);
  return knowledgeBases && { knowledgeBases };
}

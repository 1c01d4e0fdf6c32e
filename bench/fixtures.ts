/**
 * Bench data: `sources` sources spread over the three services (two Kendra and two Q Business for
 * each Q Connect knowledge base), `jobs` finished jobs each, one every `spacingMinutes`, the newest
 * at `BASE_TIME`. Danger: large fixtures take seconds to validate; build each once per run.
 */
import type { Fixture } from '../src/emulator/fixture/fixture';
import {
  BASE_TIME,
  id36,
  importJobs,
  kendraJobs,
  qbusinessJobs,
  uuid,
} from '../test/helpers/fixtures';

export { BASE_TIME };

export interface BenchData {
  sources: number;
  jobs: number;
  spacingMinutes: number;
}

export function benchFixture({ sources, jobs, spacingMinutes }: BenchData): Fixture {
  const spacingHours = spacingMinutes / 60;
  const kbs = Math.floor(sources / 5);
  const kendra = Math.ceil((sources - kbs) / 2);
  const qbusiness = sources - kbs - kendra;
  let seed = 1;
  return {
    kendra: {
      indices:
        kendra === 0
          ? []
          : [
              {
                Id: id36('kbench', 1),
                Name: 'bench-index',
                dataSources: Array.from({ length: kendra }, (_, d) => ({
                  Id: `kds-${d}`,
                  Name: `kendra-source-${d}`,
                  Type: 'S3',
                  syncJobs: kendraJobs(jobs, seed++, spacingHours),
                })),
              },
            ],
    },
    qbusiness: {
      applications:
        qbusiness === 0
          ? []
          : [
              {
                applicationId: id36('appbench', 1),
                displayName: 'bench-app',
                indices: [
                  {
                    indexId: id36('idxbench', 1),
                    displayName: 'bench-app-index',
                    dataSources: Array.from({ length: qbusiness }, (_, d) => ({
                      dataSourceId: id36(`qds${d}x`, d),
                      displayName: `qbusiness-source-${d}`,
                      type: 'WEBCRAWLER',
                      syncJobs: qbusinessJobs(jobs, seed++, spacingHours),
                    })),
                  },
                ],
              },
            ],
    },
    qconnect: {
      knowledgeBases: Array.from({ length: kbs }, (_, k) => ({
        knowledgeBaseId: uuid(700_000 + k),
        name: `knowledge base ${k}`,
        knowledgeBaseType: 'QUICK_RESPONSES',
        importJobs: importJobs(jobs, seed++, spacingHours),
      })),
    },
  };
}

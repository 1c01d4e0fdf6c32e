/**
 * An in-memory `PageSource` over a job history, paging the way the services do, for the property
 * tests. Not a mock of AWS: it has the two token modes the emulator has, counts its calls, can be
 * told to fail some of them, and lets a test insert jobs between requests.
 *
 *   keyset: the token names the last key returned; the next page is the jobs after that key.
 *   offset: the token is the number of jobs already returned; inserting a newer job pushes older
 *           ones to later pages, so a page at an old token starts earlier than it did.
 */
import type { PageSource, SortKey, ServicePage } from '../../src/relay/pageSource';
import { compareSortKeys } from '../../src/relay/sortKey';

export interface MemoryJob {
  /** Start time in ms; `-Infinity` = no start time. */
  time: number;
  service: string;
  sourceId: string;
  jobId: string;
  /** Something for `accept` filters to look at. */
  tag: number;
}

export type TokenMode = 'keyset' | 'offset';

export interface MemorySourceOptions {
  key: string;
  jobs: MemoryJob[];
  maxPageSize: number;
  mode: TokenMode;
  accept?: (job: MemoryJob) => boolean;
  /** A full last page still carries a nextToken (the next call returns an empty page), as some services do. */
  lazyEnd?: boolean;
  /** Characters of padding in each token, to make cursors as long as real service tokens. */
  tokenPadding?: number;
  /** Called with the 0-based call number: an error to reject that call with, or undefined. */
  failOn?: (call: number) => unknown;
}

export function jobSortKey(job: MemoryJob): SortKey {
  return [job.time, job.service, job.sourceId, job.jobId];
}

export function compareJobs(a: MemoryJob, b: MemoryJob): number {
  return compareSortKeys(jobSortKey(a), jobSortKey(b));
}

export class MemorySource implements PageSource<MemoryJob> {
  readonly key: string;
  readonly maxPageSize: number;
  readonly accept?: (job: MemoryJob) => boolean;
  /** Upstream calls made, failed ones included. */
  calls = 0;
  /** Sizes asked for, in call order. */
  readonly sizes: number[] = [];
  private jobs: MemoryJob[];

  constructor(private readonly options: MemorySourceOptions) {
    this.key = options.key;
    this.maxPageSize = options.maxPageSize;
    if (options.accept !== undefined) this.accept = options.accept;
    this.jobs = [...options.jobs].sort(compareJobs);
  }

  /** The history as it is now, in connection order. */
  all(): MemoryJob[] {
    return [...this.jobs];
  }

  insert(job: MemoryJob): void {
    this.jobs = [...this.jobs, job].sort(compareJobs);
  }

  sortKeyOf(job: MemoryJob): SortKey {
    return jobSortKey(job);
  }

  async fetchPage(token: string | undefined, size: number): Promise<ServicePage<MemoryJob>> {
    const call = this.calls++;
    this.sizes.push(size);
    if (!Number.isInteger(size) || size < 1 || size > this.maxPageSize) {
      throw new Error(`${this.key}: page size ${size} outside 1..${this.maxPageSize}`);
    }
    const failure = this.options.failOn?.(call);
    if (failure !== undefined) throw failure;
    await Promise.resolve();
    const start = this.startOf(token);
    const items = this.jobs.slice(start, start + size);
    const end = start + items.length;
    const more = end < this.jobs.length || (this.options.lazyEnd === true && items.length === size);
    if (!more) return { items };
    const pad = 'p'.repeat(this.options.tokenPadding ?? 0);
    const last = items[items.length - 1];
    const nextToken =
      this.options.mode === 'offset'
        ? `o:${end}:${pad}`
        : `k:${JSON.stringify([String(last.time), last.service, last.sourceId, last.jobId])}:${pad}`;
    return { items, nextToken };
  }

  private startOf(token: string | undefined): number {
    if (token === undefined) return 0;
    if (this.options.mode === 'offset') {
      const match = /^o:(\d+):p*$/.exec(token);
      if (match === null) throw new Error(`${this.key}: not an offset token: ${token}`);
      return Number(match[1]);
    }
    const match = /^k:(.*):p*$/.exec(token);
    if (match === null) throw new Error(`${this.key}: not a keyset token: ${token}`);
    const [time, service, sourceId, jobId] = JSON.parse(match[1]) as string[];
    const after: SortKey = [Number(time), service, sourceId, jobId];
    const index = this.jobs.findIndex((job) => compareSortKeys(jobSortKey(job), after) > 0);
    return index === -1 ? this.jobs.length : index;
  }
}

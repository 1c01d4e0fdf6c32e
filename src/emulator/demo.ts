/**
 * The demo data set behind `--demo`: two Kendra indices, two Q Business applications and two Q Connect
 * knowledge bases, each data source and knowledge base with 90 days of sync or import history ending
 * at `now`, generated from a seed (issue 3, point 9).
 *
 * Danger: "same seed, same data" holds only while every choice comes from the seeded generator and
 * every time from `now`. One stray `Math.random()` or `Date.now()` and the demo drifts silently; the
 * tests compare whole documents to catch it.
 */
import type {
  Fixture,
  KendraIndexFixture,
  KendraSyncJobFixture,
  QBusinessApplicationFixture,
  QBusinessSyncJobFixture,
  QConnectImportJobFixture,
  QConnectKnowledgeBaseFixture,
  ServiceName,
} from './fixture';
import {
  FAILURES_BY_TYPE,
  INTERNAL_FAILURE,
  KENDRA_INDICES,
  KNOWLEDGE_BASES,
  QBUSINESS_APPLICATIONS,
  QBUSINESS_ONLY_FAILURES,
  type Failure,
  type ImportProfile,
  type SyncSourceProfile,
} from './demoProfiles';

export interface DemoOptions {
  /** Picks the data set: any integer (used modulo 2^32). Default 1. */
  seed?: number;
  /** Exactly this many jobs in every data source and knowledge base (benchmarks). Default: a realistic history. */
  scale?: number;
  /** Where the history ends. Default: the current hour (UTC), so the demo stays the same within an hour. */
  now?: Date;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const HISTORY_DAYS = 90;
const ACCOUNT = '123456789012';

type SyncStatus = 'FAILED' | 'SUCCEEDED' | 'SYNCING' | 'INCOMPLETE' | 'STOPPING' | 'ABORTED' | 'SYNCING_INDEXING';
type ImportStatus = 'START_IN_PROGRESS' | 'FAILED' | 'COMPLETE' | 'DELETE_IN_PROGRESS' | 'DELETE_FAILED' | 'DELETED';
type Service = Exclude<ServiceName, 'qconnect'>;

/** Two hex digits per byte: `toString(16).padStart` dominated `--scale` runs. */
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const hex4 = (n: number): string => HEX[(n >>> 8) & 255]! + HEX[n & 255]!;

/** mulberry32 (public domain): 32 bits of state, fast, plenty for demo data. */
function createRandom(seed: number) {
  let state = seed >>> 0;
  const seen = new Set<string>();
  const uint32 = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  const float = (): number => uint32() / 4294967296;
  const int = (min: number, max: number): number => min + Math.floor(float() * (max - min + 1));
  return {
    float,
    /** Inclusive on both ends. */
    int,
    chance: (p: number): boolean => float() < p,
    pick: <T>(items: readonly T[]): T => items[int(0, items.length - 1)] as T,
    /** A lower-case v4-shaped UUID never returned before by this generator: fits every id pattern in scope. */
    uuid(): string {
      for (;;) {
        const a = uint32();
        const b = uint32();
        const c = uint32();
        const d = uint32();
        const variant = '89ab'[c >>> 30]! + '0123456789abcdef'[(c >>> 24) & 15]!;
        const id = `${hex4(a >>> 16)}${hex4(a)}-${hex4(b >>> 16)}-4${hex4(b).slice(1)}-${variant}${HEX[(c >>> 16) & 255]}-${hex4(c)}${hex4(d >>> 16)}${hex4(d)}`;
        if (!seen.has(id)) {
          seen.add(id);
          return id;
        }
      }
    },
  };
}
type Random = ReturnType<typeof createRandom>;

interface SyncPlan {
  id: string;
  startMs: number;
  status: SyncStatus;
  failure?: Failure;
  huge?: boolean;
}

interface ImportPlan {
  id: string;
  createdMs: number;
  status: ImportStatus;
  pinned?: boolean;
  unknownMember?: boolean;
}

const PAD2 = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));
const PAD3 = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'));
const isoDays = new Map<number, string>();

/** `new Date(ms).toISOString()`, with the date part cached per day: it was a third of a `--scale` run. */
function iso(ms: number): string {
  const day = Math.floor(ms / DAY);
  let date = isoDays.get(day);
  if (date === undefined) {
    date = new Date(day * DAY).toISOString().slice(0, -13); // "YYYY-MM-DDT" ("+YYYYYY-MM-DDT" far out)
    if (isoDays.size > 10_000) isoDays.clear();
    isoDays.set(day, date);
  }
  const rest = ms - day * DAY;
  const seconds = Math.floor(rest / 1000);
  return `${date}${PAD2[Math.floor(seconds / 3600)]}:${PAD2[Math.floor(seconds / 60) % 60]}:${PAD2[seconds % 60]}.${PAD3[rest % 1000]}Z`;
}
const byNewest = <P extends { id: string }>(time: (p: P) => number) => (a: P, b: P): number =>
  time(b) - time(a) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Start times over the history: evenly spread with jitter when `count` is set; else, with `cron`, the
 * schedule's slots with a missed run now and then and the odd manual re-run, without it irregular
 * gaps of 0.3 to 1.7 periods (manual imports). All at least 40 minutes old, so a live job (at most
 * 35 minutes old) is always the newest.
 */
function historyStarts(rng: Random, nowMs: number, count: number | undefined, everyHours: number, offsetHours: number, cron: boolean): number[] {
  const horizon = nowMs - HISTORY_DAYS * DAY;
  const starts: number[] = [];
  if (count !== undefined) {
    const span = nowMs - HOUR - horizon;
    for (let i = 0; i < count; i++) starts.push(Math.floor(nowMs - HOUR - (span * (i + rng.float())) / count));
    return starts;
  }
  const period = everyHours * HOUR;
  const offset = offsetHours * HOUR;
  let t = cron ? Math.floor((nowMs - HOUR - offset) / period) * period + offset : nowMs - rng.int(HOUR, period);
  while (t >= horizon) {
    if (!cron) {
      starts.push(t);
      t -= Math.floor(period * (0.3 + 1.4 * rng.float()));
      continue;
    }
    if (!rng.chance(0.04)) starts.push(t + rng.int(0, 20 * MINUTE));
    const manual = t - rng.int(HOUR, Math.max(HOUR, Math.floor(period * 0.6)));
    if (rng.chance(0.05) && manual >= horizon) starts.push(manual);
    t -= period;
  }
  return starts;
}

function planSyncHistory(rng: Random, profile: SyncSourceProfile, nowMs: number, scale: number | undefined): SyncPlan[] {
  const count = scale === undefined ? undefined : Math.max(0, scale - (profile.live ? 1 : 0));
  const starts = historyStarts(rng, nowMs, count, profile.everyHours, profile.offsetHours, true);
  const plans: SyncPlan[] = starts.map((startMs) => {
    const daysAgo = (nowMs - startMs) / DAY;
    const { outage, rates } = profile;
    if (outage && daysAgo <= outage.fromDay && daysAgo >= outage.toDay) return { id: rng.uuid(), startMs, status: 'FAILED', failure: outage.failure };
    const r = rng.float();
    const status: SyncStatus =
      r < rates.failed ? 'FAILED' : r < rates.failed + rates.incomplete ? 'INCOMPLETE' : r < rates.failed + rates.incomplete + rates.aborted ? 'ABORTED' : 'SUCCEEDED';
    return { id: rng.uuid(), startMs, status };
  });
  if (profile.live && (scale === undefined || scale > 0)) plans.push({ id: rng.uuid(), startMs: nowMs - rng.int(2 * MINUTE, 35 * MINUTE), status: profile.live });
  plans.sort(byNewest((p) => p.startMs));
  if (profile.huge) {
    const target = plans.find((p) => p.status === 'SUCCEEDED') ?? plans.find((p) => !isLive(p.status));
    if (target) Object.assign(target, { status: 'SUCCEEDED', huge: true, failure: undefined });
  }
  return plans;
}

const isLive = (status: string): boolean => status === 'SYNCING' || status === 'SYNCING_INDEXING' || status === 'STOPPING';

/** Makes sure each `required` status appears at least once, by turning plain jobs of status `from` into it. */
function ensureStatuses<P extends { status: string; huge?: boolean; pinned?: boolean }>(rng: Random, plans: P[], from: P['status'], required: readonly P['status'][]): void {
  const present = new Set(plans.map((p) => p.status));
  for (const status of required) {
    if (present.has(status)) continue;
    const candidates = plans.filter((p) => p.status === from && !p.huge && !p.pinned);
    if (candidates.length < 2) return; // too few jobs (tiny --scale): leave the mix as it is
    rng.pick(candidates).status = status;
    present.add(status);
  }
}

interface SyncOutcome {
  endMs?: number;
  failure?: Failure;
  metrics: { added: number; modified: number; deleted: number; failed: number; scanned: number };
}

/** End time, error and metrics of one job; `capMs` is the time until the next newer job (or `now`). */
function syncOutcome(rng: Random, service: Service, profile: SyncSourceProfile, plan: SyncPlan, capMs: number, nowMs: number): SyncOutcome {
  const { status } = plan;
  const corpus = Math.round(profile.docs * (1 - (0.15 * (nowMs - plan.startMs)) / (HISTORY_DAYS * DAY)));
  const share =
    status === 'FAILED' ? (rng.chance(0.4) ? 0 : 0.5 * rng.float())
    : status === 'ABORTED' || status === 'STOPPING' || status === 'SYNCING' ? 0.1 + 0.8 * rng.float()
    : 1;
  const scanned = plan.huge ? 3_000_000_000 + rng.int(0, 100_000_000) : Math.floor(corpus * share);
  const part = (fraction: number): number => rng.int(0, Math.floor(Math.min(scanned, corpus) * fraction));
  const metrics = {
    added: part(0.01),
    modified: part(0.03),
    deleted: part(0.004),
    failed: status === 'INCOMPLETE' ? Math.max(1, part(0.02)) : status === 'FAILED' ? part(0.05) : 0,
    scanned,
  };
  if (isLive(status)) return { metrics };
  const planned = rng.int(profile.minutes[0] * MINUTE, profile.minutes[1] * MINUTE);
  const ran = status === 'FAILED' ? planned * (0.05 + 0.45 * rng.float()) : status === 'ABORTED' ? planned * share : planned;
  const endMs = plan.startMs + Math.max(1000, Math.floor(Math.min(ran, capMs * 0.9)));
  if (status !== 'FAILED') return { endMs, metrics };
  const pool = [...(FAILURES_BY_TYPE[profile.type] ?? []), INTERNAL_FAILURE, ...(service === 'qbusiness' ? QBUSINESS_ONLY_FAILURES : [])];
  return { endMs, metrics, failure: plan.failure ?? rng.pick(pool) };
}

function toKendraJob(plan: SyncPlan, { endMs, failure, metrics: m }: SyncOutcome): KendraSyncJobFixture {
  return {
    ExecutionId: plan.id,
    StartTime: iso(plan.startMs),
    ...(endMs === undefined ? {} : { EndTime: iso(endMs) }),
    Status: plan.status,
    ...(failure ? { ErrorCode: failure.code, ErrorMessage: failure.message } : {}),
    ...(failure?.sourceCode ? { DataSourceErrorCode: failure.sourceCode } : {}),
    Metrics: {
      DocumentsAdded: String(m.added),
      DocumentsModified: String(m.modified),
      DocumentsDeleted: String(m.deleted),
      DocumentsFailed: String(m.failed),
      DocumentsScanned: String(m.scanned),
    },
  };
}

function toQBusinessJob(plan: SyncPlan, { endMs, failure, metrics: m }: SyncOutcome): QBusinessSyncJobFixture {
  return {
    executionId: plan.id,
    startTime: iso(plan.startMs),
    ...(endMs === undefined ? {} : { endTime: iso(endMs) }),
    status: plan.status,
    ...(failure ? { error: { errorCode: failure.code, errorMessage: failure.message } } : {}),
    ...(failure?.sourceCode ? { dataSourceErrorCode: failure.sourceCode } : {}),
    metrics: {
      documentsAdded: String(m.added),
      documentsModified: String(m.modified),
      documentsDeleted: String(m.deleted),
      documentsFailed: String(m.failed),
      documentsScanned: String(m.scanned),
    },
  };
}

/** Plans every source of one service, then completes the status mix across the whole service. */
function planService(rng: Random, profiles: SyncSourceProfile[], nowMs: number, scale: number | undefined): SyncPlan[][] {
  const histories = profiles.map((profile) => planSyncHistory(rng, profile, nowMs, scale));
  ensureStatuses(rng, histories.flat(), 'SUCCEEDED', ['FAILED', 'INCOMPLETE', 'ABORTED']);
  return histories;
}

function materialize<J>(rng: Random, service: Service, profile: SyncSourceProfile, plans: SyncPlan[], nowMs: number, toJob: (p: SyncPlan, o: SyncOutcome) => J): J[] {
  return plans.map((plan, i) => toJob(plan, syncOutcome(rng, service, profile, plan, (i === 0 ? nowMs : plans[i - 1]!.startMs) - plan.startMs, nowMs)));
}

/** Creation and last update of a resource, both before `beforeMs` (the start of the history). */
function lifetime(rng: Random, afterMs: number, beforeMs: number): { createdAt: string; updatedAt: string; createdMs: number } {
  const createdMs = afterMs + rng.int(DAY, 20 * DAY);
  return { createdMs, createdAt: iso(createdMs), updatedAt: iso(rng.int(createdMs + MINUTE, beforeMs - HOUR)) };
}

function generateKendra(rng: Random, nowMs: number, scale: number | undefined): KendraIndexFixture[] {
  const horizon = nowMs - HISTORY_DAYS * DAY;
  const histories = planService(rng, KENDRA_INDICES.flatMap((index) => index.sources), nowMs, scale);
  let next = 0;
  return KENDRA_INDICES.map((index) => {
    const indexLife = lifetime(rng, horizon - 200 * DAY, horizon - 120 * DAY);
    return {
      Id: rng.uuid(), Name: index.name, Edition: index.edition, Status: 'ACTIVE', Description: index.description,
      RoleArn: `arn:aws:iam::${ACCOUNT}:role/service-role/AmazonKendra-${index.name}`,
      CreatedAt: indexLife.createdAt, UpdatedAt: indexLife.updatedAt,
      dataSources: index.sources.map((profile) => {
        const life = lifetime(rng, indexLife.createdMs, horizon);
        return {
          Id: rng.uuid(), Name: profile.name, Type: profile.type, Status: 'ACTIVE', Description: profile.description, LanguageCode: 'en',
          RoleArn: `arn:aws:iam::${ACCOUNT}:role/service-role/AmazonKendra-${profile.name}`, Schedule: profile.schedule,
          CreatedAt: life.createdAt, UpdatedAt: life.updatedAt,
          syncJobs: materialize(rng, 'kendra', profile, histories[next++]!, nowMs, toKendraJob),
        };
      }),
    };
  });
}

function generateQBusiness(rng: Random, nowMs: number, scale: number | undefined): QBusinessApplicationFixture[] {
  const horizon = nowMs - HISTORY_DAYS * DAY;
  const histories = planService(rng, QBUSINESS_APPLICATIONS.flatMap((a) => a.indices.flatMap((x) => x.sources)), nowMs, scale);
  let next = 0;
  return QBUSINESS_APPLICATIONS.map((app) => {
    const appLife = lifetime(rng, horizon - 200 * DAY, horizon - 150 * DAY);
    return {
      applicationId: rng.uuid(), displayName: app.name, status: 'ACTIVE', identityType: 'AWS_IAM_IDC', description: app.description,
      createdAt: appLife.createdAt, updatedAt: appLife.updatedAt,
      indices: app.indices.map((index) => {
        const indexLife = lifetime(rng, appLife.createdMs, horizon - 100 * DAY);
        return {
          indexId: rng.uuid(), displayName: index.name, status: 'ACTIVE', description: index.description,
          createdAt: indexLife.createdAt, updatedAt: indexLife.updatedAt,
          dataSources: index.sources.map((profile) => {
            const life = lifetime(rng, indexLife.createdMs, horizon);
            return {
              dataSourceId: rng.uuid(), displayName: profile.name, type: profile.type, status: profile.updating ? 'UPDATING' : 'ACTIVE',
              description: profile.description, roleArn: `arn:aws:iam::${ACCOUNT}:role/service-role/QBusiness-DataSource-${profile.name}`,
              syncSchedule: profile.schedule, createdAt: life.createdAt, updatedAt: life.updatedAt,
              syncJobs: materialize(rng, 'qbusiness', profile, histories[next++]!, nowMs, toQBusinessJob),
            };
          }),
        };
      }),
    };
  });
}

function planImports(rng: Random, profile: ImportProfile, nowMs: number, scale: number | undefined): ImportPlan[] {
  const count = scale === undefined ? undefined : Math.max(0, scale - (profile.live ? 1 : 0));
  const plans: ImportPlan[] = historyStarts(rng, nowMs, count, profile.everyHours, 0, false).map((createdMs) => {
    const r = rng.float();
    const status: ImportStatus = r < 0.1 ? 'FAILED' : r < 0.18 ? 'DELETED' : r < 0.21 ? 'DELETE_FAILED' : 'COMPLETE';
    return { id: rng.uuid(), createdMs, status };
  });
  if (profile.live && (scale === undefined || scale > 0)) plans.push({ id: rng.uuid(), createdMs: nowMs - rng.int(2 * MINUTE, 35 * MINUTE), status: 'START_IN_PROGRESS', pinned: true });
  plans.sort(byNewest((p) => p.createdMs));
  if (profile.pinned && plans.length > 0) {
    Object.assign(plans[Math.min(1, plans.length - 1)]!, { status: 'DELETE_IN_PROGRESS', pinned: true });
    Object.assign(plans[Math.min(2, plans.length - 1)]!, { unknownMember: true, pinned: true });
  }
  return plans;
}

function toImportJob(rng: Random, kb: { id: string; profile: ImportProfile; instanceId: string }, plan: ImportPlan, nowMs: number): QConnectImportJobFixture {
  const { createdMs, status } = plan;
  const modifiedMs =
    status === 'START_IN_PROGRESS' ? createdMs + rng.int(0, 5_000)
    : status === 'DELETE_IN_PROGRESS' ? nowMs - rng.int(MINUTE, 30 * MINUTE)
    : status === 'DELETED' || status === 'DELETE_FAILED' ? createdMs + rng.int(HOUR, 20 * DAY)
    : createdMs + rng.int(8_000, 6 * MINUTE);
  const configuration = plan.unknownMember
    ? { salesforceConfiguration: { orgId: `00D${rng.uuid().replace(/-/g, '').slice(0, 15).toUpperCase()}` } }
    : rng.chance(kb.profile.connectShare) ? { connectConfiguration: { instanceId: kb.instanceId } } : undefined;
  return {
    importJobId: plan.id,
    importJobType: 'QUICK_RESPONSES',
    status,
    uploadId: rng.uuid(),
    createdTime: iso(createdMs),
    lastModifiedTime: iso(Math.max(createdMs, Math.min(modifiedMs, nowMs))),
    ...(rng.chance(0.85) ? { metadata: { owner: kb.profile.owner, ...(rng.chance(0.4) ? { ticket: `OPS-${rng.int(1000, 9999)}` } : {}) } } : {}),
    ...(status === 'FAILED' ? { failedRecordReport: `https://qconnect-import-reports-${ACCOUNT}.s3.us-east-1.amazonaws.com/${kb.id}/${plan.id}/failed-records.csv` } : {}),
    ...(configuration ? { externalSourceConfiguration: { source: 'AMAZON_CONNECT', configuration } } : {}),
  };
}

function generateQConnect(rng: Random, nowMs: number, scale: number | undefined): QConnectKnowledgeBaseFixture[] {
  const histories = KNOWLEDGE_BASES.map((profile) => planImports(rng, profile, nowMs, scale));
  ensureStatuses(rng, histories.flat(), 'COMPLETE', ['FAILED', 'DELETED', 'DELETE_FAILED']);
  return KNOWLEDGE_BASES.map((profile, i) => {
    const kb = { id: rng.uuid(), profile, instanceId: rng.uuid() };
    return {
      knowledgeBaseId: kb.id, name: profile.name, knowledgeBaseType: 'QUICK_RESPONSES', status: 'ACTIVE', description: profile.description,
      importJobs: histories[i]!.map((plan) => toImportJob(rng, kb, plan, nowMs)),
    };
  });
}

/**
 * The demo fixture: same `seed` and `now`, byte-identical document. Without `scale`, a realistic
 * 90-day history (cron-driven, irregular, every status of each service, in-progress jobs only as the
 * newest of a few sources); with `scale: N`, exactly N jobs per data source and knowledge base spread
 * over the same 90 days (for benchmarks; the status mix needs N of a few dozen to be complete).
 * Throws a RangeError for a non-integer seed, a scale that is not a whole number, or an invalid date.
 */
export function generateDemoFixture(options: DemoOptions = {}): Fixture {
  const { seed = 1, scale } = options;
  if (!Number.isInteger(seed)) throw new RangeError(`demo seed must be an integer, got ${seed}`);
  if (scale !== undefined && !(Number.isInteger(scale) && scale >= 0)) throw new RangeError(`demo scale must be a whole number of jobs (0 or more), got ${scale}`);
  const nowMs = options.now ? options.now.getTime() : Math.floor(Date.now() / HOUR) * HOUR;
  if (Number.isNaN(nowMs)) throw new RangeError('demo now must be a valid Date, got an invalid one');
  const rng = createRandom(seed);
  return {
    kendra: { indices: generateKendra(rng, nowMs, scale) },
    qbusiness: { applications: generateQBusiness(rng, nowMs, scale) },
    qconnect: { knowledgeBases: generateQConnect(rng, nowMs, scale) },
  };
}

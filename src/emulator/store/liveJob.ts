/**
 * The life of a sync job started through the API, computed from the clock at read time: SYNCING
 * for the first half of the run, SYNCING_INDEXING for the second, then SUCCEEDED or FAILED; a stop
 * makes it STOPPING for a tenth of the run, then ABORTED. Metrics grow with the elapsed time.
 *
 * Danger: status is a pure function of (run, now) — no timers, so nothing leaks past `close()`.
 * Anything that stores a resolved snapshot back into the record freezes the job for good.
 */
import type { LiveRun, SyncJob, SyncJobMetrics } from './records';

/**
 * Statuses in which a live job blocks another start (Kendra ResourceInUse, Q Business Conflict).
 */
const RUNNING = new Set(['SYNCING', 'SYNCING_INDEXING', 'STOPPING']);

/** Every 5th start on one emulator fails, so a demo shows failures without randomness. */
const FAIL_EVERY = 5;

/**
 * Creates the record of a job started now; `sequence` is the emulator's start counter (1-based).
 */
export function startLiveJob(
  executionId: string,
  nowMs: number,
  durationMs: number,
  sequence: number,
): SyncJob {
  return {
    executionId,
    startMs: nowMs,
    status: 'SYNCING',
    live: {
      startedMs: nowMs,
      durationMs,
      outcome: sequence % FAIL_EVERY === 0 ? 'FAILED' : 'SUCCEEDED',
      documents: 200 + ((sequence * 7919) % 800),
    },
  };
}

/** The job as it is at `nowMs`: a fresh object for live jobs, the record itself for history. */
export function resolveSyncJob(job: SyncJob, nowMs: number): SyncJob {
  const run = job.live;
  if (!run) return job;
  const { startedMs, durationMs } = run;
  const progressAt = (ms: number): number =>
    durationMs <= 0 ? 1 : Math.min(1, Math.max(0, (ms - startedMs) / durationMs));
  const base = { executionId: job.executionId, startMs: startedMs };
  if (run.stopMs !== undefined) {
    const abortedMs = run.stopMs + durationMs / 10;
    const metrics = metricsAt(run, progressAt(run.stopMs));
    return nowMs < abortedMs
      ? { ...base, status: 'STOPPING', metrics }
      : { ...base, status: 'ABORTED', endMs: Math.round(abortedMs), metrics };
  }
  const elapsed = nowMs - startedMs;
  if (elapsed < durationMs / 2)
    return { ...base, status: 'SYNCING', metrics: metricsAt(run, progressAt(nowMs)) };
  if (elapsed < durationMs)
    return { ...base, status: 'SYNCING_INDEXING', metrics: metricsAt(run, progressAt(nowMs)) };
  const ended = { ...base, endMs: Math.round(startedMs + durationMs), metrics: metricsAt(run, 1) };
  return run.outcome === 'SUCCEEDED'
    ? { ...ended, status: 'SUCCEEDED' }
    : {
        ...ended,
        status: 'FAILED',
        errorCode: 'InternalError',
        errorMessage:
          `The sync job failed: ${metricsAt(run, 1).documentsFailed} documents could not be ` +
          `indexed (emulated: every ${FAIL_EVERY}th sync job started on this emulator fails)`,
      };
}

/** True while a live job blocks another start; fixture jobs are history and never count. */
export function isRunning(job: SyncJob, nowMs: number): boolean {
  return job.live !== undefined && RUNNING.has(resolveSyncJob(job, nowMs).status);
}

/**
 * Asks a live job to stop. Returns 'stopped' when it was syncing, 'stopping' when a stop is
 * already under way (nothing changes), 'idle' when it is not running.
 */
export function stopLiveJob(job: SyncJob, nowMs: number): 'stopped' | 'stopping' | 'idle' {
  if (!job.live) return 'idle';
  const status = resolveSyncJob(job, nowMs).status;
  if (status === 'STOPPING') return 'stopping';
  if (status !== 'SYNCING' && status !== 'SYNCING_INDEXING') return 'idle';
  job.live.stopMs = nowMs;
  return 'stopped';
}

/** Digit-string metrics after `progress` (0..1) of the run. */
function metricsAt(run: LiveRun, progress: number): SyncJobMetrics {
  const scanned = Math.floor(run.documents * progress);
  const failed = run.outcome === 'FAILED' ? Math.floor(scanned / 10) : 0;
  const ok = scanned - failed;
  const added = Math.floor(ok * 0.6);
  const modified = Math.floor(ok * 0.3);
  return {
    documentsAdded: String(added),
    documentsModified: String(modified),
    documentsDeleted: String(ok - added - modified),
    documentsFailed: String(failed),
    documentsScanned: String(scanned),
  };
}

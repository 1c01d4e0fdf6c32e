/**
 * `GET /readyz`: whether this replica can serve now. The checks are a list, each a name and an
 * async `check()` that resolves `{ ok: true }` or `{ ok: false, reason }`; 200
 * `{ status: 'ready' }` when every check passes, else 503 with each failing check and its reason.
 * Assembly adds checks (the store's here; service probes may join).
 *
 * Danger: a check that hangs would hang the probe; each one is bounded by `timeoutMs`.
 */

export type CheckResult = { ok: true } | { ok: false; reason: string };

export interface ReadinessCheck {
  name: string;
  check(): Promise<CheckResult>;
}

export interface ReadinessReport {
  status: 'ready' | 'unavailable';
  /** Failing checks only. */
  failing?: { name: string; reason: string }[];
}

/** Runs every check at once, each bounded by `timeoutMs` (default 2000). */
export async function readiness(
  checks: readonly ReadinessCheck[],
  timeoutMs = 2000,
): Promise<{ httpStatus: 200 | 503; body: ReadinessReport }> {
  const results = await Promise.all(checks.map((check) => runCheck(check, timeoutMs)));
  const failing = results.flatMap((result, i) =>
    result.ok ? [] : [{ name: checks[i].name, reason: result.reason }],
  );
  if (failing.length === 0) return { httpStatus: 200, body: { status: 'ready' } };
  return { httpStatus: 503, body: { status: 'unavailable', failing } };
}

async function runCheck(check: ReadinessCheck, timeoutMs: number): Promise<CheckResult> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<CheckResult>((resolve) => {
    const reason = `no answer within ${timeoutMs} ms`;
    timer = setTimeout(() => resolve({ ok: false, reason }), timeoutMs);
  });
  try {
    return await Promise.race([check.check(), timeout]);
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}

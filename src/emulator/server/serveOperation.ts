/**
 * Runs one routed service request through the pipeline every request shares: count it, apply the
 * matching fault rules (latency, then denyAccess / throttling / errorRate), run the operation,
 * encode its result or error in the service's protocol.
 *
 * Danger: the count comes first, before faults and validation, so refused requests are counted
 * (tests count the SDK's retries this way); and an unexpected exception must still become the
 * protocol's InternalServerException, never a dropped connection.
 */
import type { FaultInjector } from '../faults/faultInjector';
import { ServiceError } from '../protocols/serviceError';
import type { CallStats } from '../control/stats';
import type { EmulatorReply, OperationCall } from '../protocols/wire';

/** What the shared pipeline needs besides the call: stats, faults, a sleep, a bug report. */
export interface ServeDeps {
  stats: CallStats;
  faults: FaultInjector;
  /** Waits; the emulator's own, so that `close()` can cancel pending delays. */
  sleep(ms: number): Promise<void>;
  /** Reports an unexpected exception (a bug in the emulator). */
  onBug(error: unknown, call: OperationCall): void;
}

/** Counts, faults, runs and encodes one service request; always resolves to a reply. */
export async function serveOperation(call: OperationCall, deps: ServeDeps): Promise<EmulatorReply> {
  deps.stats.count(call.service, call.operation);
  const decision = deps.faults.decide(call);
  if (decision.delayMs > 0) await deps.sleep(decision.delayMs);
  if (decision.error) return call.encodeError(decision.error);
  try {
    return call.execute({ unknownValues: decision.unknownValues });
  } catch (error) {
    if (error instanceof ServiceError) return call.encodeError(error);
    deps.onBug(error, call);
    return call.encodeError(
      new ServiceError(
        'InternalServerException',
        `The emulator failed on ${call.service}.${call.operation}: ` +
          `${(error as Error)?.message ?? String(error)}`,
      ),
    );
  }
}

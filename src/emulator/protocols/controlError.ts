/**
 * The control API's error: an HTTP status and a message naming the field at fault. `control.ts`
 * answers it as JSON; the in-process API (`RunningEmulator.addJobs`, `setFaults`, `loadFixture`)
 * throws it as is.
 *
 * Danger: none of the services' error encodings apply here; the control API is ours, not AWS's.
 */
export class ControlError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'ControlError';
  }
}

/**
 * The emulator of Kendra, Amazon Q Business and Amazon Q in Connect, at the wire level: the real
 * `@aws-sdk/client-*` clients pointed at `url` (or at `AWS_ENDPOINT_URL`) cannot tell it from AWS.
 * This is its public entry: the gateway's CLI, its tests and the benchmarks import only from here.
 * `README.md` in this folder describes the layout behind it.
 *
 * Danger: everything reachable from here is API; a name moved or dropped breaks the gateway's
 * test harness and the CLI, so keep these exports stable when the folders behind them change.
 */
export { startEmulator, type EmulatorOptions, type RunningEmulator } from './server/startEmulator';
export { ManualClock, systemClock, type Clock } from './clock';
export type { AddJobsRequest } from './control/addJobs';
export type { StatsSnapshot } from './control/stats';
export type { FaultRule } from './faults/faultRules';
export { UNKNOWN_ENUM_VALUE, UNKNOWN_UNION_MEMBER } from './faults/unknownValues';
export type * from './fixture/fixture';
export { knowledgeBaseArn } from './fixture/knowledgeBaseArn';
export { FixtureError, validateFixture } from './fixture/validateFixture';
export { ControlError } from './protocols/controlError';
export type { TokenMode } from './tokens/page';

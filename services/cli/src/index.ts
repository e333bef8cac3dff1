/** @pushstream/cli — the operator CLI as a library (`run`), see services/cli/README.md. */
export { run, EXIT } from './run.js';
export type { CliIo } from './io.js';
export type { StatusReport, StageStatus, TopicStatus, DlqStatus } from './commands/status.js';
export type { DeviceReport } from './commands/device.js';
export type { DlqReplayReport } from './commands/dlq-replay.js';
export type { CheckpointListReport, CheckpointSetReport } from './commands/rtds-checkpoint.js';
export type { ResyncReport } from './commands/resync.js';
export type { DecodedRecord } from './record-decoder.js';

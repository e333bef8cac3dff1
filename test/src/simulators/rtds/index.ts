/** The Airship RTDS server simulator: what the connector's tests, the quick start and benchmarks stream from. */
export { startRtdsSimulator, type RtdsSimulator } from './rtds-simulator.js';
export type { AffinityOptions, RtdsSimulatorOptions } from './simulator-options.js';
export type { DisconnectFault, RtdsFault, StallFault, StatusFault } from './fault-script.js';
export type {
  ForeignRequestRecord,
  LogStats,
  RtdsConnectionRecord,
  RtdsEndpointKind,
  RtdsSimulatorStats,
  StreamEndReason,
} from './simulator-stats.js';
export { decimalOffsetRank, RetainedLog, type LogEntry, type OffsetRank } from './retained-log.js';
export type { EventFields } from './event-fields.js';
export { RTDS_FILTER_TYPES } from './request-filters.js';
export type { RtdsSubset } from './subset.js';
export { errorBody, type RtdsErrorBody } from './error-response.js';
export { RTDS_STREAM_CONTENT_TYPE } from './stream-session.js';
export type { EncodingMode, WireEncoding } from './wire-encoder.js';

export { DEFAULT_APPS, type AppSpec } from './app-spec.js';
export type { CmGroundTruth } from './cm/cm-ground-truth.js';
export type { CmDraft, CmRequestRecord } from './cm/cm-records.js';
export { UNKNOWN_CM_EVENT_TYPES } from './cm/cm-renderer.js';
export { createCmWebhooks, type CmWebhookStream } from './cm/cm-webhooks.js';
export { UNKNOWN_COMPLIANCE_EVENT_TYPES } from './compliance/compliance-renderer.js';
export { createComplianceStream } from './compliance/compliance-stream.js';
export {
  foldStatus,
  type DeviceRef,
  type DeviceTruth,
  type ExpectedDeviceEvent,
  type ExpectedStatus,
  type LifecycleEffect,
} from './device-truth.js';
export { createPopulation, type SimulatedDevice } from './population.js';
export { Prng, type Seed } from './prng.js';
export {
  DEFAULT_TRAFFIC_OPTIONS,
  resolveTrafficOptions,
  type ResolvedTrafficOptions,
} from './resolve-options.js';
export type { RtdsGroundTruth } from './rtds/rtds-ground-truth.js';
export { decodeOffset, encodeOffset } from './rtds/rtds-offsets.js';
export type {
  RtdsEventRecord,
  RtdsKeepaliveRecord,
  RtdsLineRecord,
  RtdsOffsetUpdateRecord,
} from './rtds/rtds-records.js';
export { createRtdsStream, type RtdsStream } from './rtds/rtds-stream.js';
export { UNKNOWN_RTDS_TYPES } from './rtds/unknown-content.js';
export type { TrackGroundTruth } from './track/track-ground-truth.js';
export type { TrackMessageRecord, TrackRequestRecord } from './track/track-records.js';
export { createTrackRequests, type TrackRequestStream } from './track/track-requests.js';
export type {
  AppPlatform,
  CmWebhookOptions,
  ComplianceStreamOptions,
  LifecycleOptions,
  MsRange,
  RtdsQuirkOptions,
  RtdsStreamOptions,
  TrackOptions,
  TrafficOptions,
} from './traffic-options.js';
export { createTraffic, type Traffic, type TrafficSummary } from './traffic.js';

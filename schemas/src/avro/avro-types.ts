import type { Pushstream as EventTypes } from '../generated/DeviceEvent.js';
import type { Pushstream as SessionTypes } from '../generated/DeviceSession.js';
import type { Pushstream as StateTypes } from '../generated/DeviceState.js';
import type { Pushstream as OpenSessionTypes } from '../generated/DeviceOpenSessions.js';

export type { DeviceEvent } from '../generated/DeviceEvent.js';
export type { DeviceState } from '../generated/DeviceState.js';
export type { DeviceSession } from '../generated/DeviceSession.js';
export type { SinkAck } from '../generated/SinkAck.js';
export type { ConnectorCheckpoint } from '../generated/ConnectorCheckpoint.js';
export type { DeviceOpenSessions } from '../generated/DeviceOpenSessions.js';

/** Where an event came from (Avro enum `pushstream.Source`). */
export type Source = EventTypes.Source;
/** Normalized meaning of an event (Avro enum `pushstream.EventKind`). */
export type EventKind = EventTypes.EventKind;
/** Normalized device platform (Avro enum `pushstream.Platform`). */
export type Platform = EventTypes.Platform;
/** Device facts (Avro record `pushstream.DeviceProfile`, shared by DeviceEvent and DeviceState). */
export type DeviceProfile = EventTypes.DeviceProfile;
/** Identity facts (Avro record `pushstream.Identity`, shared by DeviceEvent and DeviceState). */
export type Identity = EventTypes.Identity;
/** Lineage back to the raw record (Avro record `pushstream.Lineage`). */
export type Lineage = EventTypes.Lineage;
/** Device lifecycle status (Avro enum `pushstream.DeviceStatus`). */
export type DeviceStatus = StateTypes.DeviceStatus;
/** What closed a session (Avro enum `pushstream.SessionCloseReason`). */
export type SessionCloseReason = SessionTypes.SessionCloseReason;
/** One open session window (Avro record `pushstream.OpenSession`). */
export type OpenSession = OpenSessionTypes.OpenSession;
/** Lifecycle history behind a device's status (Avro record `pushstream.LifecycleHistory`). */
export type LifecycleHistory = StateTypes.LifecycleHistory;
/** One install, open or unregister of a device (Avro record `pushstream.LifecyclePoint`). */
export type LifecyclePoint = StateTypes.LifecyclePoint;
/** Lifecycle effect of a point (Avro enum `pushstream.LifecyclePointKind`). */
export type LifecyclePointKind = StateTypes.LifecyclePointKind;

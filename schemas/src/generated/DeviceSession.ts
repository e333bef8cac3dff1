// Generated from schemas/avro/DeviceSession.avsc by schemas/scripts/generate-avro-types.ts. Do not edit.
/* eslint-disable @typescript-eslint/no-namespace */

export type DeviceSession = Pushstream.DeviceSession;

export namespace Pushstream {
    export const PlatformSchema = "{\"type\":\"enum\",\"name\":\"Platform\",\"symbols\":[\"IOS\",\"ANDROID\",\"AMAZON\",\"WEB\",\"EMAIL\",\"SMS\",\"OPEN\",\"UNKNOWN\"],\"default\":\"UNKNOWN\",\"doc\":\"Normalized device platform.\"}";
    export const PlatformName = "pushstream.Platform";
    /**
     * Normalized device platform.
     */
    export type Platform = "IOS" | "ANDROID" | "AMAZON" | "WEB" | "EMAIL" | "SMS" | "OPEN" | "UNKNOWN";
    export const SessionCloseReasonSchema = "{\"type\":\"enum\",\"name\":\"SessionCloseReason\",\"symbols\":[\"INACTIVITY_GAP\",\"SWEEP\",\"OTHER\"],\"default\":\"OTHER\",\"doc\":\"INACTIVITY_GAP: stream time passed end + gap + grace; SWEEP: the wall-clock punctuation closed a silent device's session.\"}";
    export const SessionCloseReasonName = "pushstream.SessionCloseReason";
    /**
     * INACTIVITY_GAP: stream time passed end + gap + grace; SWEEP: the wall-clock punctuation closed a silent device's session.
     */
    export type SessionCloseReason = "INACTIVITY_GAP" | "SWEEP" | "OTHER";
    export const DeviceSessionSchema = "{\"type\":\"record\",\"name\":\"DeviceSession\",\"namespace\":\"pushstream\",\"doc\":\"One closed session of a device: activity separated from the next by more than the inactivity gap. Topic device-sessions.v1, keyed by deviceKey.\",\"fields\":[{\"name\":\"sessionId\",\"type\":\"string\",\"doc\":\"Deterministic id: <deviceKey>:<startedAt ms>.\"},{\"name\":\"deviceKey\",\"type\":\"string\",\"doc\":\"The device.\"},{\"name\":\"appKey\",\"type\":\"string\",\"doc\":\"The app.\"},{\"name\":\"platform\",\"type\":{\"type\":\"enum\",\"name\":\"Platform\",\"symbols\":[\"IOS\",\"ANDROID\",\"AMAZON\",\"WEB\",\"EMAIL\",\"SMS\",\"OPEN\",\"UNKNOWN\"],\"default\":\"UNKNOWN\",\"doc\":\"Normalized device platform.\"},\"doc\":\"Device platform.\"},{\"name\":\"startedAt\",\"type\":{\"type\":\"long\",\"logicalType\":\"timestamp-millis\"},\"doc\":\"Event time of the first activity.\"},{\"name\":\"endedAt\",\"type\":{\"type\":\"long\",\"logicalType\":\"timestamp-millis\"},\"doc\":\"Event time of the last activity.\"},{\"name\":\"durationMs\",\"type\":\"long\",\"doc\":\"endedAt - startedAt.\"},{\"name\":\"eventCount\",\"type\":\"int\",\"doc\":\"Activity events in the session.\"},{\"name\":\"openingPushId\",\"type\":[\"null\",\"string\"],\"default\":null,\"doc\":\"The push that opened the session, if the first open had a triggering push.\"},{\"name\":\"closeReason\",\"type\":{\"type\":\"enum\",\"name\":\"SessionCloseReason\",\"symbols\":[\"INACTIVITY_GAP\",\"SWEEP\",\"OTHER\"],\"default\":\"OTHER\",\"doc\":\"INACTIVITY_GAP: stream time passed end + gap + grace; SWEEP: the wall-clock punctuation closed a silent device's session.\"},\"doc\":\"What closed the session.\"},{\"name\":\"closedAt\",\"type\":{\"type\":\"long\",\"logicalType\":\"timestamp-millis\"},\"doc\":\"Wall-clock time the session was closed.\"}]}";
    export const DeviceSessionName = "pushstream.DeviceSession";
    /**
     * One closed session of a device: activity separated from the next by more than the inactivity gap. Topic device-sessions.v1, keyed by deviceKey.
     */
    export interface DeviceSession {
        /**
         * Deterministic id: <deviceKey>:<startedAt ms>.
         */
        sessionId: string;
        /**
         * The device.
         */
        deviceKey: string;
        /**
         * The app.
         */
        appKey: string;
        /**
         * Device platform.
         */
        platform: Pushstream.Platform;
        /**
         * Event time of the first activity.
         */
        startedAt: number;
        /**
         * Event time of the last activity.
         */
        endedAt: number;
        /**
         * endedAt - startedAt.
         */
        durationMs: number;
        /**
         * Activity events in the session.
         */
        eventCount: number;
        /**
         * The push that opened the session, if the first open had a triggering push.
         *
         * Default: null
         */
        openingPushId: null | string;
        /**
         * What closed the session.
         */
        closeReason: Pushstream.SessionCloseReason;
        /**
         * Wall-clock time the session was closed.
         */
        closedAt: number;
    }
}


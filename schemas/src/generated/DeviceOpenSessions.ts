// Generated from schemas/avro/DeviceOpenSessions.avsc by schemas/scripts/generate-avro-types.ts. Do not edit.
/* eslint-disable @typescript-eslint/no-namespace */

export type DeviceOpenSessions = Pushstream.DeviceOpenSessions;

export namespace Pushstream {
    export const PlatformSchema = "{\"type\":\"enum\",\"name\":\"Platform\",\"symbols\":[\"IOS\",\"ANDROID\",\"AMAZON\",\"WEB\",\"EMAIL\",\"SMS\",\"OPEN\",\"UNKNOWN\"],\"default\":\"UNKNOWN\",\"doc\":\"Normalized device platform.\"}";
    export const PlatformName = "pushstream.Platform";
    /**
     * Normalized device platform.
     */
    export type Platform = "IOS" | "ANDROID" | "AMAZON" | "WEB" | "EMAIL" | "SMS" | "OPEN" | "UNKNOWN";
    export const OpenSessionSchema = "{\"type\":\"record\",\"name\":\"OpenSession\",\"doc\":\"One session window still accepting events.\",\"fields\":[{\"name\":\"startedAt\",\"type\":{\"type\":\"long\",\"logicalType\":\"timestamp-millis\"},\"doc\":\"Event time of the first activity.\"},{\"name\":\"endedAt\",\"type\":{\"type\":\"long\",\"logicalType\":\"timestamp-millis\"},\"doc\":\"Event time of the last activity.\"},{\"name\":\"eventIds\",\"type\":{\"type\":\"array\",\"items\":\"string\"},\"doc\":\"Ids of the activity events in the window, so a duplicate or a replay is not counted twice.\"},{\"name\":\"openingAt\",\"type\":[\"null\",{\"type\":\"long\",\"logicalType\":\"timestamp-millis\"}],\"default\":null,\"doc\":\"Event time of the earliest open in the window, if any.\"},{\"name\":\"openingPushId\",\"type\":[\"null\",\"string\"],\"default\":null,\"doc\":\"Triggering push of that earliest open, if any.\"}]}";
    export const OpenSessionName = "pushstream.OpenSession";
    /**
     * One session window still accepting events.
     */
    export interface OpenSession {
        /**
         * Event time of the first activity.
         */
        startedAt: number;
        /**
         * Event time of the last activity.
         */
        endedAt: number;
        /**
         * Ids of the activity events in the window, so a duplicate or a replay is not counted twice.
         */
        eventIds: string[];
        /**
         * Event time of the earliest open in the window, if any.
         *
         * Default: null
         */
        openingAt: null | number;
        /**
         * Triggering push of that earliest open, if any.
         *
         * Default: null
         */
        openingPushId: null | string;
    }
    export const DeviceOpenSessionsSchema = "{\"type\":\"record\",\"name\":\"DeviceOpenSessions\",\"namespace\":\"pushstream\",\"doc\":\"The sessionizer's changelog of one device's open (not yet closed) sessions, restored on partition assignment. Topic open-sessions.v1 (compacted), keyed by deviceKey and written to the partition of the device's events; a tombstone once no session is open. The key ~stream-time holds the partition's event-time clock.\",\"fields\":[{\"name\":\"deviceKey\",\"type\":\"string\",\"doc\":\"The device (or ~stream-time for the partition clock record).\"},{\"name\":\"appKey\",\"type\":\"string\",\"doc\":\"The app.\"},{\"name\":\"platform\",\"type\":{\"type\":\"enum\",\"name\":\"Platform\",\"symbols\":[\"IOS\",\"ANDROID\",\"AMAZON\",\"WEB\",\"EMAIL\",\"SMS\",\"OPEN\",\"UNKNOWN\"],\"default\":\"UNKNOWN\",\"doc\":\"Normalized device platform.\"},\"doc\":\"Device platform.\"},{\"name\":\"streamTime\",\"type\":{\"type\":\"long\",\"logicalType\":\"timestamp-millis\"},\"doc\":\"The partition's stream time (greatest event time seen) when this record was written.\"},{\"name\":\"sessions\",\"type\":{\"type\":\"array\",\"items\":{\"type\":\"record\",\"name\":\"OpenSession\",\"doc\":\"One session window still accepting events.\",\"fields\":[{\"name\":\"startedAt\",\"type\":{\"type\":\"long\",\"logicalType\":\"timestamp-millis\"},\"doc\":\"Event time of the first activity.\"},{\"name\":\"endedAt\",\"type\":{\"type\":\"long\",\"logicalType\":\"timestamp-millis\"},\"doc\":\"Event time of the last activity.\"},{\"name\":\"eventIds\",\"type\":{\"type\":\"array\",\"items\":\"string\"},\"doc\":\"Ids of the activity events in the window, so a duplicate or a replay is not counted twice.\"},{\"name\":\"openingAt\",\"type\":[\"null\",{\"type\":\"long\",\"logicalType\":\"timestamp-millis\"}],\"default\":null,\"doc\":\"Event time of the earliest open in the window, if any.\"},{\"name\":\"openingPushId\",\"type\":[\"null\",\"string\"],\"default\":null,\"doc\":\"Triggering push of that earliest open, if any.\"}]}},\"default\":[],\"doc\":\"Open session windows, sorted by start, never overlapping within the inactivity gap.\"}]}";
    export const DeviceOpenSessionsName = "pushstream.DeviceOpenSessions";
    /**
     * The sessionizer's changelog of one device's open (not yet closed) sessions, restored on partition assignment. Topic open-sessions.v1 (compacted), keyed by deviceKey and written to the partition of the device's events; a tombstone once no session is open. The key ~stream-time holds the partition's event-time clock.
     */
    export interface DeviceOpenSessions {
        /**
         * The device (or ~stream-time for the partition clock record).
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
         * The partition's stream time (greatest event time seen) when this record was written.
         */
        streamTime: number;
        /**
         * Open session windows, sorted by start, never overlapping within the inactivity gap.
         *
         * Default: []
         */
        sessions: Pushstream.OpenSession[];
    }
}


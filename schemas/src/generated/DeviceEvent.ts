// Generated from schemas/avro/DeviceEvent.avsc by schemas/scripts/generate-avro-types.ts. Do not edit.
/* eslint-disable @typescript-eslint/no-namespace */

export type DeviceEvent = Pushstream.DeviceEvent;

export namespace Pushstream {
    export const SourceSchema = "{\"type\":\"enum\",\"name\":\"Source\",\"symbols\":[\"AIRSHIP\",\"CM\",\"TRACK\",\"UNKNOWN\"],\"default\":\"UNKNOWN\",\"doc\":\"Where the event came from. Readers map symbols they do not know to UNKNOWN.\"}";
    export const SourceName = "pushstream.Source";
    /**
     * Where the event came from. Readers map symbols they do not know to UNKNOWN.
     */
    export type Source = "AIRSHIP" | "CM" | "TRACK" | "UNKNOWN";
    export const EventKindSchema = "{\"type\":\"enum\",\"name\":\"EventKind\",\"symbols\":[\"INSTALLED\",\"UPDATED\",\"OPENED\",\"CLOSED\",\"ACTIVITY\",\"IDENTIFIED\",\"UNREGISTERED\",\"OPTED_IN\",\"OPTED_OUT\",\"PUSH_SENT\",\"PUSH_FAILED\",\"PUSH_OPENED\",\"PUSH_DISMISSED\",\"PUSH_DELETED\",\"OTHER\"],\"default\":\"OTHER\",\"doc\":\"What the event means for the device lifecycle. Readers map symbols they do not know to OTHER.\"}";
    export const EventKindName = "pushstream.EventKind";
    /**
     * What the event means for the device lifecycle. Readers map symbols they do not know to OTHER.
     */
    export type EventKind = "INSTALLED" | "UPDATED" | "OPENED" | "CLOSED" | "ACTIVITY" | "IDENTIFIED" | "UNREGISTERED" | "OPTED_IN" | "OPTED_OUT" | "PUSH_SENT" | "PUSH_FAILED" | "PUSH_OPENED" | "PUSH_DISMISSED" | "PUSH_DELETED" | "OTHER";
    export const PlatformSchema = "{\"type\":\"enum\",\"name\":\"Platform\",\"symbols\":[\"IOS\",\"ANDROID\",\"AMAZON\",\"WEB\",\"EMAIL\",\"SMS\",\"OPEN\",\"UNKNOWN\"],\"default\":\"UNKNOWN\",\"doc\":\"Normalized device platform.\"}";
    export const PlatformName = "pushstream.Platform";
    /**
     * Normalized device platform.
     */
    export type Platform = "IOS" | "ANDROID" | "AMAZON" | "WEB" | "EMAIL" | "SMS" | "OPEN" | "UNKNOWN";
    export const DeviceProfileSchema = "{\"type\":\"record\",\"name\":\"DeviceProfile\",\"doc\":\"Device facts carried by the event; null fields were not present in it.\",\"fields\":[{\"name\":\"appVersion\",\"type\":[\"null\",\"string\"],\"default\":null,\"doc\":\"App version string.\"},{\"name\":\"appPackage\",\"type\":[\"null\",\"string\"],\"default\":null,\"doc\":\"App package / bundle name.\"},{\"name\":\"os\",\"type\":[\"null\",\"string\"],\"default\":null,\"doc\":\"Operating system name, normalized (iOS, Android, \u2026).\"},{\"name\":\"osVersion\",\"type\":[\"null\",\"string\"],\"default\":null,\"doc\":\"Operating system version.\"},{\"name\":\"deviceModel\",\"type\":[\"null\",\"string\"],\"default\":null,\"doc\":\"Device model.\"},{\"name\":\"sdkVersion\",\"type\":[\"null\",\"string\"],\"default\":null,\"doc\":\"Push SDK version.\"},{\"name\":\"locale\",\"type\":[\"null\",\"string\"],\"default\":null,\"doc\":\"Locale as a BCP 47 tag, e.g. nl-NL.\"},{\"name\":\"language\",\"type\":[\"null\",\"string\"],\"default\":null,\"doc\":\"ISO 639-1 language code from the locale.\"},{\"name\":\"country\",\"type\":[\"null\",\"string\"],\"default\":null,\"doc\":\"ISO 3166-1 alpha-2 country code from the locale.\"},{\"name\":\"timezone\",\"type\":[\"null\",\"string\"],\"default\":null,\"doc\":\"IANA time zone, e.g. Europe/Amsterdam.\"},{\"name\":\"pushOptIn\",\"type\":[\"null\",\"boolean\"],\"default\":null,\"doc\":\"Whether the device is opted in to push (stringly booleans fixed).\"},{\"name\":\"pushToken\",\"type\":[\"null\",\"string\"],\"default\":null,\"doc\":\"Push token (FCM/APNs) when the source sends it.\"}]}";
    export const DeviceProfileName = "pushstream.DeviceProfile";
    /**
     * Device facts carried by the event; null fields were not present in it.
     */
    export interface DeviceProfile {
        /**
         * App version string.
         *
         * Default: null
         */
        appVersion: null | string;
        /**
         * App package / bundle name.
         *
         * Default: null
         */
        appPackage: null | string;
        /**
         * Operating system name, normalized (iOS, Android, …).
         *
         * Default: null
         */
        os: null | string;
        /**
         * Operating system version.
         *
         * Default: null
         */
        osVersion: null | string;
        /**
         * Device model.
         *
         * Default: null
         */
        deviceModel: null | string;
        /**
         * Push SDK version.
         *
         * Default: null
         */
        sdkVersion: null | string;
        /**
         * Locale as a BCP 47 tag, e.g. nl-NL.
         *
         * Default: null
         */
        locale: null | string;
        /**
         * ISO 639-1 language code from the locale.
         *
         * Default: null
         */
        language: null | string;
        /**
         * ISO 3166-1 alpha-2 country code from the locale.
         *
         * Default: null
         */
        country: null | string;
        /**
         * IANA time zone, e.g. Europe/Amsterdam.
         *
         * Default: null
         */
        timezone: null | string;
        /**
         * Whether the device is opted in to push (stringly booleans fixed).
         *
         * Default: null
         */
        pushOptIn: null | boolean;
        /**
         * Push token (FCM/APNs) when the source sends it.
         *
         * Default: null
         */
        pushToken: null | string;
    }
    export const IdentitySchema = "{\"type\":\"record\",\"name\":\"Identity\",\"doc\":\"Who the device belongs to, as far as this event says.\",\"fields\":[{\"name\":\"externalId\",\"type\":[\"null\",\"string\"],\"default\":null,\"doc\":\"Named user / customer id / Segment userId.\"},{\"name\":\"contactId\",\"type\":[\"null\",\"string\"],\"default\":null,\"doc\":\"Airship contact id.\"},{\"name\":\"msisdn\",\"type\":[\"null\",\"string\"],\"default\":null,\"doc\":\"Phone number in E.164 (+31612345678).\"},{\"name\":\"email\",\"type\":[\"null\",\"string\"],\"default\":null,\"doc\":\"Email address.\"},{\"name\":\"anonymousId\",\"type\":[\"null\",\"string\"],\"default\":null,\"doc\":\"Segment anonymousId.\"}]}";
    export const IdentityName = "pushstream.Identity";
    /**
     * Who the device belongs to, as far as this event says.
     */
    export interface Identity {
        /**
         * Named user / customer id / Segment userId.
         *
         * Default: null
         */
        externalId: null | string;
        /**
         * Airship contact id.
         *
         * Default: null
         */
        contactId: null | string;
        /**
         * Phone number in E.164 (+31612345678).
         *
         * Default: null
         */
        msisdn: null | string;
        /**
         * Email address.
         *
         * Default: null
         */
        email: null | string;
        /**
         * Segment anonymousId.
         *
         * Default: null
         */
        anonymousId: null | string;
    }
    export const LineageSchema = "{\"type\":\"record\",\"name\":\"Lineage\",\"doc\":\"Where the raw record of this event lives.\",\"fields\":[{\"name\":\"topic\",\"type\":\"string\",\"doc\":\"Raw topic.\"},{\"name\":\"partition\",\"type\":\"int\",\"doc\":\"Raw partition.\"},{\"name\":\"offset\",\"type\":\"long\",\"doc\":\"Raw offset.\"},{\"name\":\"sourceOffset\",\"type\":[\"null\",\"string\"],\"default\":null,\"doc\":\"The source stream's own position (RTDS offset), opaque.\"}]}";
    export const LineageName = "pushstream.Lineage";
    /**
     * Where the raw record of this event lives.
     */
    export interface Lineage {
        /**
         * Raw topic.
         */
        topic: string;
        /**
         * Raw partition.
         */
        partition: number;
        /**
         * Raw offset.
         */
        offset: number;
        /**
         * The source stream's own position (RTDS offset), opaque.
         *
         * Default: null
         */
        sourceOffset: null | string;
    }
    export const RegisteredAppSchema = "{\"type\":\"record\",\"name\":\"RegisteredApp\",\"doc\":\"The app as pushstream's app registry (config) knows it.\",\"fields\":[{\"name\":\"name\",\"type\":\"string\",\"doc\":\"Human name of the app, e.g. Shop.\"},{\"name\":\"environment\",\"type\":\"string\",\"doc\":\"Deployment environment of the app: production, staging or development.\"},{\"name\":\"sinks\",\"type\":{\"type\":\"array\",\"items\":\"string\"},\"default\":[],\"doc\":\"Partner targets this app's registrations are pushed to (infobip, intilery).\"}]}";
    export const RegisteredAppName = "pushstream.RegisteredApp";
    /**
     * The app as pushstream's app registry (config) knows it.
     */
    export interface RegisteredApp {
        /**
         * Human name of the app, e.g. Shop.
         */
        name: string;
        /**
         * Deployment environment of the app: production, staging or development.
         */
        environment: string;
        /**
         * Partner targets this app's registrations are pushed to (infobip, intilery).
         *
         * Default: []
         */
        sinks: string[];
    }
    export const DeviceEventSchema = "{\"type\":\"record\",\"name\":\"DeviceEvent\",\"namespace\":\"pushstream\",\"doc\":\"One device event from any source, typed, enriched and deduplicated by eventId. Topic device-events.v1, keyed by deviceKey.\",\"fields\":[{\"name\":\"eventId\",\"type\":\"string\",\"doc\":\"The source's event id (RTDS id, Segment messageId) or, for CM.com events which have none, a deterministic UUIDv5 of (source, app, installation, type, time, reference). Unique in the topic.\"},{\"name\":\"source\",\"type\":{\"type\":\"enum\",\"name\":\"Source\",\"symbols\":[\"AIRSHIP\",\"CM\",\"TRACK\",\"UNKNOWN\"],\"default\":\"UNKNOWN\",\"doc\":\"Where the event came from. Readers map symbols they do not know to UNKNOWN.\"},\"doc\":\"The platform that emitted the event.\"},{\"name\":\"sourceType\",\"type\":\"string\",\"doc\":\"The original event type string, e.g. FIRST_OPEN, ClientInstalled, register push.\"},{\"name\":\"kind\",\"type\":{\"type\":\"enum\",\"name\":\"EventKind\",\"symbols\":[\"INSTALLED\",\"UPDATED\",\"OPENED\",\"CLOSED\",\"ACTIVITY\",\"IDENTIFIED\",\"UNREGISTERED\",\"OPTED_IN\",\"OPTED_OUT\",\"PUSH_SENT\",\"PUSH_FAILED\",\"PUSH_OPENED\",\"PUSH_DISMISSED\",\"PUSH_DELETED\",\"OTHER\"],\"default\":\"OTHER\",\"doc\":\"What the event means for the device lifecycle. Readers map symbols they do not know to OTHER.\"},\"doc\":\"Normalized meaning of the event; OTHER for types without a lifecycle meaning (detail keeps everything).\"},{\"name\":\"deviceKey\",\"type\":\"string\",\"doc\":\"The Kafka key: <source>:<app>:<device id>, or the push id for device-less events.\"},{\"name\":\"appKey\",\"type\":\"string\",\"doc\":\"The app (Airship app key, CM app key, track write key / source id).\"},{\"name\":\"deviceId\",\"type\":[\"null\",\"string\"],\"default\":null,\"doc\":\"The source's device id (Airship channel, CM installation id, track deviceId/userId/anonymousId); null for device-less events.\"},{\"name\":\"platform\",\"type\":{\"type\":\"enum\",\"name\":\"Platform\",\"symbols\":[\"IOS\",\"ANDROID\",\"AMAZON\",\"WEB\",\"EMAIL\",\"SMS\",\"OPEN\",\"UNKNOWN\"],\"default\":\"UNKNOWN\",\"doc\":\"Normalized device platform.\"},\"doc\":\"Device platform, normalized (iOs, ios, IOS \u2192 IOS).\"},{\"name\":\"occurredAt\",\"type\":{\"type\":\"long\",\"logicalType\":\"timestamp-millis\"},\"doc\":\"When the event happened on the device (event time).\"},{\"name\":\"processedAt\",\"type\":[\"null\",{\"type\":\"long\",\"logicalType\":\"timestamp-millis\"}],\"default\":null,\"doc\":\"When the source platform ingested it (RTDS processed), if known.\"},{\"name\":\"receivedAt\",\"type\":{\"type\":\"long\",\"logicalType\":\"timestamp-millis\"},\"doc\":\"When pushstream's connector received it.\"},{\"name\":\"profile\",\"type\":[\"null\",{\"type\":\"record\",\"name\":\"DeviceProfile\",\"doc\":\"Device facts carried by the event; null fields were not present in it.\",\"fields\":[{\"name\":\"appVersion\",\"type\":[\"null\",\"string\"],\"default\":null,\"doc\":\"App version string.\"},{\"name\":\"appPackage\",\"type\":[\"null\",\"string\"],\"default\":null,\"doc\":\"App package / bundle name.\"},{\"name\":\"os\",\"type\":[\"null\",\"string\"],\"default\":null,\"doc\":\"Operating system name, normalized (iOS, Android, \u2026).\"},{\"name\":\"osVersion\",\"type\":[\"null\",\"string\"],\"default\":null,\"doc\":\"Operating system version.\"},{\"name\":\"deviceModel\",\"type\":[\"null\",\"string\"],\"default\":null,\"doc\":\"Device model.\"},{\"name\":\"sdkVersion\",\"type\":[\"null\",\"string\"],\"default\":null,\"doc\":\"Push SDK version.\"},{\"name\":\"locale\",\"type\":[\"null\",\"string\"],\"default\":null,\"doc\":\"Locale as a BCP 47 tag, e.g. nl-NL.\"},{\"name\":\"language\",\"type\":[\"null\",\"string\"],\"default\":null,\"doc\":\"ISO 639-1 language code from the locale.\"},{\"name\":\"country\",\"type\":[\"null\",\"string\"],\"default\":null,\"doc\":\"ISO 3166-1 alpha-2 country code from the locale.\"},{\"name\":\"timezone\",\"type\":[\"null\",\"string\"],\"default\":null,\"doc\":\"IANA time zone, e.g. Europe/Amsterdam.\"},{\"name\":\"pushOptIn\",\"type\":[\"null\",\"boolean\"],\"default\":null,\"doc\":\"Whether the device is opted in to push (stringly booleans fixed).\"},{\"name\":\"pushToken\",\"type\":[\"null\",\"string\"],\"default\":null,\"doc\":\"Push token (FCM/APNs) when the source sends it.\"}]}],\"default\":null,\"doc\":\"Device profile facts in this event, if any.\"},{\"name\":\"identity\",\"type\":[\"null\",{\"type\":\"record\",\"name\":\"Identity\",\"doc\":\"Who the device belongs to, as far as this event says.\",\"fields\":[{\"name\":\"externalId\",\"type\":[\"null\",\"string\"],\"default\":null,\"doc\":\"Named user / customer id / Segment userId.\"},{\"name\":\"contactId\",\"type\":[\"null\",\"string\"],\"default\":null,\"doc\":\"Airship contact id.\"},{\"name\":\"msisdn\",\"type\":[\"null\",\"string\"],\"default\":null,\"doc\":\"Phone number in E.164 (+31612345678).\"},{\"name\":\"email\",\"type\":[\"null\",\"string\"],\"default\":null,\"doc\":\"Email address.\"},{\"name\":\"anonymousId\",\"type\":[\"null\",\"string\"],\"default\":null,\"doc\":\"Segment anonymousId.\"}]}],\"default\":null,\"doc\":\"Identity facts in this event, if any.\"},{\"name\":\"pushId\",\"type\":[\"null\",\"string\"],\"default\":null,\"doc\":\"The push this event concerns (sent, opened, triggering push of an open).\"},{\"name\":\"sessionId\",\"type\":[\"null\",\"string\"],\"default\":null,\"doc\":\"The source's session id (RTDS OPEN/CLOSE), if any.\"},{\"name\":\"detail\",\"type\":\"string\",\"doc\":\"JSON object with the source-specific rest of the event (body, unknown fields), so nothing is lost; \\\"{}\\\" when there is nothing more.\"},{\"name\":\"lineage\",\"type\":{\"type\":\"record\",\"name\":\"Lineage\",\"doc\":\"Where the raw record of this event lives.\",\"fields\":[{\"name\":\"topic\",\"type\":\"string\",\"doc\":\"Raw topic.\"},{\"name\":\"partition\",\"type\":\"int\",\"doc\":\"Raw partition.\"},{\"name\":\"offset\",\"type\":\"long\",\"doc\":\"Raw offset.\"},{\"name\":\"sourceOffset\",\"type\":[\"null\",\"string\"],\"default\":null,\"doc\":\"The source stream's own position (RTDS offset), opaque.\"}]},\"doc\":\"Lineage back to the raw record.\"},{\"name\":\"app\",\"type\":[\"null\",{\"type\":\"record\",\"name\":\"RegisteredApp\",\"doc\":\"The app as pushstream's app registry (config) knows it.\",\"fields\":[{\"name\":\"name\",\"type\":\"string\",\"doc\":\"Human name of the app, e.g. Shop.\"},{\"name\":\"environment\",\"type\":\"string\",\"doc\":\"Deployment environment of the app: production, staging or development.\"},{\"name\":\"sinks\",\"type\":{\"type\":\"array\",\"items\":\"string\"},\"default\":[],\"doc\":\"Partner targets this app's registrations are pushed to (infobip, intilery).\"}]}],\"default\":null,\"doc\":\"The app of appKey from the app registry; null when the app key is not registered (the event flows through unnamed).\"}]}";
    export const DeviceEventName = "pushstream.DeviceEvent";
    /**
     * One device event from any source, typed, enriched and deduplicated by eventId. Topic device-events.v1, keyed by deviceKey.
     */
    export interface DeviceEvent {
        /**
         * The source's event id (RTDS id, Segment messageId) or, for CM.com events which have none, a deterministic UUIDv5 of (source, app, installation, type, time, reference). Unique in the topic.
         */
        eventId: string;
        /**
         * The platform that emitted the event.
         */
        source: Pushstream.Source;
        /**
         * The original event type string, e.g. FIRST_OPEN, ClientInstalled, register push.
         */
        sourceType: string;
        /**
         * Normalized meaning of the event; OTHER for types without a lifecycle meaning (detail keeps everything).
         */
        kind: Pushstream.EventKind;
        /**
         * The Kafka key: <source>:<app>:<device id>, or the push id for device-less events.
         */
        deviceKey: string;
        /**
         * The app (Airship app key, CM app key, track write key / source id).
         */
        appKey: string;
        /**
         * The source's device id (Airship channel, CM installation id, track deviceId/userId/anonymousId); null for device-less events.
         *
         * Default: null
         */
        deviceId: null | string;
        /**
         * Device platform, normalized (iOs, ios, IOS → IOS).
         */
        platform: Pushstream.Platform;
        /**
         * When the event happened on the device (event time).
         */
        occurredAt: number;
        /**
         * When the source platform ingested it (RTDS processed), if known.
         *
         * Default: null
         */
        processedAt: null | number;
        /**
         * When pushstream's connector received it.
         */
        receivedAt: number;
        /**
         * Device profile facts in this event, if any.
         *
         * Default: null
         */
        profile: null | Pushstream.DeviceProfile;
        /**
         * Identity facts in this event, if any.
         *
         * Default: null
         */
        identity: null | Pushstream.Identity;
        /**
         * The push this event concerns (sent, opened, triggering push of an open).
         *
         * Default: null
         */
        pushId: null | string;
        /**
         * The source's session id (RTDS OPEN/CLOSE), if any.
         *
         * Default: null
         */
        sessionId: null | string;
        /**
         * JSON object with the source-specific rest of the event (body, unknown fields), so nothing is lost; "{}" when there is nothing more.
         */
        detail: string;
        /**
         * Lineage back to the raw record.
         */
        lineage: Pushstream.Lineage;
        /**
         * The app of appKey from the app registry; null when the app key is not registered (the event flows through unnamed).
         *
         * Default: null
         */
        app: null | Pushstream.RegisteredApp;
    }
}


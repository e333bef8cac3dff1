// Generated from schemas/avro/DeviceState.avsc by schemas/scripts/generate-avro-types.ts. Do not edit.
/* eslint-disable @typescript-eslint/no-namespace */

export type DeviceState = Pushstream.DeviceState;

export namespace Pushstream {
    export const SourceSchema = "{\"type\":\"enum\",\"name\":\"Source\",\"symbols\":[\"AIRSHIP\",\"CM\",\"TRACK\",\"UNKNOWN\"],\"default\":\"UNKNOWN\",\"doc\":\"Where the event came from. Readers map symbols they do not know to UNKNOWN.\"}";
    export const SourceName = "pushstream.Source";
    /**
     * Where the event came from. Readers map symbols they do not know to UNKNOWN.
     */
    export type Source = "AIRSHIP" | "CM" | "TRACK" | "UNKNOWN";
    export const PlatformSchema = "{\"type\":\"enum\",\"name\":\"Platform\",\"symbols\":[\"IOS\",\"ANDROID\",\"AMAZON\",\"WEB\",\"EMAIL\",\"SMS\",\"OPEN\",\"UNKNOWN\"],\"default\":\"UNKNOWN\",\"doc\":\"Normalized device platform.\"}";
    export const PlatformName = "pushstream.Platform";
    /**
     * Normalized device platform.
     */
    export type Platform = "IOS" | "ANDROID" | "AMAZON" | "WEB" | "EMAIL" | "SMS" | "OPEN" | "UNKNOWN";
    export const DeviceStatusSchema = "{\"type\":\"enum\",\"name\":\"DeviceStatus\",\"symbols\":[\"INSTALLED\",\"ACTIVE\",\"UNREGISTERED\"],\"default\":\"ACTIVE\",\"doc\":\"INSTALLED: registered, never opened since; ACTIVE: opened or otherwise alive; UNREGISTERED: uninstalled or token invalid.\"}";
    export const DeviceStatusName = "pushstream.DeviceStatus";
    /**
     * INSTALLED: registered, never opened since; ACTIVE: opened or otherwise alive; UNREGISTERED: uninstalled or token invalid.
     */
    export type DeviceStatus = "INSTALLED" | "ACTIVE" | "UNREGISTERED";
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
    export const LifecyclePointKindSchema = "{\"type\":\"enum\",\"name\":\"LifecyclePointKind\",\"symbols\":[\"INSTALL\",\"OPEN\",\"UNREGISTER\",\"OTHER\"],\"default\":\"OTHER\",\"doc\":\"What the event does to the status; OTHER (a symbol this reader does not know) is ignored.\"}";
    export const LifecyclePointKindName = "pushstream.LifecyclePointKind";
    /**
     * What the event does to the status; OTHER (a symbol this reader does not know) is ignored.
     */
    export type LifecyclePointKind = "INSTALL" | "OPEN" | "UNREGISTER" | "OTHER";
    export const LifecyclePointSchema = "{\"type\":\"record\",\"name\":\"LifecyclePoint\",\"doc\":\"One install, open or unregister event of the horizon.\",\"fields\":[{\"name\":\"at\",\"type\":{\"type\":\"long\",\"logicalType\":\"timestamp-millis\"},\"doc\":\"Event time.\"},{\"name\":\"kind\",\"type\":{\"type\":\"enum\",\"name\":\"LifecyclePointKind\",\"symbols\":[\"INSTALL\",\"OPEN\",\"UNREGISTER\",\"OTHER\"],\"default\":\"OTHER\",\"doc\":\"What the event does to the status; OTHER (a symbol this reader does not know) is ignored.\"},\"doc\":\"Lifecycle effect of the event.\"},{\"name\":\"idHash\",\"type\":\"int\",\"doc\":\"32-bit FNV-1a hash of the event id: tells a duplicate from a distinct event at the same time.\"}]}";
    export const LifecyclePointName = "pushstream.LifecyclePoint";
    /**
     * One install, open or unregister event of the horizon.
     */
    export interface LifecyclePoint {
        /**
         * Event time.
         */
        at: number;
        /**
         * Lifecycle effect of the event.
         */
        kind: Pushstream.LifecyclePointKind;
        /**
         * 32-bit FNV-1a hash of the event id: tells a duplicate from a distinct event at the same time.
         */
        idHash: number;
    }
    export const LifecycleHistorySchema = "{\"type\":\"record\",\"name\":\"LifecycleHistory\",\"doc\":\"What status, reinstallCount and openCount are folded from: the lifecycle points (install, open, unregister) of the reorder horizon, in event-time order, on top of a base that folds every older point. Kept so that late and out-of-order events converge.\",\"fields\":[{\"name\":\"baseStatus\",\"type\":[\"null\",\"DeviceStatus\"],\"default\":null,\"doc\":\"Status after every folded point; null while nothing is folded.\"},{\"name\":\"baseReinstallCount\",\"type\":\"int\",\"default\":0,\"doc\":\"Reinstalls among the folded points.\"},{\"name\":\"baseOpenCount\",\"type\":\"long\",\"default\":0,\"doc\":\"Opens among the folded points (and opens that arrived older than the horizon).\"},{\"name\":\"foldedBefore\",\"type\":{\"type\":\"long\",\"logicalType\":\"timestamp-millis\"},\"default\":0,\"doc\":\"Points older than this event time are folded into the base: the newest point's time minus the reorder horizon, never moving back.\"},{\"name\":\"points\",\"type\":{\"type\":\"array\",\"items\":{\"type\":\"record\",\"name\":\"LifecyclePoint\",\"doc\":\"One install, open or unregister event of the horizon.\",\"fields\":[{\"name\":\"at\",\"type\":{\"type\":\"long\",\"logicalType\":\"timestamp-millis\"},\"doc\":\"Event time.\"},{\"name\":\"kind\",\"type\":{\"type\":\"enum\",\"name\":\"LifecyclePointKind\",\"symbols\":[\"INSTALL\",\"OPEN\",\"UNREGISTER\",\"OTHER\"],\"default\":\"OTHER\",\"doc\":\"What the event does to the status; OTHER (a symbol this reader does not know) is ignored.\"},\"doc\":\"Lifecycle effect of the event.\"},{\"name\":\"idHash\",\"type\":\"int\",\"doc\":\"32-bit FNV-1a hash of the event id: tells a duplicate from a distinct event at the same time.\"}]}},\"default\":[],\"doc\":\"Points at or after foldedBefore, sorted by (at, kind, idHash), duplicates removed.\"}]}";
    export const LifecycleHistoryName = "pushstream.LifecycleHistory";
    /**
     * What status, reinstallCount and openCount are folded from: the lifecycle points (install, open, unregister) of the reorder horizon, in event-time order, on top of a base that folds every older point. Kept so that late and out-of-order events converge.
     */
    export interface LifecycleHistory {
        /**
         * Status after every folded point; null while nothing is folded.
         *
         * Default: null
         */
        baseStatus: null | Pushstream.DeviceStatus;
        /**
         * Reinstalls among the folded points.
         *
         * Default: 0
         */
        baseReinstallCount: number;
        /**
         * Opens among the folded points (and opens that arrived older than the horizon).
         *
         * Default: 0
         */
        baseOpenCount: number;
        /**
         * Points older than this event time are folded into the base: the newest point's time minus the reorder horizon, never moving back.
         *
         * Default: 0
         */
        foldedBefore: number;
        /**
         * Points at or after foldedBefore, sorted by (at, kind, idHash), duplicates removed.
         *
         * Default: []
         */
        points: Pushstream.LifecyclePoint[];
    }
    export const DeviceStateSchema = "{\"type\":\"record\",\"name\":\"DeviceState\",\"namespace\":\"pushstream\",\"doc\":\"The current lifecycle state of one device, derived from all its events (merged by event time, so replaying them in any order converges). Topic device-state.v1 (compacted), keyed by deviceKey; a null value (tombstone) means the device was erased.\",\"fields\":[{\"name\":\"deviceKey\",\"type\":\"string\",\"doc\":\"The Kafka key: <source>:<app>:<device id>.\"},{\"name\":\"appKey\",\"type\":\"string\",\"doc\":\"The app the device belongs to.\"},{\"name\":\"deviceId\",\"type\":\"string\",\"doc\":\"The source's device id (Airship channel, CM installation id, track device id).\"},{\"name\":\"source\",\"type\":{\"type\":\"enum\",\"name\":\"Source\",\"symbols\":[\"AIRSHIP\",\"CM\",\"TRACK\",\"UNKNOWN\"],\"default\":\"UNKNOWN\",\"doc\":\"Where the event came from. Readers map symbols they do not know to UNKNOWN.\"},\"doc\":\"The platform the device is known from.\"},{\"name\":\"platform\",\"type\":{\"type\":\"enum\",\"name\":\"Platform\",\"symbols\":[\"IOS\",\"ANDROID\",\"AMAZON\",\"WEB\",\"EMAIL\",\"SMS\",\"OPEN\",\"UNKNOWN\"],\"default\":\"UNKNOWN\",\"doc\":\"Normalized device platform.\"},\"doc\":\"Device platform.\"},{\"name\":\"status\",\"type\":{\"type\":\"enum\",\"name\":\"DeviceStatus\",\"symbols\":[\"INSTALLED\",\"ACTIVE\",\"UNREGISTERED\"],\"default\":\"ACTIVE\",\"doc\":\"INSTALLED: registered, never opened since; ACTIVE: opened or otherwise alive; UNREGISTERED: uninstalled or token invalid.\"},\"doc\":\"Lifecycle status, folded from the lifecycle history in event-time order.\"},{\"name\":\"installedAt\",\"type\":[\"null\",{\"type\":\"long\",\"logicalType\":\"timestamp-millis\"}],\"default\":null,\"doc\":\"Event time of the (latest) install.\"},{\"name\":\"firstSeenAt\",\"type\":{\"type\":\"long\",\"logicalType\":\"timestamp-millis\"},\"doc\":\"Event time of the earliest event seen.\"},{\"name\":\"lastSeenAt\",\"type\":{\"type\":\"long\",\"logicalType\":\"timestamp-millis\"},\"doc\":\"Event time of the latest event of any kind (that of lastEventId).\"},{\"name\":\"lastOpenedAt\",\"type\":[\"null\",{\"type\":\"long\",\"logicalType\":\"timestamp-millis\"}],\"default\":null,\"doc\":\"Event time of the latest app open.\"},{\"name\":\"unregisteredAt\",\"type\":[\"null\",{\"type\":\"long\",\"logicalType\":\"timestamp-millis\"}],\"default\":null,\"doc\":\"Event time of the latest unregistration.\"},{\"name\":\"reinstallCount\",\"type\":\"int\",\"default\":0,\"doc\":\"How often the device came back after being unregistered.\"},{\"name\":\"openCount\",\"type\":\"long\",\"default\":0,\"doc\":\"Distinct app opens seen (OPENED and PUSH_OPENED events; duplicates within the reorder horizon are recognised by event id).\"},{\"name\":\"pushOptIn\",\"type\":[\"null\",\"boolean\"],\"default\":null,\"doc\":\"Latest known push opt-in / authorization.\"},{\"name\":\"profile\",\"type\":[\"null\",{\"type\":\"record\",\"name\":\"DeviceProfile\",\"doc\":\"Device facts carried by the event; null fields were not present in it.\",\"fields\":[{\"name\":\"appVersion\",\"type\":[\"null\",\"string\"],\"default\":null,\"doc\":\"App version string.\"},{\"name\":\"appPackage\",\"type\":[\"null\",\"string\"],\"default\":null,\"doc\":\"App package / bundle name.\"},{\"name\":\"os\",\"type\":[\"null\",\"string\"],\"default\":null,\"doc\":\"Operating system name, normalized (iOS, Android, \u2026).\"},{\"name\":\"osVersion\",\"type\":[\"null\",\"string\"],\"default\":null,\"doc\":\"Operating system version.\"},{\"name\":\"deviceModel\",\"type\":[\"null\",\"string\"],\"default\":null,\"doc\":\"Device model.\"},{\"name\":\"sdkVersion\",\"type\":[\"null\",\"string\"],\"default\":null,\"doc\":\"Push SDK version.\"},{\"name\":\"locale\",\"type\":[\"null\",\"string\"],\"default\":null,\"doc\":\"Locale as a BCP 47 tag, e.g. nl-NL.\"},{\"name\":\"language\",\"type\":[\"null\",\"string\"],\"default\":null,\"doc\":\"ISO 639-1 language code from the locale.\"},{\"name\":\"country\",\"type\":[\"null\",\"string\"],\"default\":null,\"doc\":\"ISO 3166-1 alpha-2 country code from the locale.\"},{\"name\":\"timezone\",\"type\":[\"null\",\"string\"],\"default\":null,\"doc\":\"IANA time zone, e.g. Europe/Amsterdam.\"},{\"name\":\"pushOptIn\",\"type\":[\"null\",\"boolean\"],\"default\":null,\"doc\":\"Whether the device is opted in to push (stringly booleans fixed).\"},{\"name\":\"pushToken\",\"type\":[\"null\",\"string\"],\"default\":null,\"doc\":\"Push token (FCM/APNs) when the source sends it.\"}]}],\"default\":null,\"doc\":\"Latest known device profile, merged field by field by event time.\"},{\"name\":\"identity\",\"type\":[\"null\",{\"type\":\"record\",\"name\":\"Identity\",\"doc\":\"Who the device belongs to, as far as this event says.\",\"fields\":[{\"name\":\"externalId\",\"type\":[\"null\",\"string\"],\"default\":null,\"doc\":\"Named user / customer id / Segment userId.\"},{\"name\":\"contactId\",\"type\":[\"null\",\"string\"],\"default\":null,\"doc\":\"Airship contact id.\"},{\"name\":\"msisdn\",\"type\":[\"null\",\"string\"],\"default\":null,\"doc\":\"Phone number in E.164 (+31612345678).\"},{\"name\":\"email\",\"type\":[\"null\",\"string\"],\"default\":null,\"doc\":\"Email address.\"},{\"name\":\"anonymousId\",\"type\":[\"null\",\"string\"],\"default\":null,\"doc\":\"Segment anonymousId.\"}]}],\"default\":null,\"doc\":\"Latest known identity, merged field by field by event time.\"},{\"name\":\"fieldUpdatedAt\",\"type\":{\"type\":\"map\",\"values\":\"long\"},\"default\":{},\"doc\":\"Event time (ms) of the fact behind each merged field (profile.<field>, identity.<field>, pushOptIn): a late, older event loses against newer facts; on equal times the greater value wins (false before true for booleans), so any order converges.\"},{\"name\":\"lastEventId\",\"type\":\"string\",\"doc\":\"Id of the latest event by event time (ties: the greater id), so replays in any order agree.\"},{\"name\":\"version\",\"type\":\"long\",\"doc\":\"Incremented on every change emitted for this device.\"},{\"name\":\"softStale\",\"type\":\"boolean\",\"default\":false,\"doc\":\"No sign of life (lastSignOfLifeAt, else firstSeenAt) for 30 days (configurable) at the time of emission: set by the wall-clock sweep, cleared by a newer sign of life.\"},{\"name\":\"hardStale\",\"type\":\"boolean\",\"default\":false,\"doc\":\"No sign of life for 60 days (configurable): partners drop such tokens.\"},{\"name\":\"updatedAt\",\"type\":{\"type\":\"long\",\"logicalType\":\"timestamp-millis\"},\"doc\":\"Wall-clock time this state was emitted.\"},{\"name\":\"lastSignOfLifeAt\",\"type\":[\"null\",{\"type\":\"long\",\"logicalType\":\"timestamp-millis\"}],\"default\":null,\"doc\":\"Event time of the latest event the device itself sent (not a push send, a delivery failure, an unregistration or an OTHER event); staleness is measured from it.\"},{\"name\":\"lifecycle\",\"type\":{\"type\":\"record\",\"name\":\"LifecycleHistory\",\"doc\":\"What status, reinstallCount and openCount are folded from: the lifecycle points (install, open, unregister) of the reorder horizon, in event-time order, on top of a base that folds every older point. Kept so that late and out-of-order events converge.\",\"fields\":[{\"name\":\"baseStatus\",\"type\":[\"null\",\"DeviceStatus\"],\"default\":null,\"doc\":\"Status after every folded point; null while nothing is folded.\"},{\"name\":\"baseReinstallCount\",\"type\":\"int\",\"default\":0,\"doc\":\"Reinstalls among the folded points.\"},{\"name\":\"baseOpenCount\",\"type\":\"long\",\"default\":0,\"doc\":\"Opens among the folded points (and opens that arrived older than the horizon).\"},{\"name\":\"foldedBefore\",\"type\":{\"type\":\"long\",\"logicalType\":\"timestamp-millis\"},\"default\":0,\"doc\":\"Points older than this event time are folded into the base: the newest point's time minus the reorder horizon, never moving back.\"},{\"name\":\"points\",\"type\":{\"type\":\"array\",\"items\":{\"type\":\"record\",\"name\":\"LifecyclePoint\",\"doc\":\"One install, open or unregister event of the horizon.\",\"fields\":[{\"name\":\"at\",\"type\":{\"type\":\"long\",\"logicalType\":\"timestamp-millis\"},\"doc\":\"Event time.\"},{\"name\":\"kind\",\"type\":{\"type\":\"enum\",\"name\":\"LifecyclePointKind\",\"symbols\":[\"INSTALL\",\"OPEN\",\"UNREGISTER\",\"OTHER\"],\"default\":\"OTHER\",\"doc\":\"What the event does to the status; OTHER (a symbol this reader does not know) is ignored.\"},\"doc\":\"Lifecycle effect of the event.\"},{\"name\":\"idHash\",\"type\":\"int\",\"doc\":\"32-bit FNV-1a hash of the event id: tells a duplicate from a distinct event at the same time.\"}]}},\"default\":[],\"doc\":\"Points at or after foldedBefore, sorted by (at, kind, idHash), duplicates removed.\"}]},\"default\":{\"baseStatus\":null,\"baseReinstallCount\":0,\"baseOpenCount\":0,\"foldedBefore\":0,\"points\":[]},\"doc\":\"Lifecycle history behind status, reinstallCount and openCount (sessionizer bookkeeping; consumers may ignore it).\"}]}";
    export const DeviceStateName = "pushstream.DeviceState";
    /**
     * The current lifecycle state of one device, derived from all its events (merged by event time, so replaying them in any order converges). Topic device-state.v1 (compacted), keyed by deviceKey; a null value (tombstone) means the device was erased.
     */
    export interface DeviceState {
        /**
         * The Kafka key: <source>:<app>:<device id>.
         */
        deviceKey: string;
        /**
         * The app the device belongs to.
         */
        appKey: string;
        /**
         * The source's device id (Airship channel, CM installation id, track device id).
         */
        deviceId: string;
        /**
         * The platform the device is known from.
         */
        source: Pushstream.Source;
        /**
         * Device platform.
         */
        platform: Pushstream.Platform;
        /**
         * Lifecycle status, folded from the lifecycle history in event-time order.
         */
        status: Pushstream.DeviceStatus;
        /**
         * Event time of the (latest) install.
         *
         * Default: null
         */
        installedAt: null | number;
        /**
         * Event time of the earliest event seen.
         */
        firstSeenAt: number;
        /**
         * Event time of the latest event of any kind (that of lastEventId).
         */
        lastSeenAt: number;
        /**
         * Event time of the latest app open.
         *
         * Default: null
         */
        lastOpenedAt: null | number;
        /**
         * Event time of the latest unregistration.
         *
         * Default: null
         */
        unregisteredAt: null | number;
        /**
         * How often the device came back after being unregistered.
         *
         * Default: 0
         */
        reinstallCount: number;
        /**
         * Distinct app opens seen (OPENED and PUSH_OPENED events; duplicates within the reorder horizon are recognised by event id).
         *
         * Default: 0
         */
        openCount: number;
        /**
         * Latest known push opt-in / authorization.
         *
         * Default: null
         */
        pushOptIn: null | boolean;
        /**
         * Latest known device profile, merged field by field by event time.
         *
         * Default: null
         */
        profile: null | Pushstream.DeviceProfile;
        /**
         * Latest known identity, merged field by field by event time.
         *
         * Default: null
         */
        identity: null | Pushstream.Identity;
        /**
         * Event time (ms) of the fact behind each merged field (profile.<field>, identity.<field>, pushOptIn): a late, older event loses against newer facts; on equal times the greater value wins (false before true for booleans), so any order converges.
         *
         * Default: {}
         */
        fieldUpdatedAt: {
            [index: string]: number;
        };
        /**
         * Id of the latest event by event time (ties: the greater id), so replays in any order agree.
         */
        lastEventId: string;
        /**
         * Incremented on every change emitted for this device.
         */
        version: number;
        /**
         * No sign of life (lastSignOfLifeAt, else firstSeenAt) for 30 days (configurable) at the time of emission: set by the wall-clock sweep, cleared by a newer sign of life.
         *
         * Default: false
         */
        softStale: boolean;
        /**
         * No sign of life for 60 days (configurable): partners drop such tokens.
         *
         * Default: false
         */
        hardStale: boolean;
        /**
         * Wall-clock time this state was emitted.
         */
        updatedAt: number;
        /**
         * Event time of the latest event the device itself sent (not a push send, a delivery failure, an unregistration or an OTHER event); staleness is measured from it.
         *
         * Default: null
         */
        lastSignOfLifeAt: null | number;
        /**
         * Lifecycle history behind status, reinstallCount and openCount (sessionizer bookkeeping; consumers may ignore it).
         *
         * Default: {"baseStatus":null,"baseReinstallCount":0,"baseOpenCount":0,"foldedBefore":0,"points":[]}
         */
        lifecycle: Pushstream.LifecycleHistory;
    }
}


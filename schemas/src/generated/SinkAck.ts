// Generated from schemas/avro/SinkAck.avsc by schemas/scripts/generate-avro-types.ts. Do not edit.
/* eslint-disable @typescript-eslint/no-namespace */

export type SinkAck = Pushstream.SinkAck;

export namespace Pushstream {
    export const SinkAckSchema = "{\"type\":\"record\",\"name\":\"SinkAck\",\"namespace\":\"pushstream\",\"doc\":\"What one partner last acknowledged (2xx) for one device. Topic sink-acks.<target>.v1 (compacted), keyed by deviceKey; the sink calls the partner only when the desired state differs.\",\"fields\":[{\"name\":\"deviceKey\",\"type\":\"string\",\"doc\":\"The device.\"},{\"name\":\"target\",\"type\":\"string\",\"doc\":\"Partner target: infobip or intilery.\"},{\"name\":\"registrationId\",\"type\":[\"null\",\"string\"],\"default\":null,\"doc\":\"The partner's id for the registration (Infobip push registration id), if any.\"},{\"name\":\"desiredHash\",\"type\":\"string\",\"doc\":\"SHA-256 (hex) of the canonical JSON of the acknowledged partner state.\"},{\"name\":\"acknowledged\",\"type\":\"string\",\"doc\":\"Canonical JSON of the partner state that was acknowledged.\"},{\"name\":\"stateVersion\",\"type\":\"long\",\"doc\":\"DeviceState.version that produced it.\"},{\"name\":\"acknowledgedAt\",\"type\":{\"type\":\"long\",\"logicalType\":\"timestamp-millis\"},\"doc\":\"When the partner acknowledged it.\"},{\"name\":\"lastSentAt\",\"type\":{\"type\":\"long\",\"logicalType\":\"timestamp-millis\"},\"doc\":\"When a registration was last sent (Intilery re-sends before its 60-day staleness).\"}]}";
    export const SinkAckName = "pushstream.SinkAck";
    /**
     * What one partner last acknowledged (2xx) for one device. Topic sink-acks.<target>.v1 (compacted), keyed by deviceKey; the sink calls the partner only when the desired state differs.
     */
    export interface SinkAck {
        /**
         * The device.
         */
        deviceKey: string;
        /**
         * Partner target: infobip or intilery.
         */
        target: string;
        /**
         * The partner's id for the registration (Infobip push registration id), if any.
         *
         * Default: null
         */
        registrationId: null | string;
        /**
         * SHA-256 (hex) of the canonical JSON of the acknowledged partner state.
         */
        desiredHash: string;
        /**
         * Canonical JSON of the partner state that was acknowledged.
         */
        acknowledged: string;
        /**
         * DeviceState.version that produced it.
         */
        stateVersion: number;
        /**
         * When the partner acknowledged it.
         */
        acknowledgedAt: number;
        /**
         * When a registration was last sent (Intilery re-sends before its 60-day staleness).
         */
        lastSentAt: number;
    }
}


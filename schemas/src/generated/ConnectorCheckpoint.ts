// Generated from schemas/avro/ConnectorCheckpoint.avsc by schemas/scripts/generate-avro-types.ts. Do not edit.
/* eslint-disable @typescript-eslint/no-namespace */

export type ConnectorCheckpoint = Pushstream.ConnectorCheckpoint;

export namespace Pushstream {
    export const ConnectorCheckpointSchema = "{\"type\":\"record\",\"name\":\"ConnectorCheckpoint\",\"namespace\":\"pushstream\",\"doc\":\"The last durable position of one RTDS stream: the offset of the last event such that it and every earlier one are acknowledged by Kafka. Topic connector-checkpoints.v1 (compacted), keyed by streamId.\",\"fields\":[{\"name\":\"streamId\",\"type\":\"string\",\"doc\":\"Stream id: app key, endpoint and subset selection, e.g. <appKey>:events:partition-2-of-4.\"},{\"name\":\"appKey\",\"type\":\"string\",\"doc\":\"Airship app key.\"},{\"name\":\"offset\",\"type\":\"string\",\"doc\":\"RTDS offset to resume from (opaque string, never compared).\"},{\"name\":\"lastEventId\",\"type\":[\"null\",\"string\"],\"default\":null,\"doc\":\"Id of the last acknowledged event; null when the checkpoint came from OFFSET_UPDATE.\"},{\"name\":\"updatedAt\",\"type\":{\"type\":\"long\",\"logicalType\":\"timestamp-millis\"},\"doc\":\"When this checkpoint was written.\"},{\"name\":\"connectorInstance\",\"type\":[\"null\",\"string\"],\"default\":null,\"doc\":\"The connector instance that wrote it.\"}]}";
    export const ConnectorCheckpointName = "pushstream.ConnectorCheckpoint";
    /**
     * The last durable position of one RTDS stream: the offset of the last event such that it and every earlier one are acknowledged by Kafka. Topic connector-checkpoints.v1 (compacted), keyed by streamId.
     */
    export interface ConnectorCheckpoint {
        /**
         * Stream id: app key, endpoint and subset selection, e.g. <appKey>:events:partition-2-of-4.
         */
        streamId: string;
        /**
         * Airship app key.
         */
        appKey: string;
        /**
         * RTDS offset to resume from (opaque string, never compared).
         */
        offset: string;
        /**
         * Id of the last acknowledged event; null when the checkpoint came from OFFSET_UPDATE.
         *
         * Default: null
         */
        lastEventId: null | string;
        /**
         * When this checkpoint was written.
         */
        updatedAt: number;
        /**
         * The connector instance that wrote it.
         *
         * Default: null
         */
        connectorInstance: null | string;
    }
}


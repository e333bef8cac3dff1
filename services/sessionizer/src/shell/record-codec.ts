import { headerText, type ConsumedRecord, type OutputRecord, type TopicSerde } from '@pushstream/runtime';
import type { DeviceEvent, DeviceOpenSessions, DeviceSession, DeviceState } from '@pushstream/schemas';
import type { PartitionOutput } from '../core/index.js';

/** Header of device-state.v1 and open-sessions.v1 records: the device-events offset they reflect. */
export const INPUT_OFFSET_HEADER = 'pushstream-input-offset';

/** Full names of the topics the sessionizer reads and writes. */
export interface SessionizerTopics {
  readonly events: string;
  readonly state: string;
  readonly sessions: string;
  readonly openSessions: string;
  readonly dlq: string;
}

/** The Avro serdes of those topics. */
export interface SessionizerSerdes {
  readonly event: TopicSerde<DeviceEvent>;
  readonly state: TopicSerde<DeviceState>;
  readonly session: TopicSerde<DeviceSession>;
  readonly openSessions: TopicSerde<DeviceOpenSessions>;
}

/**
 * Encodes what a partition wants written. Every record goes to the partition of the input it came from:
 * device-events, device-state, open-sessions and device-sessions are co-partitioned, so partition p's
 * state is restored from partition p of the state topics whatever partitioner the producers used.
 */
export async function encodeOutputs(
  outputs: readonly PartitionOutput[],
  partition: number,
  topics: SessionizerTopics,
  serdes: SessionizerSerdes,
): Promise<OutputRecord[]> {
  const records: OutputRecord[] = [];
  for (const output of outputs) {
    switch (output.kind) {
      case 'state':
        records.push({
          topic: topics.state,
          partition,
          key: output.deviceKey,
          value: output.state === null ? null : await serdes.state.encode(output.state),
          headers: { [INPUT_OFFSET_HEADER]: String(output.inputOffset) },
        });
        break;
      case 'open-sessions':
        records.push({
          topic: topics.openSessions,
          partition,
          key: output.deviceKey,
          value: output.value === null ? null : await serdes.openSessions.encode(output.value),
          headers: { [INPUT_OFFSET_HEADER]: String(output.inputOffset) },
        });
        break;
      case 'session':
        records.push({
          topic: topics.sessions,
          partition,
          key: output.deviceKey,
          value: await serdes.session.encode(output.session),
        });
        break;
    }
  }
  return records;
}

/** The input offset a restored record reflects (-1 when it carries none). */
export function inputOffsetOf(record: Pick<ConsumedRecord, 'headers'>): number {
  const text = headerText(record, INPUT_OFFSET_HEADER);
  const offset = text === undefined ? Number.NaN : Number(text);
  return Number.isSafeInteger(offset) ? offset : -1;
}

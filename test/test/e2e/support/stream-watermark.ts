import { avroType, type DeviceEvent } from '@pushstream/schemas';
import type { Kafka } from 'kafkajs';

/** Device keys of the watermark events start with this; the audit leaves those devices out. */
export const WATERMARK_KEY_PREFIX = 'e2e-watermark:';

const DAY_MS = 86_400_000;

/**
 * Ends every session window: writes one event per partition of device-events.v1, 30 days after now, so each
 * partition's stream time passes the end + gap + grace of every open window and the sessionizer closes
 * them all (as Kafka Streams closes windows on stream time, never on wall time). The event is a PUSH_SENT —
 * not session activity — of a device of source UNKNOWN, which no sink serves. Encoded with the schema id
 * the pipeline registered for the topic. Returns the partitions written.
 */
export async function writeStreamWatermarks(
  kafka: Kafka,
  schemaRegistryUrl: string,
  topic: string,
): Promise<number> {
  const response = await fetch(`${schemaRegistryUrl}/subjects/${topic}-value/versions/latest`);
  if (!response.ok) throw new Error(`no schema registered for ${topic}-value: HTTP ${response.status}`);
  const { id } = (await response.json()) as { id: number };
  const header = Buffer.alloc(5);
  header.writeInt32BE(id, 1);
  const type = avroType('DeviceEvent');
  const admin = kafka.admin();
  await admin.connect();
  const partitions = await admin.fetchTopicOffsets(topic).finally(() => admin.disconnect());
  const occurredAt = Date.now() + 30 * DAY_MS;
  const producer = kafka.producer();
  await producer.connect();
  try {
    await producer.send({
      topic,
      acks: -1,
      messages: partitions.map(({ partition }) => {
        const event: DeviceEvent = {
          eventId: `${WATERMARK_KEY_PREFIX}${partition}`,
          source: 'UNKNOWN',
          sourceType: 'e2e.stream-watermark',
          kind: 'PUSH_SENT',
          deviceKey: `${WATERMARK_KEY_PREFIX}${partition}`,
          appKey: 'e2e-watermark',
          deviceId: `p${partition}`,
          platform: 'UNKNOWN',
          occurredAt,
          processedAt: null,
          receivedAt: occurredAt,
          profile: null,
          identity: null,
          pushId: null,
          sessionId: null,
          detail: '{}',
          lineage: { topic: 'e2e.watermark', partition, offset: 0, sourceOffset: null },
          app: null,
        };
        return {
          partition,
          key: event.deviceKey,
          value: Buffer.concat([header, type.toBuffer(event)]),
        };
      }),
    });
  } finally {
    await producer.disconnect();
  }
  return partitions.length;
}

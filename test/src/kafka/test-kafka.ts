import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, type Admin } from 'kafkajs';

/**
 * A plain kafkajs client for the test side of integration tests: it produces inputs and reads outputs
 * independently of the code under test, the way a data platform consumer would.
 */
export function testKafka(brokers: readonly string[]): Kafka {
  return new Kafka({
    clientId: `test-${randomUUID().slice(0, 8)}`,
    brokers: [...brokers],
    logLevel: logLevel.NOTHING,
  });
}

/** A topic or group name no other test uses. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

/** Creates topics (1 replica) with the given partition count and configs. */
export async function createTestTopics(
  kafka: Kafka,
  topics: readonly { name: string; partitions?: number; configs?: Record<string, string> }[],
): Promise<void> {
  await withAdmin(kafka, async (admin) => {
    await admin.createTopics({
      waitForLeaders: true,
      topics: topics.map((topic) => ({
        topic: topic.name,
        numPartitions: topic.partitions ?? 1,
        replicationFactor: 1,
        configEntries: Object.entries(topic.configs ?? {}).map(([name, value]) => ({ name, value })),
      })),
    });
  });
}

/** Runs `action` with a connected admin client and disconnects it. */
export async function withAdmin<T>(kafka: Kafka, action: (admin: Admin) => Promise<T>): Promise<T> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    return await action(admin);
  } finally {
    await admin.disconnect();
  }
}

/** Sum over partitions of the group's committed offsets on `topic` (unset offsets count as 0). */
export async function committedTotal(kafka: Kafka, groupId: string, topic: string): Promise<number> {
  return withAdmin(kafka, async (admin) => {
    const [entry] = await admin.fetchOffsets({ groupId, topics: [topic] });
    return (entry?.partitions ?? []).reduce((sum, p) => sum + Math.max(0, Number(p.offset)), 0);
  });
}

/** Sum over partitions of the topic's high watermarks (records ever written, for a delete topic). */
export async function endOffsetTotal(kafka: Kafka, topic: string): Promise<number> {
  return withAdmin(kafka, async (admin) =>
    (await admin.fetchTopicOffsets(topic)).reduce((sum, p) => sum + Number(p.high), 0),
  );
}

import type { Kafka } from 'kafkajs';
import { ConfigResourceTypes } from '../kafka/kafkajs-values.js';
import type { ResolvedTopic } from '@pushstream/schemas';
import { PushstreamError, errorMessage } from '../errors/pushstream-error.js';
import type { Logger } from '../logging/logger.js';
import { topicDrift } from './topic-drift.js';

/** What provisioning did. */
export interface ProvisionReport {
  readonly created: readonly string[];
  readonly verified: readonly string[];
}

/**
 * Makes the cluster match the topology: creates missing topics (when allowed) and checks every existing
 * one, failing with TOPIC_MISCONFIGURED (every difference listed) rather than touching a topic that
 * holds data. Idempotent: a second run creates nothing and verifies everything.
 */
export async function provisionTopics(
  kafka: Kafka,
  topics: readonly ResolvedTopic[],
  options: { create: boolean; logger?: Logger },
): Promise<ProvisionReport> {
  const admin = kafka.admin();
  try {
    await admin.connect();
    const existingNames = new Set(await admin.listTopics());
    const missing = topics.filter((topic) => !existingNames.has(topic.fullName));
    const present = topics.filter((topic) => existingNames.has(topic.fullName));

    if (missing.length > 0 && !options.create) {
      throw new PushstreamError(
        'TOPIC_MISSING',
        `Topics missing and TOPIC_AUTO_CREATE is off: ${missing.map((topic) => topic.fullName).join(', ')}`,
      );
    }
    if (missing.length > 0) {
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((topic) => ({
          topic: topic.fullName,
          numPartitions: topic.partitions,
          replicationFactor: topic.replicationFactor,
          configEntries: Object.entries(topic.requiredConfigs).map(([name, value]) => ({ name, value })),
        })),
      });
      options.logger?.info({ topics: missing.map((topic) => topic.fullName) }, 'created topics');
    }

    const problems: string[] = [];
    if (present.length > 0) {
      const metadata = await admin.fetchTopicMetadata({ topics: present.map((topic) => topic.fullName) });
      const partitionsByName = new Map(metadata.topics.map((topic) => [topic.name, topic.partitions.length]));
      const described = await admin.describeConfigs({
        includeSynonyms: false,
        resources: present.map((topic) => ({
          type: ConfigResourceTypes.TOPIC,
          name: topic.fullName,
          configNames: Object.keys(topic.requiredConfigs),
        })),
      });
      const configsByName = new Map(
        described.resources.map((resource) => [
          resource.resourceName,
          Object.fromEntries(resource.configEntries.map((entry) => [entry.configName, entry.configValue])),
        ]),
      );
      for (const topic of present) {
        problems.push(
          ...topicDrift(topic, {
            partitions: partitionsByName.get(topic.fullName) ?? 0,
            configs: configsByName.get(topic.fullName) ?? {},
          }),
        );
      }
    }
    if (problems.length > 0) {
      throw new PushstreamError(
        'TOPIC_MISCONFIGURED',
        `Topics differ from the topology declaration:\n  ${problems.join('\n  ')}`,
      );
    }
    return {
      created: missing.map((topic) => topic.fullName),
      verified: present.map((topic) => topic.fullName),
    };
  } catch (error) {
    if (error instanceof PushstreamError) throw error;
    throw new PushstreamError('KAFKA_UNAVAILABLE', `Topic provisioning failed: ${errorMessage(error)}`, {
      cause: error,
    });
  } finally {
    await admin.disconnect();
  }
}

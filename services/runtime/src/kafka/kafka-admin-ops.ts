import type { Admin, Kafka } from 'kafkajs';
import { PushstreamError, errorMessage } from '../errors/pushstream-error.js';

/** First and next offsets of one partition (decimal strings: offsets are 64-bit). */
export interface PartitionOffsets {
  readonly partition: number;
  /** Offset of the oldest record still held (log start). */
  readonly low: string;
  /** Offset the next record will get (high watermark). */
  readonly high: string;
}

/** A group's committed offset on one partition; null when the group never committed there. */
export interface CommittedOffset {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string | null;
}

/** A member of a consumer group. */
export interface GroupMember {
  readonly memberId: string;
  readonly clientId: string;
  readonly host: string;
}

/** A consumer group as the coordinator describes it. */
export interface GroupDescription {
  readonly groupId: string;
  /** Kafka's group state: Stable, PreparingRebalance, CompletingRebalance, Empty, Dead… */
  readonly state: string;
  readonly members: readonly GroupMember[];
}

/**
 * The admin operations operators need (the CLI): topics and their offsets, consumer groups and their
 * committed offsets, moving a stopped group's offsets. Offsets travel as decimal strings.
 */
export interface KafkaAdminOps {
  /** Connects; fails with KAFKA_UNAVAILABLE when no broker answers. */
  connect(): Promise<void>;
  disconnect(): Promise<void>;
  listTopics(): Promise<string[]>;
  /** Partition counts of existing topics (topics that do not exist are left out). */
  partitionCounts(topics: readonly string[]): Promise<Map<string, number>>;
  topicOffsets(topic: string): Promise<PartitionOffsets[]>;
  /** Per partition, the earliest offset whose record timestamp is at or after `timestampMs` (the high watermark if none). */
  offsetsAtTime(topic: string, timestampMs: number): Promise<{ partition: number; offset: string }[]>;
  /** The group's committed offsets on every partition of `topics`. */
  committedOffsets(groupId: string, topics: readonly string[]): Promise<CommittedOffset[]>;
  describeGroup(groupId: string): Promise<GroupDescription>;
  /** Sets a group's committed offsets on a topic; Kafka refuses while the group has members. */
  setCommittedOffsets(
    groupId: string,
    topic: string,
    offsets: readonly { partition: number; offset: string }[],
  ): Promise<void>;
}

/** The admin operations over a Kafka client (one admin connection, reused). */
export function createKafkaAdminOps(kafka: Kafka): KafkaAdminOps {
  const admin: Admin = kafka.admin();
  return {
    async connect() {
      try {
        await admin.connect();
      } catch (error) {
        throw new PushstreamError('KAFKA_UNAVAILABLE', `could not connect to Kafka: ${errorMessage(error)}`, {
          cause: error,
        });
      }
    },
    disconnect: () => admin.disconnect(),
    listTopics: () => admin.listTopics(),
    async partitionCounts(topics) {
      const existing = new Set(await admin.listTopics());
      const wanted = topics.filter((topic) => existing.has(topic));
      const counts = new Map<string, number>();
      if (wanted.length === 0) return counts;
      const metadata = await admin.fetchTopicMetadata({ topics: [...wanted] });
      for (const topic of metadata.topics) counts.set(topic.name, topic.partitions.length);
      return counts;
    },
    async topicOffsets(topic) {
      const offsets = await admin.fetchTopicOffsets(topic);
      return offsets
        .map((entry) => ({ partition: entry.partition, low: entry.low, high: entry.high }))
        .sort((a, b) => a.partition - b.partition);
    },
    async offsetsAtTime(topic, timestampMs) {
      const offsets = await admin.fetchTopicOffsetsByTimestamp(topic, timestampMs);
      return offsets
        .map((entry) => ({ partition: entry.partition, offset: entry.offset }))
        .sort((a, b) => a.partition - b.partition);
    },
    async committedOffsets(groupId, topics) {
      const answer = await admin.fetchOffsets({ groupId, topics: [...topics] });
      return answer.flatMap((entry) =>
        entry.partitions
          .map((p) => ({
            topic: entry.topic,
            partition: p.partition,
            // kafkajs answers -1 for "no committed offset".
            offset: BigInt(p.offset) < 0n ? null : p.offset,
          }))
          .sort((a, b) => a.partition - b.partition),
      );
    },
    async describeGroup(groupId) {
      const { groups } = await admin.describeGroups([groupId]);
      const group = groups.find((candidate) => candidate.groupId === groupId);
      if (group === undefined) return { groupId, state: 'Dead', members: [] };
      return {
        groupId,
        state: group.state,
        members: group.members.map((member) => ({
          memberId: member.memberId,
          clientId: member.clientId,
          host: member.clientHost,
        })),
      };
    },
    async setCommittedOffsets(groupId, topic, offsets) {
      await admin.setOffsets({
        groupId,
        topic,
        partitions: offsets.map((entry) => ({ partition: entry.partition, offset: entry.offset })),
      });
    },
  };
}

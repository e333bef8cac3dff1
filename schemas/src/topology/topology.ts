import type { TopicSpec } from './topic-spec.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Default partition count of the pipeline's keyed topics: the most pods a stage can scale to. */
export const DEFAULT_PARTITIONS = 6;

/** Partner targets of the sink, each with its own acknowledgement topic. */
export const SINK_TARGETS = ['infobip', 'intilery'] as const;
/** One partner the sink pushes registrations to. */
export type SinkTarget = (typeof SINK_TARGETS)[number];

/** Services that dead-letter, each with its own DLQ topic. */
export const STAGES = ['connector', 'normalizer', 'sessionizer', 'sink'] as const;
/** One pipeline stage (service). */
export type Stage = (typeof STAGES)[number];

const DEVICE_KEY =
  'Device key `<source>:<app>:<device id>` (`airship:<appKey>:<channel>`, `cm:<appKey>:<installationId>`, `track:<source>:<device|user|anonymous id>`); push id for device-less events.';

function rawTopic(name: string, source: string): TopicSpec {
  return {
    name,
    description: `${source} events as received, one per record, byte for byte, with lineage headers (source, received-at, connector instance${name.includes('airship') ? ', RTDS offset' : ''}).`,
    key: DEVICE_KEY,
    value: { format: 'bytes', description: `The original ${source} JSON, untouched.` },
    cleanupPolicy: 'delete',
    retentionMs: 7 * DAY_MS,
    partitions: DEFAULT_PARTITIONS,
    producers: ['connector'],
    consumers: ['normalizer'],
  };
}

/** Arrival-time window the normalizer's dedupe changelog must outlive (the RTDS data window). */
export const DEDUPE_CHANGELOG_RETENTION_MS = 8 * DAY_MS;

/**
 * The dedupe changelog of a raw topic: `raw.<source>.v1` → `normalizer-dedupe.<source>.v1`. Partition p of
 * the changelog holds the event ids remembered for partition p of the raw topic, written only by that
 * partition's transactional producer, so a restore reads one partition and never waits on other writers.
 */
export function dedupeChangelogOf(rawTopicName: string): string {
  const match = /^raw\.(.+)$/.exec(rawTopicName);
  if (match?.[1] === undefined) throw new Error(`${rawTopicName} is not a raw topic`);
  return `normalizer-dedupe.${match[1]}`;
}

const RAW_TOPIC_NAMES = [
  'raw.airship-rtds.v1',
  'raw.airship-compliance.v1',
  'raw.cm-push.v1',
  'raw.track.v1',
];

function dedupeChangelog(rawName: string): TopicSpec {
  return {
    name: dedupeChangelogOf(rawName),
    description: `Event ids the normalizer remembered for ${rawName} (dedupe state), written in the same transaction as their device events; partition p belongs to ${rawName} partition p. Restored on assignment. Ids are written once, so time retention (longer than the dedupe window) replaces compaction.`,
    key: 'The event id (UTF-8).',
    value: {
      format: 'bytes',
      description:
        'The arrival stream time (ms since the epoch, decimal ASCII) at which the id was remembered; expiry is decided by the normalizer.',
    },
    cleanupPolicy: 'delete',
    retentionMs: DEDUPE_CHANGELOG_RETENTION_MS,
    partitions: DEFAULT_PARTITIONS,
    producers: ['normalizer'],
    consumers: ['normalizer (restore)'],
  };
}

/**
 * The topology: every topic pushstream writes or reads. Topic provisioning, the AsyncAPI document, the
 * topic docs and the tests all read this one declaration (DESIGN.md section 2).
 */
export const TOPOLOGY: readonly TopicSpec[] = [
  rawTopic('raw.airship-rtds.v1', 'Airship RTDS event-stream'),
  rawTopic('raw.airship-compliance.v1', 'Airship RTDS compliance-stream'),
  rawTopic('raw.cm-push.v1', 'CM.com push webhook'),
  rawTopic('raw.track.v1', 'Segment-spec track/identify (batches split)'),
  {
    name: 'device-events.v1',
    description:
      'Every device event from every source, typed, enriched and deduplicated by event id (exactly once).',
    key: DEVICE_KEY,
    value: { format: 'avro', schema: 'pushstream.DeviceEvent', description: 'Avro `DeviceEvent`.' },
    cleanupPolicy: 'delete',
    retentionMs: 30 * DAY_MS,
    partitions: DEFAULT_PARTITIONS,
    producers: ['normalizer'],
    consumers: ['sessionizer', 'data platform'],
  },
  {
    name: 'device-state.v1',
    description:
      'Current lifecycle state of every device; a new record on every change; a tombstone on erasure.',
    key: DEVICE_KEY,
    value: {
      format: 'avro',
      schema: 'pushstream.DeviceState',
      description: 'Avro `DeviceState`; null = erased.',
    },
    cleanupPolicy: 'compact',
    partitions: DEFAULT_PARTITIONS,
    producers: ['sessionizer'],
    consumers: ['sink', 'sessionizer (restore)', 'data platform'],
  },
  {
    name: 'device-sessions.v1',
    description: 'Closed sessions of each device (start, end, duration, events, opening push).',
    key: DEVICE_KEY,
    value: { format: 'avro', schema: 'pushstream.DeviceSession', description: 'Avro `DeviceSession`.' },
    cleanupPolicy: 'delete',
    retentionMs: 30 * DAY_MS,
    partitions: DEFAULT_PARTITIONS,
    producers: ['sessionizer'],
    consumers: ['data platform'],
  },
  {
    name: 'open-sessions.v1',
    description:
      "The sessionizer's changelog of open session windows, restored on partition assignment; partition p holds the devices of device-events.v1 partition p, plus the partition's event-time clock under the key `~stream-time`. Internal: read closed sessions from device-sessions.v1.",
    key: `${DEVICE_KEY} \`~stream-time\` for the partition clock.`,
    value: {
      format: 'avro',
      schema: 'pushstream.DeviceOpenSessions',
      description: 'Avro `DeviceOpenSessions`; null = no open session left.',
    },
    cleanupPolicy: 'compact',
    partitions: DEFAULT_PARTITIONS,
    producers: ['sessionizer'],
    consumers: ['sessionizer (restore)'],
    // A changelog rewritten on every activity event: small segments let compaction keep restores short.
    configs: { 'segment.ms': String(60 * 60 * 1000), 'min.cleanable.dirty.ratio': '0.1' },
  },
  ...SINK_TARGETS.map((target): TopicSpec => ({
    name: `sink-acks.${target}.v1`,
    description: `What ${target} last acknowledged for each device (the sink diffs against it).`,
    key: DEVICE_KEY,
    value: { format: 'avro', schema: 'pushstream.SinkAck', description: 'Avro `SinkAck`.' },
    cleanupPolicy: 'compact',
    partitions: DEFAULT_PARTITIONS,
    producers: ['sink'],
    consumers: ['sink (restore)'],
  })),
  {
    name: 'connector-checkpoints.v1',
    description: 'Last durable RTDS offset of each stream.',
    key: 'Stream id (app key + subset).',
    value: {
      format: 'avro',
      schema: 'pushstream.ConnectorCheckpoint',
      description: 'Avro `ConnectorCheckpoint`.',
    },
    cleanupPolicy: 'compact',
    partitions: 1,
    producers: ['connector'],
    consumers: ['connector (restore)'],
  },
  ...RAW_TOPIC_NAMES.map(dedupeChangelog),
  ...STAGES.map((stage): TopicSpec => ({
    name: `dlq.${stage}.v1`,
    description: `Records the ${stage} could not process, with the reason; replayable after a fix.`,
    key: 'The original key.',
    value: {
      format: 'bytes',
      description:
        'The original value; headers pushstream-error-code/-message/-stage/-at and pushstream-source-topic/-partition/-offset.',
    },
    cleanupPolicy: 'delete',
    retentionMs: 14 * DAY_MS,
    partitions: 1,
    producers: [stage],
    consumers: ['operators (pushstream dlq replay)'],
  })),
];

/** The declared topic of that (unprefixed) name; throws on a name that is not declared. */
export function topicSpec(name: string): TopicSpec {
  const spec = TOPOLOGY.find((topic) => topic.name === name);
  if (spec === undefined) throw new Error(`topic ${name} is not in the topology declaration`);
  return spec;
}

import { STAGES, type Stage } from '@pushstream/schemas';
import type { KafkaAdminOps, PartitionOffsets } from '@pushstream/runtime';
import { computeTopicLag, heldRecords, type TopicLag } from '../core/lag.js';
import { redactText } from '../core/redact-output.js';
import { renderTable } from '../core/render-table.js';
import { replayGroupId, stageGroups, stageInputTopics } from '../core/topology-view.js';
import type { CliContext } from '../context.js';
import type { Output } from '../output.js';

/** One topic of `status`. */
export interface TopicStatus {
  readonly name: string;
  readonly topic: string;
  readonly exists: boolean;
  readonly partitions: number | null;
  /** Records held now (sum of high − low). */
  readonly records: number | null;
  /** Sum of the partitions' end offsets (records ever written). */
  readonly endOffset: number | null;
  readonly offsets: readonly PartitionOffsets[];
}

/** One stage's consumer group in `status`. */
export interface StageStatus {
  readonly stage: Stage;
  readonly groupId: string;
  /** False when no candidate group exists (the stage never ran under these names). */
  readonly found: boolean;
  readonly state: string;
  readonly members: number;
  /** Total lag over the stage's input topics; null when the group was not found. */
  readonly lag: number | null;
  readonly topics: readonly TopicLag[];
}

/** One DLQ of `status`. */
export interface DlqStatus {
  readonly service: Stage;
  readonly topic: string;
  readonly exists: boolean;
  /** Dead letters held now. */
  readonly depth: number | null;
  readonly replayGroup: string;
  /** Dead letters `dlq replay` has not handled yet. */
  readonly pendingReplay: number | null;
}

/** The JSON shape of `status --json`. */
export interface StatusReport {
  readonly prefix: string;
  readonly brokers: readonly string[];
  /** The schema registry URL (credentials masked), null when not configured. */
  readonly registry: string | null;
  readonly topics: readonly TopicStatus[];
  readonly stages: readonly StageStatus[];
  readonly dlq: readonly DlqStatus[];
}

/** Reads topics, stage groups and DLQs, and prints them. */
export async function statusCommand(
  ctx: CliContext,
  out: Output,
  options: { groups: ReadonlyMap<string, string> },
): Promise<void> {
  const admin = await ctx.admin();
  const existing = new Set(await admin.listTopics());
  const offsetsByTopic = new Map<string, PartitionOffsets[]>();
  const topics: TopicStatus[] = [];
  for (const spec of ctx.topology) {
    const topic = ctx.topic(spec.name);
    if (!existing.has(topic)) {
      topics.push({
        name: spec.name,
        topic,
        exists: false,
        partitions: null,
        records: null,
        endOffset: null,
        offsets: [],
      });
      continue;
    }
    const offsets = await admin.topicOffsets(topic);
    offsetsByTopic.set(topic, offsets);
    topics.push({
      name: spec.name,
      topic,
      exists: true,
      partitions: offsets.length,
      records: heldRecords(offsets),
      endOffset: offsets.reduce((sum, entry) => sum + Number(entry.high), 0),
      offsets,
    });
  }

  const stages: StageStatus[] = [];
  for (const stage of STAGES) {
    const inputs = stageInputTopics(stage, ctx.topology)
      .map((name) => ctx.topic(name))
      .filter((topic) => offsetsByTopic.has(topic));
    if (stageInputTopics(stage, ctx.topology).length === 0) continue;
    for (const group of stageGroups(stage, ctx.prefix, options.groups.get(stage))) {
      stages.push(await stageStatus(admin, stage, [group], inputs, offsetsByTopic));
    }
  }

  const dlq: DlqStatus[] = [];
  for (const service of STAGES) {
    const topic = ctx.topic(`dlq.${service}.v1`);
    const replayGroup = replayGroupId(ctx.prefix, service);
    const offsets = offsetsByTopic.get(topic);
    if (offsets === undefined) {
      dlq.push({ service, topic, exists: false, depth: null, replayGroup, pendingReplay: null });
      continue;
    }
    const committed = await admin.committedOffsets(replayGroup, [topic]);
    dlq.push({
      service,
      topic,
      exists: true,
      depth: heldRecords(offsets),
      replayGroup,
      pendingReplay: computeTopicLag(topic, offsets, committed).lag,
    });
  }

  const report: StatusReport = {
    prefix: ctx.prefix,
    brokers: ctx.config.kafka.brokers,
    registry: ctx.config.registry === undefined ? null : redactText(ctx.config.registry.url, []),
    topics,
    stages,
    dlq,
  };
  out.result(report, renderStatus);
}

async function stageStatus(
  admin: KafkaAdminOps,
  stage: Stage,
  candidates: readonly string[],
  inputs: readonly string[],
  offsetsByTopic: ReadonlyMap<string, readonly PartitionOffsets[]>,
): Promise<StageStatus> {
  for (const groupId of candidates) {
    const group = await admin.describeGroup(groupId);
    const committed = inputs.length === 0 ? [] : await admin.committedOffsets(groupId, inputs);
    const hasCommitted = committed.some((entry) => entry.offset !== null);
    if (group.state === 'Dead' && !hasCommitted) continue;
    const topics = inputs.map((topic) =>
      computeTopicLag(
        topic,
        offsetsByTopic.get(topic) ?? [],
        committed.filter((entry) => entry.topic === topic),
      ),
    );
    return {
      stage,
      groupId,
      found: true,
      state: group.state,
      members: group.members.length,
      lag: topics.reduce((sum, topic) => sum + topic.lag, 0),
      topics,
    };
  }
  return {
    stage,
    groupId: candidates[0] ?? stage,
    found: false,
    state: 'Dead',
    members: 0,
    lag: null,
    topics: [],
  };
}

function renderStatus(report: StatusReport): string {
  const topics = renderTable(
    ['topic', 'partitions', 'records', 'end offset'],
    report.topics.map((topic) =>
      topic.exists
        ? [topic.topic, topic.partitions, topic.records, topic.endOffset]
        : [topic.topic, 'missing', null, null],
    ),
  );
  const stages = renderTable(
    ['stage', 'group', 'state', 'members', 'input', 'lag'],
    report.stages.flatMap((stage) =>
      !stage.found
        ? [[stage.stage, stage.groupId, 'not found', 0, null, null]]
        : stage.topics.map((topic, i) => [
            i === 0 ? stage.stage : '',
            i === 0 ? stage.groupId : '',
            i === 0 ? stage.state : '',
            i === 0 ? stage.members : '',
            topic.topic,
            topic.lag,
          ]),
    ),
  );
  const dlq = renderTable(
    ['service', 'dlq topic', 'dead letters', 'not replayed'],
    report.dlq.map((entry) =>
      entry.exists
        ? [entry.service, entry.topic, entry.depth, entry.pendingReplay]
        : [entry.service, entry.topic, 'missing', null],
    ),
  );
  return `Kafka ${report.brokers.join(',')} — registry ${report.registry ?? '(not set)'} — prefix "${report.prefix}"\n\nTopics\n${topics}\nConsumer groups (lag per input topic)\n${stages}\nDead-letter queues\n${dlq}`;
}

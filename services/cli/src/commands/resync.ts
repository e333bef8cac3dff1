import {
  PushstreamError,
  errorMessage,
  readTopicRange,
  topicSerde,
  type OutputRecord,
  type PartitionOffsets,
} from '@pushstream/runtime';
import type { DeviceState, SinkAck, SinkTarget } from '@pushstream/schemas';
import { renderFields } from '../core/render-table.js';
import {
  ackKeysToClear,
  earliestOffsets,
  estimateResync,
  recordsToReplay,
  type ResyncEstimate,
} from '../core/resync-plan.js';
import { sinkGroupId } from '../core/topology-view.js';
import { confirmChange } from '../confirm.js';
import type { CliContext } from '../context.js';
import type { Output } from '../output.js';

/** Options of `resync`. */
export interface ResyncOptions {
  readonly yes: boolean;
  readonly dryRun: boolean;
  /** Also tombstone every ack of the target, so every device is re-sent. */
  readonly force: boolean;
  /** The sink's consumer group. @default `<prefix>sink`, else `sink`, whichever exists */
  readonly group?: string;
}

/** The JSON shape of `resync --json`. */
export interface ResyncReport {
  readonly target: SinkTarget;
  readonly group: string;
  readonly groupState: string;
  readonly stateTopic: string;
  readonly acksTopic: string;
  readonly dryRun: boolean;
  readonly force: boolean;
  /** device-state records the sink will read again after the reset. */
  readonly recordsToReplay: number;
  /** Offsets before and after, per partition of device-state. */
  readonly offsets: readonly { partition: number; from: string | null; to: string }[];
  readonly estimate: ResyncEstimate;
  /** Acks tombstoned (--force), 0 otherwise or in a dry run. */
  readonly acksCleared: number;
  /** True once the sink group's offsets were moved. */
  readonly applied: boolean;
}

const SINK_DEFAULT_GROUP_HELP =
  'Offsets can only be moved while the group has no members: stop the sink (e.g. scale its deployment to 0 replicas), run resync, then start it again.';

/**
 * Replays device-state to the sink for one partner: moves the sink group's offsets on device-state to the
 * log start, so the sink re-reads every device and — diffing against sink-acks — calls the partner only
 * for devices out of sync. `--force` also tombstones the target's acks, so every device is re-sent.
 */
export async function resyncCommand(
  ctx: CliContext,
  out: Output,
  target: SinkTarget,
  options: ResyncOptions,
): Promise<void> {
  const stateTopic = ctx.topic('device-state.v1');
  const acksTopic = ctx.topic(`sink-acks.${target}.v1`);
  await ctx.requireTopic(stateTopic);
  const admin = await ctx.admin();
  const acksExist = (await admin.listTopics()).includes(acksTopic);
  const group = options.group ?? sinkGroupId(ctx.prefix, target);
  const description = await admin.describeGroup(group);
  if (description.members.length > 0) {
    const clients = [...new Set(description.members.map((m) => `${m.clientId}@${m.host}`))].join(', ');
    throw new PushstreamError(
      'CONSUMER_GROUP_ACTIVE',
      `the sink group ${group} is active (${description.state}, ${description.members.length} member(s): ${clients}). ${SINK_DEFAULT_GROUP_HELP}`,
    );
  }
  const offsets = await admin.topicOffsets(stateTopic);
  const committed = await admin.committedOffsets(group, [stateTopic]);
  const committedBy = new Map(committed.map((entry) => [entry.partition, entry.offset]));

  const states = new Map<string, number | null>();
  const stateSerde = topicSerde<DeviceState>(ctx.serde(), stateTopic, 'DeviceState');
  await readAll(ctx, out, stateTopic, offsets, async (key, value) => {
    states.set(key, value === null ? null : (await stateSerde.decode(value)).version);
  });
  const acks = new Map<string, number | null>();
  if (acksExist) {
    const ackSerde = topicSerde<SinkAck>(ctx.serde(), acksTopic, 'SinkAck');
    await readAll(ctx, out, acksTopic, await admin.topicOffsets(acksTopic), async (key, value) => {
      acks.set(key, value === null ? null : (await ackSerde.decode(value)).stateVersion);
    });
  }
  const estimate = estimateResync(states, acks);
  const toClear = options.force ? ackKeysToClear(acks) : [];
  const report = (applied: boolean, acksCleared: number): ResyncReport => ({
    target,
    group,
    groupState: description.state,
    stateTopic,
    acksTopic,
    dryRun: options.dryRun,
    force: options.force,
    recordsToReplay: recordsToReplay(offsets, committed),
    offsets: earliestOffsets(offsets).map((entry) => ({
      partition: entry.partition,
      from: committedBy.get(entry.partition) ?? null,
      to: entry.offset,
    })),
    estimate,
    acksCleared,
    applied,
  });
  if (options.dryRun) {
    out.result(report(false, 0), renderResync);
    return;
  }
  out.note(renderResync(report(false, 0)).trimEnd());
  await confirmChange(
    ctx.io,
    options.yes,
    options.force
      ? `Reset ${group} on ${stateTopic} to the start AND tombstone ${toClear.length} ack(s) of ${target}, re-sending every device to ${target}?`
      : `Reset ${group} on ${stateTopic} to the start (the sink re-sends only devices out of sync with ${target})?`,
  );
  try {
    await admin.setCommittedOffsets(group, stateTopic, earliestOffsets(offsets));
  } catch (error) {
    throw new PushstreamError(
      'CONSUMER_GROUP_ACTIVE',
      `could not move the offsets of ${group}: ${errorMessage(error)}. ${SINK_DEFAULT_GROUP_HELP}`,
      { cause: error },
    );
  }
  // After the reset: should this fail, the replay still runs against intact acks (a plain resync).
  if (toClear.length > 0) {
    const tombstones: OutputRecord[] = toClear.map((key) => ({ topic: acksTopic, key, value: null }));
    await (await ctx.producer()).send(tombstones);
  }
  out.result(report(true, toClear.length), renderResync);
}

async function readAll(
  ctx: CliContext,
  out: Output,
  topic: string,
  offsets: readonly PartitionOffsets[],
  onRecord: (key: string, value: Buffer | null) => Promise<void>,
): Promise<void> {
  const total = offsets.reduce((sum, entry) => sum + Number(BigInt(entry.high) - BigInt(entry.low)), 0);
  const progress = out.progress(`reading ${topic}`, total);
  try {
    await readTopicRange(
      ctx.kafka,
      topic,
      offsets.map((entry) => ({ partition: entry.partition, from: entry.low, until: entry.high })),
      async (record) => {
        progress.increment();
        if (record.key !== null) await onRecord(record.key.toString('utf8'), record.value);
      },
    );
  } finally {
    progress.stop();
  }
}

function renderResync(report: ResyncReport): string {
  const e = report.estimate;
  const verb = report.applied ? 'Done' : report.dryRun ? 'Dry run (nothing changed)' : 'Plan';
  return `${verb}: resync ${report.target} from ${report.stateTopic}\n${renderFields([
    ['sink group', `${report.group} (${report.groupState})`],
    ['records to re-read', report.recordsToReplay],
    ['devices', e.devices],
    ['in sync (skipped)', e.inSync],
    ['acked at older version (re-sent)', e.behind],
    ['never acked (re-sent)', e.neverAcked],
    ['erased but acked', e.erasedWithAck],
    [
      report.force ? 'acks tombstoned (--force)' : 'acks kept',
      report.force ? (report.applied ? report.acksCleared : e.acks) : e.acks,
    ],
  ])}`;
}

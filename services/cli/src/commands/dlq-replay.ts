import {
  HEADERS,
  PushstreamError,
  drainWithGroup,
  readTopicRange,
  type OutputRecord,
} from '@pushstream/runtime';
import type { Stage } from '@pushstream/schemas';
import {
  decideReplay,
  type DeadLetterHeaderNames,
  summarizeReplay,
  type ReplayDecision,
  type ReplaySummaryRow,
} from '../core/dead-letter-replay.js';
import { computeTopicLag } from '../core/lag.js';
import { renderTable } from '../core/render-table.js';
import { replayGroupId } from '../core/topology-view.js';
import { confirmChange } from '../confirm.js';
import type { CliContext } from '../context.js';
import type { Output } from '../output.js';

/** The dead-letter headers among the runtime's HEADERS (lineage headers such as pushstream-source stay). */
const DEAD_LETTER_HEADERS: DeadLetterHeaderNames = {
  errorCode: HEADERS.errorCode,
  errorMessage: HEADERS.errorMessage,
  errorStage: HEADERS.errorStage,
  errorAt: HEADERS.errorAt,
  sourceTopic: HEADERS.sourceTopic,
  sourcePartition: HEADERS.sourcePartition,
  sourceOffset: HEADERS.sourceOffset,
};

/** Options of `dlq replay`. */
export interface DlqReplayOptions {
  readonly dryRun: boolean;
  readonly yes: boolean;
  /** The replay's own consumer group on the DLQ. @default `<prefix>cli.dlq-replay.<service>` */
  readonly group?: string;
}

/** The JSON shape of `dlq replay --json`. */
export interface DlqReplayReport {
  readonly service: Stage;
  readonly dlqTopic: string;
  readonly group: string;
  readonly dryRun: boolean;
  /** Dead letters not handled by an earlier replay when this one started. */
  readonly pending: number;
  /** What they are: per target topic (or skip reason) and error code. */
  readonly summary: readonly ReplaySummaryRow[];
  /** Re-produced to their source topics (0 in a dry run). */
  readonly replayed: number;
  /** Passed over because they cannot be replayed (no source topic). */
  readonly skipped: number;
}

/**
 * Re-injects a service's dead letters into their source topics (after a fix), committing its progress in
 * its own consumer group on the DLQ as it goes, so each dead letter is replayed once however often it runs.
 */
export async function dlqReplayCommand(
  ctx: CliContext,
  out: Output,
  service: Stage,
  options: DlqReplayOptions,
): Promise<void> {
  const dlqTopic = ctx.topic(`dlq.${service}.v1`);
  const group = options.group ?? replayGroupId(ctx.prefix, service);
  await ctx.requireTopic(dlqTopic);
  const admin = await ctx.admin();
  const description = await admin.describeGroup(group);
  if (description.members.length > 0)
    throw new PushstreamError(
      'CONSUMER_GROUP_ACTIVE',
      `group ${group} already has ${description.members.length} member(s): another replay of ${dlqTopic} is running`,
    );
  const offsets = await admin.topicOffsets(dlqTopic);
  const committed = await admin.committedOffsets(group, [dlqTopic]);
  const lag = computeTopicLag(dlqTopic, offsets, committed);

  // The plan: what the pending dead letters are and where they go (read without committing anything).
  const decisions: ReplayDecision[] = [];
  const ranges = lag.partitions
    .filter((p) => p.lag > 0)
    .map((p) => ({
      partition: p.partition,
      from: String(BigInt(p.high) - BigInt(p.lag)),
      until: p.high,
    }));
  await readTopicRange(ctx.kafka, dlqTopic, ranges, (record) => {
    decisions.push(decideReplay(record, DEAD_LETTER_HEADERS));
  });
  const summary = summarizeReplay(decisions);
  const report = (replayed: number, skipped: number, dryRun: boolean): DlqReplayReport => ({
    service,
    dlqTopic,
    group,
    dryRun,
    pending: decisions.length,
    summary,
    replayed,
    skipped,
  });
  const skippedInPlan = decisions.filter((d) => d.action === 'skip').length;
  if (options.dryRun || decisions.length === 0) {
    out.result(report(0, options.dryRun ? 0 : skippedInPlan, options.dryRun), renderReplay);
    return;
  }

  const targets = [...new Set(decisions.flatMap((d) => (d.action === 'replay' ? [d.topic] : [])))];
  const existing = new Set(await admin.listTopics());
  const missing = targets.filter((topic) => !existing.has(topic));
  if (missing.length > 0)
    throw new PushstreamError(
      'TOPIC_MISSING',
      `source topic(s) ${missing.join(', ')} of the dead letters do not exist; nothing was replayed`,
    );
  out.note(
    renderTable(
      ['target', 'error code', 'records'],
      summary.map((r) => [r.target, r.errorCode, r.records]),
    ).trimEnd(),
  );
  await confirmChange(
    ctx.io,
    options.yes,
    `Replay ${decisions.length - skippedInPlan} dead letter(s) of ${dlqTopic} into ${targets.join(', ')}?`,
  );

  const producer = await ctx.producer();
  const progress = out.progress(`replaying ${dlqTopic}`, decisions.length);
  let replayed = 0;
  let skipped = 0;
  try {
    await drainWithGroup(ctx.kafka, {
      groupId: group,
      topic: dlqTopic,
      ...(ctx.io.signal === undefined ? {} : { signal: ctx.io.signal }),
      onBatch: async (records) => {
        const outputs: OutputRecord[] = [];
        for (const record of records) {
          const decision = decideReplay(record, DEAD_LETTER_HEADERS);
          if (decision.action === 'skip') {
            skipped += 1;
            continue;
          }
          outputs.push({
            topic: decision.topic,
            key: decision.key,
            value: decision.value,
            headers: decision.headers,
            ...(decision.partition === undefined ? {} : { partition: decision.partition }),
          });
        }
        // Committed by the drain only after Kafka acknowledged every replayed record of the batch.
        await producer.send(outputs);
        replayed += outputs.length;
        progress.increment(records.length);
      },
    });
  } finally {
    progress.stop();
  }
  out.result(report(replayed, skipped, false), renderReplay);
}

function renderReplay(report: DlqReplayReport): string {
  const table = renderTable(
    ['target', 'error code', 'records'],
    report.summary.map((row) => [row.target, row.errorCode, row.records]),
  );
  const head = report.dryRun
    ? `Dry run: ${report.pending} dead letter(s) of ${report.dlqTopic} would be handled (group ${report.group}); nothing was changed.\n`
    : report.pending === 0
      ? `Nothing to replay: every dead letter of ${report.dlqTopic} was already handled by group ${report.group}.\n`
      : `Replayed ${report.replayed} dead letter(s) of ${report.dlqTopic}, skipped ${report.skipped} (group ${report.group}).\n`;
  return report.pending === 0 ? head : `${head}${table}`;
}

import { kafkaCheckpointStore, topicSerde, type CheckpointCatalog } from '@pushstream/runtime';
import type { ConnectorCheckpoint } from '@pushstream/schemas';
import { isoTime } from '../core/json-output.js';
import { renderTable } from '../core/render-table.js';
import { confirmChange } from '../confirm.js';
import type { CliContext } from '../context.js';
import type { Output } from '../output.js';

/** A checkpoint as `rtds checkpoint --json` prints it. */
export interface CheckpointView {
  readonly streamId: string;
  readonly appKey: string;
  readonly offset: string;
  readonly lastEventId: string | null;
  readonly updatedAt: string | null;
  readonly connectorInstance: string | null;
}

/** The JSON shape of `rtds checkpoint --json`. */
export interface CheckpointListReport {
  readonly topic: string;
  readonly checkpoints: readonly CheckpointView[];
}

/** The JSON shape of `rtds checkpoint set --json`. */
export interface CheckpointSetReport {
  readonly topic: string;
  readonly previous: CheckpointView | null;
  readonly checkpoint: CheckpointView;
}

/** The instance name written into checkpoints the CLI sets. */
export const CLI_INSTANCE = 'pushstream-cli';

async function store(ctx: CliContext): Promise<{ topic: string; catalog: CheckpointCatalog }> {
  const topic = ctx.topic('connector-checkpoints.v1');
  await ctx.requireTopic(topic);
  return {
    topic,
    catalog: kafkaCheckpointStore({
      kafka: ctx.kafka,
      // Connected only when a checkpoint is written.
      producer: {
        connect: () => Promise.resolve(),
        disconnect: () => Promise.resolve(),
        send: async (records) => (await ctx.producer()).send(records),
      },
      topic,
      serde: topicSerde<ConnectorCheckpoint>(ctx.serde(), topic, 'ConnectorCheckpoint'),
    }),
  };
}

function view(checkpoint: ConnectorCheckpoint): CheckpointView {
  return {
    streamId: checkpoint.streamId,
    appKey: checkpoint.appKey,
    offset: checkpoint.offset,
    lastEventId: checkpoint.lastEventId,
    updatedAt: isoTime(checkpoint.updatedAt),
    connectorInstance: checkpoint.connectorInstance,
  };
}

/** Shows the stored checkpoint of every RTDS stream, or of one (none stored: an empty list). */
export async function rtdsCheckpointShow(
  ctx: CliContext,
  out: Output,
  streamId: string | undefined,
): Promise<void> {
  const { topic, catalog } = await store(ctx);
  const all = await catalog.loadAll();
  const chosen = [...all.values()]
    .filter((checkpoint) => streamId === undefined || checkpoint.streamId === streamId)
    .sort((a, b) => a.streamId.localeCompare(b.streamId));
  const report: CheckpointListReport = { topic, checkpoints: chosen.map(view) };
  out.result(report, (r) =>
    r.checkpoints.length === 0
      ? `No RTDS checkpoint stored in ${r.topic}${streamId === undefined ? '' : ` for stream ${streamId}`}.\n`
      : renderTable(
          ['stream', 'app key', 'offset', 'updated', 'instance'],
          r.checkpoints.map((c) => [c.streamId, c.appKey, c.offset, c.updatedAt, c.connectorInstance]),
        ),
  );
}

/**
 * Stores a new checkpoint for a stream (the connector resumes from it on its next (re)connect). The app
 * key comes from the stored checkpoint, else `--app-key`, else the stream id's first segment.
 */
export async function rtdsCheckpointSet(
  ctx: CliContext,
  out: Output,
  streamId: string,
  offset: string,
  options: { yes: boolean; appKey?: string },
): Promise<void> {
  const { topic, catalog } = await store(ctx);
  const previous = (await catalog.loadAll()).get(streamId);
  const appKey = options.appKey ?? previous?.appKey ?? streamId.split(':')[0] ?? streamId;
  out.note(
    previous === undefined
      ? `Stream ${streamId} has no stored checkpoint.`
      : `Stream ${streamId} is at offset ${previous.offset} (written ${isoTime(previous.updatedAt) ?? '?'} by ${previous.connectorInstance ?? '?'}).`,
  );
  out.note(
    'Stop the connector of this stream first: a running connector overwrites the checkpoint with its own.',
  );
  await confirmChange(ctx.io, options.yes, `Set the checkpoint of ${streamId} to offset ${offset}?`);
  const checkpoint: ConnectorCheckpoint = {
    streamId,
    appKey,
    offset,
    lastEventId: null,
    updatedAt: ctx.io.now?.() ?? Date.now(),
    connectorInstance: CLI_INSTANCE,
  };
  await catalog.save(checkpoint);
  const report: CheckpointSetReport = {
    topic,
    previous: previous === undefined ? null : view(previous),
    checkpoint: view(checkpoint),
  };
  out.result(
    report,
    (r) =>
      `Checkpoint of ${r.checkpoint.streamId} set to ${r.checkpoint.offset} (was ${r.previous?.offset ?? 'unset'}).\n`,
  );
}

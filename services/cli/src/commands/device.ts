import { partitionForKey, readTopicRange, topicSerde, type PartitionOffsets } from '@pushstream/runtime';
import type { DeviceEvent, DeviceSession, DeviceState } from '@pushstream/schemas';
import { isoTime } from '../core/json-output.js';
import { renderFields, renderTable, type Cell } from '../core/render-table.js';
import type { CliContext } from '../context.js';
import type { Output } from '../output.js';

/** Options of `device`. */
export interface DeviceOptions {
  /** Most recent events shown. */
  readonly events: number;
  /** Most recent sessions shown. */
  readonly sessions: number;
}

/** The JSON shape of `device --json`. */
export interface DeviceReport {
  readonly key: string;
  /** Partition read in each topic (the key's murmur2 partition), null when the topic is missing. */
  readonly partitions: {
    readonly state: number | null;
    readonly events: number | null;
    readonly sessions: number | null;
  };
  /** Current state; null when there is none or the device was erased. */
  readonly state: DeviceState | null;
  /** True when the latest device-state record of the key is a tombstone. */
  readonly erased: boolean;
  /** Most recent events, oldest first. */
  readonly events: readonly DeviceEvent[];
  /** Events of the key found in the partition (before the limit). */
  readonly eventsFound: number;
  /** Most recent sessions, oldest first. */
  readonly sessions: readonly DeviceSession[];
  readonly sessionsFound: number;
}

/**
 * Reads one device's state, events and sessions from the one partition of each topic its key hashes to,
 * and prints them decoded.
 */
export async function deviceCommand(
  ctx: CliContext,
  out: Output,
  key: string,
  options: DeviceOptions,
): Promise<void> {
  const admin = await ctx.admin();
  const serde = ctx.serde();
  const stateTopic = ctx.topic('device-state.v1');
  const eventsTopic = ctx.topic('device-events.v1');
  const sessionsTopic = ctx.topic('device-sessions.v1');
  const counts = await admin.partitionCounts([stateTopic, eventsTopic, sessionsTopic]);
  if (counts.size === 0)
    out.note(
      `none of ${stateTopic}, ${eventsTopic}, ${sessionsTopic} exists (TOPIC_PREFIX is "${ctx.prefix}")`,
    );

  const keyed = async (
    topic: string,
    onValue: (value: Buffer | null) => Promise<void>,
  ): Promise<number | null> => {
    const count = counts.get(topic);
    if (count === undefined) return null;
    const partition = partitionForKey(key, count);
    const offsets = (await admin.topicOffsets(topic)).find((entry) => entry.partition === partition);
    await readPartition(ctx, out, topic, offsets, async (recordKey, value) => {
      if (recordKey === key) await onValue(value);
    });
    return partition;
  };

  let stateValue: Buffer | null | undefined;
  const statePartition = await keyed(stateTopic, (value) => {
    stateValue = value;
    return Promise.resolve();
  });
  const state =
    stateValue === undefined || stateValue === null
      ? null
      : await topicSerde<DeviceState>(serde, stateTopic, 'DeviceState').decode(stateValue);

  const eventSerde = topicSerde<DeviceEvent>(serde, eventsTopic, 'DeviceEvent');
  const events: DeviceEvent[] = [];
  const eventsPartition = await keyed(eventsTopic, async (value) => {
    if (value !== null) events.push(await eventSerde.decode(value));
  });
  const sessionSerde = topicSerde<DeviceSession>(serde, sessionsTopic, 'DeviceSession');
  const sessions: DeviceSession[] = [];
  const sessionsPartition = await keyed(sessionsTopic, async (value) => {
    if (value !== null) sessions.push(await sessionSerde.decode(value));
  });

  const report: DeviceReport = {
    key,
    partitions: { state: statePartition, events: eventsPartition, sessions: sessionsPartition },
    state,
    erased: stateValue === null,
    events: events.slice(-options.events),
    eventsFound: events.length,
    sessions: sessions.slice(-options.sessions),
    sessionsFound: sessions.length,
  };
  out.result(report, renderDevice);
}

async function readPartition(
  ctx: CliContext,
  out: Output,
  topic: string,
  offsets: PartitionOffsets | undefined,
  onRecord: (key: string | null, value: Buffer | null) => Promise<void>,
): Promise<void> {
  if (offsets === undefined || BigInt(offsets.high) <= BigInt(offsets.low)) return;
  const total = Number(BigInt(offsets.high) - BigInt(offsets.low));
  const progress = out.progress(`reading ${topic}/${offsets.partition}`, total);
  try {
    await readTopicRange(
      ctx.kafka,
      topic,
      [{ partition: offsets.partition, from: offsets.low, until: offsets.high }],
      async (record) => {
        progress.increment();
        await onRecord(record.key?.toString('utf8') ?? null, record.value);
      },
    );
  } finally {
    progress.stop();
  }
}

function renderDevice(report: DeviceReport): string {
  const parts: string[] = [`Device ${report.key}\n`];
  if (report.state !== null) {
    const s = report.state;
    const fields: [string, Cell][] = [
      ['status', s.status],
      ['platform', s.platform],
      ['app', s.appKey],
      ['installed', isoTime(s.installedAt)],
      ['first seen', isoTime(s.firstSeenAt)],
      ['last seen', isoTime(s.lastSeenAt)],
      ['last opened', isoTime(s.lastOpenedAt)],
      ['unregistered', isoTime(s.unregisteredAt)],
      ['opens', s.openCount],
      ['reinstalls', s.reinstallCount],
      ['push opt-in', s.pushOptIn === null ? null : String(s.pushOptIn)],
      ['stale', s.hardStale ? 'hard' : s.softStale ? 'soft' : 'no'],
      ['version', s.version],
      ['last event', s.lastEventId],
      ['updated', isoTime(s.updatedAt)],
    ];
    parts.push(`State (device-state partition ${report.partitions.state ?? '-'})\n${renderFields(fields)}`);
  } else {
    parts.push(report.erased ? 'State: erased (tombstone)\n' : 'State: none\n');
  }
  parts.push(
    `\nEvents (${report.events.length} most recent of ${report.eventsFound}, partition ${report.partitions.events ?? '-'})\n`,
    renderTable(
      ['occurred', 'kind', 'source type', 'source', 'event id'],
      report.events.map((e) => [isoTime(e.occurredAt), e.kind, e.sourceType, e.source, e.eventId]),
    ),
    `\nSessions (${report.sessions.length} most recent of ${report.sessionsFound}, partition ${report.partitions.sessions ?? '-'})\n`,
    renderTable(
      ['started', 'ended', 'duration s', 'events', 'close reason'],
      report.sessions.map((x) => [
        isoTime(x.startedAt),
        isoTime(x.endedAt),
        Math.round(x.durationMs / 1000),
        x.eventCount,
        x.closeReason,
      ]),
    ),
  );
  return parts.join('');
}

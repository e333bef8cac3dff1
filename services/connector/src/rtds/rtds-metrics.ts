import { Counter, Gauge, type Registry } from 'prom-client';
import { RTDS_EVENT_TYPES } from '@pushstream/schemas';

/** `pushstream_rtds_connection_state` values. */
export const CONNECTION_STATES = { disconnected: 0, connecting: 1, streaming: 2 } as const;

/** Metrics of the RTDS consumer; `stream` is the configured stream id (bounded by config). */
export interface RtdsMetrics {
  readonly events: Counter<'stream' | 'type'>;
  readonly bytes: Counter<'stream'>;
  readonly keepalives: Counter<'stream'>;
  readonly offsetUpdates: Counter<'stream'>;
  readonly duplicatesDropped: Counter<'stream'>;
  readonly invalidLines: Counter<'stream'>;
  readonly reconnects: Counter<'stream' | 'reason'>;
  readonly connectionState: Gauge<'stream'>;
  readonly checkpointTimestamp: Gauge<'stream'>;
  readonly alert: Gauge<'stream'>;
}

const KNOWN_TYPES = new Set<string>([...RTDS_EVENT_TYPES, 'OFFSET_UPDATE']);

/** The event-type label: known RTDS types as is, anything new as OTHER (keeps the label set bounded). */
export function typeLabel(type: string): string {
  return KNOWN_TYPES.has(type) ? type : 'OTHER';
}

/** Registers the RTDS metrics on the service registry. */
export function createRtdsMetrics(registry: Registry): RtdsMetrics {
  const registers = [registry];
  return {
    events: new Counter({
      name: 'pushstream_rtds_events_total',
      help: 'RTDS events received, by type (unknown types as OTHER).',
      labelNames: ['stream', 'type'],
      registers,
    }),
    bytes: new Counter({
      name: 'pushstream_rtds_bytes_total',
      help: 'Decoded bytes received from RTDS.',
      labelNames: ['stream'],
      registers,
    }),
    keepalives: new Counter({
      name: 'pushstream_rtds_keepalives_total',
      help: 'Blank keepalive lines received.',
      labelNames: ['stream'],
      registers,
    }),
    offsetUpdates: new Counter({
      name: 'pushstream_rtds_offset_updates_total',
      help: 'OFFSET_UPDATE lines received (they advance the checkpoint, never published).',
      labelNames: ['stream'],
      registers,
    }),
    duplicatesDropped: new Counter({
      name: 'pushstream_rtds_resume_duplicates_dropped_total',
      help: 'Events dropped because their offset equals the resume offset.',
      labelNames: ['stream'],
      registers,
    }),
    invalidLines: new Counter({
      name: 'pushstream_rtds_invalid_lines_total',
      help: 'Lines that are not RTDS events (dead-lettered).',
      labelNames: ['stream'],
      registers,
    }),
    reconnects: new Counter({
      name: 'pushstream_rtds_reconnects_total',
      help: 'Stream reconnects by reason (eof, stall, network, http_<status>, …).',
      labelNames: ['stream', 'reason'],
      registers,
    }),
    connectionState: new Gauge({
      name: 'pushstream_rtds_connection_state',
      help: '0 disconnected, 1 connecting, 2 streaming.',
      labelNames: ['stream'],
      registers,
    }),
    checkpointTimestamp: new Gauge({
      name: 'pushstream_rtds_checkpoint_timestamp_seconds',
      help: 'Unix time the checkpoint was last persisted (age = time() - this).',
      labelNames: ['stream'],
      registers,
    }),
    alert: new Gauge({
      name: 'pushstream_rtds_auth_alert',
      help: '1 while RTDS rejects the credentials (401/403) or the connection limit (402) is hit.',
      labelNames: ['stream'],
      registers,
    }),
  };
}

import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { PartitionStats } from '../core/index.js';

/** The sessionizer's metrics (names fixed by the metrics contract), on the service registry. */
export interface SessionizerMetrics {
  readonly sessionsClosed: Counter<'stage' | 'reason'>;
  readonly stateChanges: Counter<'stage'>;
  readonly tombstones: Counter<'stage'>;
  readonly restoreSeconds: Histogram<'stage'>;
  readonly lateEvents: Counter<'stage'>;
  readonly replaysSkipped: Counter<'stage'>;
}

/**
 * Registers the metrics; the device and open-session gauges read `stats()` at scrape time, so they never
 * drift from what the partitions hold.
 */
export function createSessionizerMetrics(
  registry: Registry,
  stage: string,
  stats: () => PartitionStats,
): SessionizerMetrics {
  const registers = [registry];
  new Gauge({
    name: 'pushstream_devices',
    help: 'Devices held by this instance, by lifecycle status.',
    labelNames: ['stage', 'status'],
    registers,
    collect() {
      const counts = stats().devicesByStatus;
      for (const [status, count] of Object.entries(counts)) this.set({ stage, status }, count);
    },
  });
  new Gauge({
    name: 'pushstream_sessions_open',
    help: 'Session windows open (not yet closed) on this instance.',
    labelNames: ['stage'],
    registers,
    collect() {
      this.set({ stage }, stats().openSessions);
    },
  });
  const sessionsClosed = new Counter({
    name: 'pushstream_sessions_closed_total',
    help: 'Sessions closed and written to device-sessions.v1, by what closed them (INACTIVITY_GAP, SWEEP).',
    labelNames: ['stage', 'reason'],
    registers,
  });
  for (const reason of ['INACTIVITY_GAP', 'SWEEP']) sessionsClosed.inc({ stage, reason }, 0);
  const stateChanges = new Counter({
    name: 'pushstream_state_changes_total',
    help: 'Device states written to device-state.v1 (one per change).',
    labelNames: ['stage'],
    registers,
  });
  stateChanges.inc({ stage }, 0);
  const tombstones = new Counter({
    name: 'pushstream_state_tombstones_total',
    help: 'Tombstones written to device-state.v1 (erasure requests).',
    labelNames: ['stage'],
    registers,
  });
  tombstones.inc({ stage }, 0);
  const restoreSeconds = new Histogram({
    name: 'pushstream_state_restore_seconds',
    help: 'Time to restore the state of newly assigned partitions (device-state.v1 and open-sessions.v1).',
    labelNames: ['stage'],
    buckets: [0.1, 0.5, 1, 2, 5, 10, 30, 60, 120, 300],
    registers,
  });
  const lateEvents = new Counter({
    name: 'pushstream_session_late_events_total',
    help: 'Activity events later than the grace: applied to the lifecycle, dropped from sessions.',
    labelNames: ['stage'],
    registers,
  });
  lateEvents.inc({ stage }, 0);
  const replaysSkipped = new Counter({
    name: 'pushstream_state_replays_skipped_total',
    help: 'Events skipped because the restored state already reflected them (re-delivery after a crash).',
    labelNames: ['stage'],
    registers,
  });
  replaysSkipped.inc({ stage }, 0);
  return { sessionsClosed, stateChanges, tombstones, restoreSeconds, lateEvents, replaysSkipped };
}

import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { SinkTarget } from '@pushstream/schemas';
import { STATUS_CLASSES } from '../core/partner-verdict.js';
import { NOT_APPLICABLE_REASONS } from '../core/sync-decision.js';

/** Operation labels of partner requests. */
export const PARTNER_OPERATIONS = {
  infobip: ['patch', 'personalize', 'depersonalize'],
  intilery: ['identify', 'track', 'batch'],
} as const;

/** The sink's metrics (names fixed by the metrics contract); labels bounded by targets and operations. */
export interface SinkMetrics {
  readonly requests: Counter<'target' | 'operation' | 'status_class'>;
  readonly requestDuration: Histogram<'target' | 'operation'>;
  readonly retries: Counter<'target'>;
  readonly rateLimitWait: Counter<'target'>;
  readonly authFailed: Gauge<'target'>;
  readonly devicesOutOfSync: Gauge<'target'>;
  readonly callsSkipped: Counter<'target'>;
  readonly notApplicable: Counter<'target' | 'reason'>;
  readonly restoreSeconds: Histogram<'stage'>;
}

/** Registers the sink metrics on the service registry (once per process), zero-valued for `targets`. */
export function createSinkMetrics(registry: Registry, targets: readonly SinkTarget[]): SinkMetrics {
  const registers = [registry];
  const metrics: SinkMetrics = {
    requests: new Counter({
      name: 'pushstream_partner_requests_total',
      help: 'HTTP requests to partners by target, operation and status class (2xx, 4xx, 5xx, timeout, network).',
      labelNames: ['target', 'operation', 'status_class'],
      registers,
    }),
    requestDuration: new Histogram({
      name: 'pushstream_partner_request_duration_seconds',
      help: 'Partner request latency, request sent to answer read (timeouts included).',
      labelNames: ['target', 'operation'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    }),
    retries: new Counter({
      name: 'pushstream_partner_retries_total',
      help: 'Partner calls retried in place (429, 5xx, timeouts, network errors).',
      labelNames: ['target'],
      registers,
    }),
    rateLimitWait: new Counter({
      name: 'pushstream_partner_rate_limit_wait_seconds_total',
      help: 'Time requests waited for the client-side rate limiter.',
      labelNames: ['target'],
      registers,
    }),
    authFailed: new Gauge({
      name: 'pushstream_partner_auth_failed',
      help: '1 while the partner rejects our credentials or app config (consumption paused), else 0.',
      labelNames: ['target'],
      registers,
    }),
    devicesOutOfSync: new Gauge({
      name: 'pushstream_sink_devices_out_of_sync',
      help: 'Devices whose desired partner state is not acknowledged: being synced, or dead-lettered since their last acknowledgement.',
      labelNames: ['target'],
      registers,
    }),
    callsSkipped: new Counter({
      name: 'pushstream_sink_calls_skipped_total',
      help: 'Device states that needed no call because the partner already acknowledged them.',
      labelNames: ['target'],
      registers,
    }),
    notApplicable: new Counter({
      name: 'pushstream_sink_states_not_applicable_total',
      help: 'Device states the target does not apply to, by reason (app-not-served, no-account, no-registration-id, no-fcm-token, never-synced): read and committed without a call.',
      labelNames: ['target', 'reason'],
      registers,
    }),
    restoreSeconds: new Histogram({
      name: 'pushstream_state_restore_seconds',
      help: 'Time to restore acknowledged partner states of newly assigned partitions.',
      labelNames: ['stage'],
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120],
      registers,
    }),
  };
  for (const target of targets) {
    metrics.authFailed.set({ target }, 0);
    metrics.devicesOutOfSync.set({ target }, 0);
    metrics.retries.inc({ target }, 0);
    metrics.rateLimitWait.inc({ target }, 0);
    metrics.callsSkipped.inc({ target }, 0);
    for (const reason of NOT_APPLICABLE_REASONS) metrics.notApplicable.inc({ target, reason }, 0);
    for (const operation of PARTNER_OPERATIONS[target])
      for (const statusClass of STATUS_CLASSES)
        metrics.requests.inc({ target, operation, status_class: statusClass }, 0);
  }
  return metrics;
}

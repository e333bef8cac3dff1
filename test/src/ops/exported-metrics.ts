import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * Metric names of the helper brief's metrics contract for services still being written: their dashboards
 * and alerts are built on these names. Once a service registers them in its source, the static scan finds
 * them there too.
 */
export const CONTRACT_METRICS: Readonly<Record<string, readonly string[]>> = {
  normalizer: [
    'pushstream_dedupe_dropped_total',
    'pushstream_dedupe_remembered_ids',
    'pushstream_dedupe_bytes_per_id',
    'pushstream_state_restore_seconds',
    'pushstream_events_normalized_total',
  ],
  sessionizer: [
    'pushstream_devices',
    'pushstream_sessions_closed_total',
    'pushstream_sessions_open',
    'pushstream_state_restore_seconds',
    'pushstream_state_changes_total',
    'pushstream_state_tombstones_total',
  ],
  sink: [
    'pushstream_partner_requests_total',
    'pushstream_partner_request_duration_seconds',
    'pushstream_partner_retries_total',
    'pushstream_partner_rate_limit_wait_seconds_total',
    'pushstream_partner_auth_failed',
    'pushstream_sink_devices_out_of_sync',
    'pushstream_sink_calls_skipped_total',
    'pushstream_sink_states_not_applicable_total',
    'pushstream_state_restore_seconds',
  ],
};

/** prom-client's default metrics (collectDefaultMetrics) that the dashboard uses, and Prometheus' own `up`. */
export const DEFAULT_METRICS: readonly string[] = [
  'process_cpu_seconds_total',
  'process_resident_memory_bytes',
  'process_start_time_seconds',
  'nodejs_heap_size_used_bytes',
  'nodejs_eventloop_lag_p99_seconds',
  'nodejs_gc_duration_seconds',
  'up',
];

/** The metric names each service's source registers (`name: 'pushstream_…'`), by workspace folder. */
export function registeredMetrics(root: string): Map<string, Set<string>> {
  const byService = new Map<string, Set<string>>();
  const servicesDir = path.join(root, 'services');
  for (const service of readdirSync(servicesDir)) {
    const src = path.join(servicesDir, service, 'src');
    const names = new Set<string>();
    for (const file of typescriptFiles(src)) {
      for (const match of readFileSync(file, 'utf8').matchAll(
        /\bname:\s*['"`](pushstream_[a-z0-9_]+)['"`]/g,
      )) {
        if (match[1] !== undefined) names.add(match[1]);
      }
    }
    if (names.size > 0) byService.set(service, names);
  }
  return byService;
}

function typescriptFiles(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return typescriptFiles(full);
    return entry.endsWith('.ts') ? [full] : [];
  });
}

/** Every metric name some service exports: registered in source, promised by the contract, or a default. */
export function exportedMetricNames(root: string): Set<string> {
  const names = new Set<string>(DEFAULT_METRICS);
  for (const set of registeredMetrics(root).values()) for (const name of set) names.add(name);
  for (const list of Object.values(CONTRACT_METRICS)) for (const name of list) names.add(name);
  return names;
}

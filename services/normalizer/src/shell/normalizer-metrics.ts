import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

/** The normalizer's metrics (names fixed by the metrics contract), on the runtime's registry. */
export interface NormalizerMetrics {
  readonly dedupeDropped: Counter<'stage'>;
  readonly rememberedIds: Gauge<'stage'>;
  readonly bytesPerId: Gauge<'stage'>;
  readonly restoreSeconds: Histogram<'stage'>;
  readonly normalized: Counter<'stage' | 'source' | 'kind'>;
  readonly unknownApps: Counter<'stage' | 'source'>;
  readonly evictedIds: Counter<'stage'>;
}

/** Registers the normalizer metrics. */
export function createNormalizerMetrics(registry: Registry): NormalizerMetrics {
  const registers = [registry];
  return {
    dedupeDropped: new Counter({
      name: 'pushstream_dedupe_dropped_total',
      help: 'Duplicate events dropped (their event id was already written within the window).',
      labelNames: ['stage'],
      registers,
    }),
    rememberedIds: new Gauge({
      name: 'pushstream_dedupe_remembered_ids',
      help: 'Event ids held by the dedupe windows of the partitions this member owns.',
      labelNames: ['stage'],
      registers,
    }),
    bytesPerId: new Gauge({
      name: 'pushstream_dedupe_bytes_per_id',
      help: 'Estimated heap bytes per remembered event id (key string plus map entry).',
      labelNames: ['stage'],
      registers,
    }),
    restoreSeconds: new Histogram({
      name: 'pushstream_state_restore_seconds',
      help: 'Time to restore dedupe state from the changelog, per assignment (fencing excluded).',
      labelNames: ['stage'],
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120],
      registers,
    }),
    normalized: new Counter({
      name: 'pushstream_events_normalized_total',
      help: 'Device events written, by source and kind.',
      labelNames: ['stage', 'source', 'kind'],
      registers,
    }),
    unknownApps: new Counter({
      name: 'pushstream_unknown_app_events_total',
      help: 'Device events whose app key is not in the app registry (written without an app name).',
      labelNames: ['stage', 'source'],
      registers,
    }),
    evictedIds: new Counter({
      name: 'pushstream_dedupe_evicted_total',
      help: 'Event ids forgotten inside the window because a partition hit DEDUPE_MAX_IDS_PER_PARTITION.',
      labelNames: ['stage'],
      registers,
    }),
  };
}

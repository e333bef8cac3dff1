import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { ALL_ERROR_CODES } from '../errors/error-codes.js';

/** Outcomes of a consumed record, the `outcome` label of `pushstream_records_processed_total`. */
export const RECORD_OUTCOMES = ['emitted', 'filtered', 'dead_lettered'] as const;
/** One record outcome. */
export type RecordOutcome = (typeof RECORD_OUTCOMES)[number];

/**
 * The bounded `pushstream_` metric set every stage exports, on a registry of its own with the prom-client
 * defaults. Labels are bounded: `stage` (service name), `topic` (declared topics), `partition`
 * (partition count), `reason` (the closed error-code list), `outcome`.
 */
export interface PipelineMetrics {
  readonly registry: Registry;
  readonly recordsConsumed: Counter<'stage' | 'topic'>;
  readonly recordsProcessed: Counter<'stage' | 'outcome'>;
  readonly recordsProduced: Counter<'stage' | 'topic'>;
  readonly deadLettered: Counter<'stage' | 'reason'>;
  readonly batchDuration: Histogram<'stage'>;
  readonly recordAge: Histogram<'stage' | 'topic'>;
  readonly lastProcessed: Gauge<'stage'>;
  readonly consumerLag: Gauge<'stage' | 'topic' | 'partition'>;
  readonly assignedPartitions: Gauge<'stage'>;
  readonly rebalances: Counter<'stage'>;
  readonly retries: Counter<'stage' | 'reason'>;
  readonly buildInfo: Gauge<'version' | 'node_version'>;
}

/** Creates the registry, default Node/process metrics and the pushstream_ set, zero-valued where known. */
export function createPipelineMetrics(options: { stage: string; version?: string }): PipelineMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const stage = options.stage;
  const metrics: PipelineMetrics = {
    registry,
    recordsConsumed: new Counter({
      name: 'pushstream_records_consumed_total',
      help: 'Records fetched from input topics.',
      labelNames: ['stage', 'topic'],
      registers: [registry],
    }),
    recordsProcessed: new Counter({
      name: 'pushstream_records_processed_total',
      help: 'Consumed records by outcome: emitted output, filtered (no output), dead-lettered.',
      labelNames: ['stage', 'outcome'],
      registers: [registry],
    }),
    recordsProduced: new Counter({
      name: 'pushstream_records_produced_total',
      help: 'Records acknowledged by Kafka on output topics (DLQ included).',
      labelNames: ['stage', 'topic'],
      registers: [registry],
    }),
    deadLettered: new Counter({
      name: 'pushstream_dead_lettered_total',
      help: 'Records sent to the dead-letter topic, by error code.',
      labelNames: ['stage', 'reason'],
      registers: [registry],
    }),
    batchDuration: new Histogram({
      name: 'pushstream_batch_duration_seconds',
      help: 'Time to process one fetched batch, outputs acknowledged and offsets committed.',
      labelNames: ['stage'],
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    recordAge: new Histogram({
      name: 'pushstream_record_age_seconds',
      help: 'Now minus the Kafka timestamp of a consumed record (freshness).',
      labelNames: ['stage', 'topic'],
      buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30, 60, 300, 900, 3600],
      registers: [registry],
    }),
    lastProcessed: new Gauge({
      name: 'pushstream_last_processed_timestamp_seconds',
      help: 'Unix time at which the last batch was committed.',
      labelNames: ['stage'],
      registers: [registry],
    }),
    consumerLag: new Gauge({
      name: 'pushstream_consumer_lag',
      help: 'Records between the last fetched offset and the high watermark, per input partition.',
      labelNames: ['stage', 'topic', 'partition'],
      registers: [registry],
    }),
    assignedPartitions: new Gauge({
      name: 'pushstream_assigned_partitions',
      help: 'Input partitions currently assigned to this member.',
      labelNames: ['stage'],
      registers: [registry],
    }),
    rebalances: new Counter({
      name: 'pushstream_rebalances_total',
      help: 'Consumer group joins (each kafkajs rebalance is a full rejoin).',
      labelNames: ['stage'],
      registers: [registry],
    }),
    retries: new Counter({
      name: 'pushstream_retries_total',
      help: 'In-place retries of a batch step after a retriable error, by error code.',
      labelNames: ['stage', 'reason'],
      registers: [registry],
    }),
    buildInfo: new Gauge({
      name: 'pushstream_build_info',
      help: 'Always 1; labels carry the build.',
      labelNames: ['version', 'node_version'],
      registers: [registry],
    }),
  };
  for (const outcome of RECORD_OUTCOMES) metrics.recordsProcessed.inc({ stage, outcome }, 0);
  for (const reason of ALL_ERROR_CODES) metrics.deadLettered.inc({ stage, reason }, 0);
  metrics.rebalances.inc({ stage }, 0);
  metrics.assignedPartitions.set({ stage }, 0);
  metrics.buildInfo.set({ version: options.version ?? '0.0.0', node_version: process.versions.node }, 1);
  return metrics;
}

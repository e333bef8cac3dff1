import { sumOf, type MetricSample, type ServiceProcess } from '@pushstream/test-kit';
import { PeakRss } from './process-memory.ts';
import { scrapeService } from './service-metrics.ts';

/** What a service did while draining a pre-filled input. */
export interface DrainResult {
  /** Input records/s from the first consumed record to the last committed one (start-up and join excluded). */
  readonly recordsPerSecond: number;
  /** Records/s from the process spawn to the last record. */
  readonly recordsPerSecondWithStart: number;
  readonly peakRssBytes: number | undefined;
  /** The scrape at which the first records were seen, and the last one. */
  readonly firstScrape: readonly MetricSample[];
  readonly lastScrape: readonly MetricSample[];
}

/** Settings of {@link measureDrain}. */
export interface DrainOptions {
  readonly instance: ServiceProcess;
  /** The `stage` label of its metrics (its SERVICE_NAME). */
  readonly stage: string;
  /** Records in its input topics. */
  readonly expected: number;
  /** Consumer loops that each read every input record (the sink runs one per partner target). @default 1 */
  readonly loopsPerRecord?: number;
  /** `performance.now()` when the process was spawned. */
  readonly spawnedAt: number;
  /** Fail when the consumed count has not moved for this long. @default 60000 */
  readonly stallMs?: number;
  /** @default 100 */
  readonly pollMs?: number;
}

/**
 * Polls a service's /metrics until `pushstream_records_processed_total{stage}` (counted once a chunk's
 * outputs are acknowledged and its offsets committed) covers every input record, sampling its RSS on the
 * way; the clock starts at the first consumed record. Works for any stage built on the runtime: it needs
 * nothing but the generic pipeline metrics.
 */
export async function measureDrain(options: DrainOptions): Promise<DrainResult> {
  const { instance, stage } = options;
  const loops = options.loopsPerRecord ?? 1;
  const expected = options.expected * loops;
  const peak = new PeakRss();
  const stallMs = options.stallMs ?? 60_000;
  let first: { at: number; processed: number; samples: MetricSample[] } | undefined;
  let lastCount = -1;
  let lastChange = performance.now();
  for (;;) {
    if (!instance.running)
      throw new Error(
        `${instance.spec.name} exited (${instance.exitReason() ?? '?'}):\n${instance.tail(15)}`,
      );
    peak.sample(stage, instance.pid);
    const samples = await scrapeService(instance);
    const now = performance.now();
    if (samples !== undefined) {
      const consumed = sumOf(samples, 'pushstream_records_consumed_total', { stage });
      const processed = sumOf(samples, 'pushstream_records_processed_total', { stage });
      if (consumed > 0 && first === undefined) first = { at: now, processed, samples };
      if (consumed + processed !== lastCount) {
        lastCount = consumed + processed;
        lastChange = now;
      }
      if (processed >= expected) {
        const start = first ?? { at: options.spawnedAt, processed: 0, samples };
        const seconds = (now - start.at) / 1000;
        const withStart = options.expected / ((now - options.spawnedAt) / 1000);
        return {
          recordsPerSecond:
            seconds > 0 && expected > start.processed
              ? (expected - start.processed) / loops / seconds
              : withStart,
          recordsPerSecondWithStart: withStart,
          peakRssBytes: peak.values()[stage],
          firstScrape: start.samples,
          lastScrape: samples,
        };
      }
    }
    if (now - lastChange > stallMs)
      throw new Error(
        `${stage} made no progress for ${stallMs} ms before processing ${expected} records:\n${instance.tail(15)}`,
      );
    await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 100));
  }
}

import {
  PushstreamError,
  errorMessage,
  type ConsumedRecord,
  type OutputRecord,
  type PartitionTask,
  type RecordResult,
  type TopicPartition,
} from '@pushstream/runtime';
import type { DeviceEvent } from '@pushstream/schemas';
import { encodeChangelogEntry } from '../core/dedupe/changelog-codec.js';
import type { DedupeWindow } from '../core/dedupe/dedupe-window.js';
import type { NormalizeContext } from '../core/map/normalize-context.js';
import { normalizeRecord } from '../core/normalize.js';
import type { RawSource } from '../core/raw-input.js';
import type { NormalizerMetrics } from './normalizer-metrics.js';
import { toRawInput } from './raw-record.js';

/** What a normalizer task writes to and with. */
export interface NormalizerTaskDeps {
  readonly input: TopicPartition;
  readonly source: RawSource;
  readonly window: DedupeWindow;
  readonly context: NormalizeContext;
  readonly encode: (event: DeviceEvent) => Promise<Buffer>;
  readonly outputTopic: string;
  readonly changelogTopic: string;
  readonly metrics: NormalizerMetrics;
  readonly stage: string;
  /** Called after each commit and on close (gauges of all windows). */
  readonly onChange: () => void;
  readonly onClose: () => void;
}

/**
 * The normalizer's work on one raw partition: normalize each record, drop event ids the window holds,
 * and for a new id write the DeviceEvent and its changelog record (to the changelog partition of the same
 * number) in the step's transaction. The id is staged and only remembered when that transaction commits;
 * metrics count committed work only, so a retried step is not counted twice.
 */
export class NormalizerTask implements PartitionTask {
  private dropped = 0;
  private unknownApps = 0;
  private readonly normalized = new Map<string, number>();

  constructor(private readonly deps: NormalizerTaskDeps) {}

  async process(record: ConsumedRecord): Promise<RecordResult> {
    const { window } = this.deps;
    window.observe(record.timestampMs);
    const result = normalizeRecord(toRawInput(record, this.deps.source), this.deps.context);
    if (result.kind === 'reject') return { reject: new PushstreamError(result.code, result.message) };
    if (result.kind === 'skip') return { outputs: [] };
    const event = result.event;
    if (window.has(event.eventId)) {
      this.dropped += 1;
      return { outputs: [] };
    }
    let value: Buffer;
    try {
      value = await this.deps.encode(event);
    } catch (error) {
      if (error instanceof PushstreamError && error.retriable) throw error;
      return {
        reject: new PushstreamError(
          'RECORD_ENCODE_FAILED',
          `DeviceEvent does not encode: ${errorMessage(error)}`,
          {
            cause: error,
          },
        ),
      };
    }
    const rememberedAtMs = window.stage(event.eventId);
    const changelog = encodeChangelogEntry({ eventId: event.eventId, rememberedAtMs });
    const outputs: OutputRecord[] = [
      { topic: this.deps.outputTopic, key: event.deviceKey, value },
      {
        topic: this.deps.changelogTopic,
        partition: this.deps.input.partition,
        key: changelog.key,
        value: changelog.value,
      },
    ];
    const label = `${event.source}|${event.kind}`;
    this.normalized.set(label, (this.normalized.get(label) ?? 0) + 1);
    if (event.app === null) this.unknownApps += 1;
    return { outputs };
  }

  commit(): void {
    const outcome = this.deps.window.commit();
    const { metrics, stage } = this.deps;
    if (this.dropped > 0) metrics.dedupeDropped.inc({ stage }, this.dropped);
    if (outcome.evicted > 0) metrics.evictedIds.inc({ stage }, outcome.evicted);
    if (this.unknownApps > 0) metrics.unknownApps.inc({ stage, source: this.deps.source }, this.unknownApps);
    for (const [label, count] of this.normalized) {
      const [source = 'UNKNOWN', kind = 'OTHER'] = label.split('|');
      metrics.normalized.inc({ stage, source, kind }, count);
    }
    this.reset();
    this.deps.onChange();
  }

  abort(): void {
    this.deps.window.abort();
    this.reset();
  }

  close(): void {
    this.deps.onClose();
  }

  private reset(): void {
    this.dropped = 0;
    this.unknownApps = 0;
    this.normalized.clear();
  }
}

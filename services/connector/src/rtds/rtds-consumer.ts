import type { Readable } from 'node:stream';
import type { ConnectorCheckpoint } from '@pushstream/schemas';
import {
  HEADERS,
  PushstreamError,
  errorHeaders,
  errorMessage,
  retryInPlace,
  type Logger,
  type OutputRecord,
  type PipelineProducer,
} from '@pushstream/runtime';
import { CheckpointTracker } from '../core/checkpoint-tracker.js';
import { NdjsonSplitter } from '../core/ndjson-splitter.js';
import {
  DEFAULT_RECONNECT,
  decideReconnect,
  type ReconnectSettings,
  type StreamEnding,
} from '../core/reconnect-policy.js';
import { readRtdsLine } from '../core/rtds-line.js';
import { buildRtdsRequest, streamId, type RtdsStreamConfig } from '../core/rtds-request.js';
import type { CheckpointStore } from './checkpoint-store.js';
import { openRtdsStream } from './open-stream.js';
import { CONNECTION_STATES, typeLabel, type RtdsMetrics } from './rtds-metrics.js';

/** Settings and collaborators of one RTDS stream consumer. */
export interface RtdsConsumerOptions {
  readonly config: RtdsStreamConfig;
  readonly producer: PipelineProducer;
  readonly store: CheckpointStore;
  /** Full topic names: the raw topic of this stream and the connector's DLQ. */
  readonly topics: { readonly raw: string; readonly dlq: string };
  readonly metrics: RtdsMetrics;
  readonly logger: Logger;
  /** This connector instance (pod name), written in lineage headers and checkpoints. */
  readonly instance: string;
  /** Silence (no byte at all) after which the stream is abandoned and resumed. @default 90000 */
  readonly silenceMs?: number;
  /** Events per produce request. @default 500 */
  readonly batchMaxRecords?: number;
  /** Longest an event waits for its batch to fill. @default 20 */
  readonly batchMaxWaitMs?: number;
  /** Called with every batch Kafka acknowledged (the service counts them in the pipeline metrics). */
  readonly onAcknowledged?: (records: readonly OutputRecord[]) => void;
  /** Produce requests awaiting acknowledgement before reading pauses (backpressure). @default 4 */
  readonly maxInFlightBatches?: number;
  /** Least time between two checkpoint writes; bounds what a crash re-delivers. @default 100 */
  readonly checkpointIntervalMs?: number;
  readonly reconnect?: ReconnectSettings;
  /** Called once when the stream cannot continue (HTTP 400: configuration error). */
  readonly onFatal?: (reason: string) => void;
}

interface PumpResult {
  readonly ending: StreamEnding;
  readonly flowed: boolean;
}

/**
 * One RTDS stream into its raw topic, losing nothing: every event line is produced byte for byte (acks=all)
 * keyed by device; the checkpoint advances only past events Kafka acknowledged (and OFFSET_UPDATEs after
 * them) and is persisted in the checkpoint topic; every reconnect resumes from it. Reconnects forever per
 * the reconnect policy; a silent stream is abandoned after `silenceMs`.
 */
export class RtdsConsumer {
  private readonly id: string;
  private running = false;
  private loop: Promise<void> | undefined;
  private abort: AbortController | undefined;
  private wake: (() => void) | undefined;
  private checkpointOffset: string | undefined;
  private savedOffset: string | undefined;
  private lastSaveAt = 0;
  private saving: Promise<void> = Promise.resolve();

  constructor(private readonly options: RtdsConsumerOptions) {
    this.id = streamId(options.config);
  }

  /** The stream id (checkpoint key, metric label). */
  get streamId(): string {
    return this.id;
  }

  /** Starts consuming in the background. */
  start(): void {
    this.running = true;
    this.loop = this.run().catch((error: unknown) => {
      this.options.logger.error(
        { err: error, stream: this.id },
        'RTDS consumer stopped on an unexpected error',
      );
      this.options.onFatal?.(errorMessage(error));
    });
  }

  /** Disconnects, publishes and acknowledges what was read, persists the checkpoint. */
  async stop(): Promise<void> {
    this.running = false;
    this.abort?.abort();
    this.wake?.();
    await this.loop;
  }

  private async run(): Promise<void> {
    const { logger, metrics } = this.options;
    // Right after the checkpoint topic is created its leader may not be known yet (NOT_LEADER_FOR_PARTITION):
    // loading retries retriable errors instead of ending the stream.
    const loaded = await retryInPlace(() => this.options.store.load(this.id), {
      initialMs: 250,
      maxMs: 5000,
      shouldContinue: () => this.running,
      onRetry: (error, attempt, delayMs) =>
        logger.warn(
          { err: error, stream: this.id, attempt, delayMs },
          'loading the RTDS checkpoint failed; retrying',
        ),
    });
    if (!loaded.ok) return;
    const saved = loaded.value;
    this.checkpointOffset = saved?.offset;
    this.savedOffset = saved?.offset;
    logger.info(
      { stream: this.id, resumeOffset: saved?.offset ?? null, start: this.options.config.start },
      'RTDS stream starting',
    );
    let cookie: string | undefined;
    let attempt = 0;
    while (this.running) {
      metrics.connectionState.set({ stream: this.id }, CONNECTION_STATES.connecting);
      this.abort = new AbortController();
      const resumeOffset = this.checkpointOffset;
      const opened = await openRtdsStream(buildRtdsRequest(this.options.config, resumeOffset), {
        cookie,
        signal: this.abort.signal,
      });
      cookie = opened.cookie;
      let result: PumpResult = {
        ending: opened.kind === 'failed' ? opened.ending : { kind: 'eof' },
        flowed: false,
      };
      if (opened.kind === 'open') {
        metrics.connectionState.set({ stream: this.id }, CONNECTION_STATES.streaming);
        metrics.alert.set({ stream: this.id }, 0);
        result = await this.pump(opened.body, resumeOffset, this.abort);
      }
      metrics.connectionState.set({ stream: this.id }, CONNECTION_STATES.disconnected);
      if (!this.running) break;
      if (result.flowed) attempt = 0;
      const decision = decideReconnect(result.ending, attempt, this.options.reconnect ?? DEFAULT_RECONNECT);
      attempt += 1;
      if (decision.action === 'fatal') {
        metrics.reconnects.inc({ stream: this.id, reason: 'fatal' });
        logger.error({ stream: this.id, reason: decision.reason }, 'RTDS stream cannot continue');
        this.options.onFatal?.(decision.reason);
        return;
      }
      metrics.reconnects.inc({ stream: this.id, reason: decision.reason });
      metrics.alert.set({ stream: this.id }, decision.alert ? 1 : 0);
      if (decision.dropCookie) cookie = undefined;
      const log = decision.alert ? logger.error.bind(logger) : logger.warn.bind(logger);
      log(
        {
          stream: this.id,
          reason: decision.reason,
          delayMs: decision.delayMs,
          checkpoint: this.checkpointOffset ?? null,
        },
        'RTDS stream ended; reconnecting',
      );
      await this.sleep(decision.delayMs);
    }
    await this.saveCheckpoint(true);
  }

  private async pump(
    body: Readable,
    resumeOffset: string | undefined,
    abort: AbortController,
  ): Promise<PumpResult> {
    const { config, producer, metrics, topics } = this.options;
    const silenceMs = this.options.silenceMs ?? 90_000;
    const batchMax = this.options.batchMaxRecords ?? 500;
    const maxInFlight = this.options.maxInFlightBatches ?? 4;
    const tracker = new CheckpointTracker(resumeOffset);
    const splitter = new NdjsonSplitter();
    const inFlight = new Set<Promise<void>>();
    let batch: { record: OutputRecord; seq: number | undefined }[] = [];
    let lastOffset = resumeOffset;
    let lastByteAt = Date.now();
    let stalled = false;
    let flowed = false;
    let produceError: unknown;
    let backpressured = false;

    // Sends are chained, not concurrent: kafkajs prepares each send asynchronously (metadata, grouping), so
    // a later batch could otherwise reach the broker first and break per-device order. After a failure no
    // later batch is sent, so nothing lands after a hole that a resume would fill out of order.
    let chain: Promise<void> = Promise.resolve();
    const flush = () => {
      if (batch.length === 0) return;
      const sending = batch;
      batch = [];
      const sent = chain
        .then(() => {
          if (produceError !== undefined) throw new Error('not sent: an earlier batch was not acknowledged');
          return producer.send(sending.map((entry) => entry.record));
        })
        .then(
          () => {
            for (const entry of sending) if (entry.seq !== undefined) tracker.ack(entry.seq);
            this.options.onAcknowledged?.(sending.map((entry) => entry.record));
            this.checkpointOffset = tracker.checkpoint;
            void this.saveCheckpoint(false);
          },
          (error: unknown) => {
            produceError ??= error;
            abort.abort();
          },
        );
      chain = sent;
      inFlight.add(sent);
      void sent.finally(() => inFlight.delete(sent));
    };
    const flushTimer = setInterval(() => {
      flush();
      // Also persists a checkpoint that moved since the last write (e.g. an OFFSET_UPDATE on an idle stream).
      void this.saveCheckpoint(false);
    }, this.options.batchMaxWaitMs ?? 20);
    const watchdog = setInterval(
      () => {
        if (Date.now() - lastByteAt > silenceMs) {
          stalled = true;
          abort.abort();
          body.destroy();
        }
      },
      Math.max(50, Math.min(1000, silenceMs / 4)),
    );
    const receivedAt = () => new Date().toISOString();

    let ending: StreamEnding = { kind: 'eof' };
    try {
      for await (const chunk of body as AsyncIterable<Buffer>) {
        lastByteAt = Date.now();
        metrics.bytes.inc({ stream: this.id }, chunk.length);
        for (const line of splitter.push(chunk)) {
          flowed = true;
          const parsed = readRtdsLine(line, config.appKey);
          switch (parsed.kind) {
            case 'keepalive':
              metrics.keepalives.inc({ stream: this.id });
              break;
            case 'offset-update':
              metrics.offsetUpdates.inc({ stream: this.id });
              tracker.track(parsed.offset, { acked: true });
              lastOffset = parsed.offset;
              this.checkpointOffset = tracker.checkpoint;
              break;
            case 'event':
              if (parsed.offset === resumeOffset) {
                metrics.duplicatesDropped.inc({ stream: this.id });
                break;
              }
              metrics.events.inc({ stream: this.id, type: typeLabel(parsed.type) });
              batch.push({
                seq: tracker.track(parsed.offset),
                record: {
                  topic: topics.raw,
                  key: parsed.key,
                  value: line,
                  headers: {
                    [HEADERS.source]: 'airship-rtds',
                    [HEADERS.receivedAt]: receivedAt(),
                    [HEADERS.connectorInstance]: this.options.instance,
                    [HEADERS.rtdsStream]: this.id,
                    [HEADERS.rtdsOffset]: parsed.offset,
                  },
                },
              });
              lastOffset = parsed.offset;
              break;
            case 'invalid':
              metrics.invalidLines.inc({ stream: this.id });
              // Tracked under the previous offset, so the checkpoint cannot pass it before its dead letter is durable.
              batch.push({
                seq: lastOffset === undefined ? undefined : tracker.track(lastOffset),
                record: this.deadLetter(line, parsed.code, parsed.reason),
              });
              break;
          }
          if (batch.length >= batchMax) flush();
        }
        if (inFlight.size >= maxInFlight) {
          // Backpressure: stop reading until Kafka catches up, but never longer than the silence limit.
          const outcome = await Promise.race([
            Promise.race(inFlight).then(
              () => 'acked' as const,
              () => 'acked' as const,
            ),
            delay(silenceMs).then(() => 'timeout' as const),
          ]);
          if (outcome === 'timeout') {
            backpressured = true;
            break;
          }
        }
        if (produceError !== undefined || !this.running) break;
      }
      if (stalled) ending = { kind: 'stall' };
      else if (backpressured) ending = { kind: 'backpressure' };
    } catch (error) {
      ending = stalled ? { kind: 'stall' } : { kind: 'network', message: errorMessage(error) };
    } finally {
      clearInterval(flushTimer);
      clearInterval(watchdog);
      body.destroy();
      if (produceError === undefined) flush();
      await Promise.allSettled([...inFlight]);
      this.checkpointOffset = tracker.checkpoint;
      await this.saveCheckpoint(true);
    }
    if (produceError !== undefined) {
      this.options.logger.error(
        { err: produceError, stream: this.id },
        'Kafka did not acknowledge RTDS events; resuming from the checkpoint',
      );
      ending = { kind: 'network', message: `produce failed: ${errorMessage(produceError)}` };
    }
    if (splitter.partialBytes > 0)
      this.options.logger.warn(
        { stream: this.id, bytes: splitter.partialBytes },
        'stream ended mid-line; the line is re-read after resuming',
      );
    return { ending, flowed };
  }

  private deadLetter(
    line: Buffer,
    code: 'RECORD_INVALID_JSON' | 'RECORD_SCHEMA_VIOLATION',
    reason: string,
  ): OutputRecord {
    return {
      topic: this.options.topics.dlq,
      key: this.id,
      value: line,
      headers: {
        ...errorHeaders(new PushstreamError(code, reason), 'connector', new Date()),
        [HEADERS.source]: 'airship-rtds',
        [HEADERS.rtdsStream]: this.id,
        [HEADERS.connectorInstance]: this.options.instance,
      },
    };
  }

  /** Persists the checkpoint when it moved (at most once per interval unless `force`); one write at a time. */
  private saveCheckpoint(force: boolean): Promise<void> {
    const offset = this.checkpointOffset;
    const interval = this.options.checkpointIntervalMs ?? 100;
    if (
      offset === undefined ||
      offset === this.savedOffset ||
      (!force && Date.now() - this.lastSaveAt < interval)
    )
      return this.saving;
    this.lastSaveAt = Date.now();
    const checkpoint: ConnectorCheckpoint = {
      streamId: this.id,
      appKey: this.options.config.appKey,
      offset,
      lastEventId: null,
      updatedAt: Date.now(),
      connectorInstance: this.options.instance,
    };
    this.saving = this.saving
      .then(() => this.options.store.save(checkpoint))
      .then(
        () => {
          this.savedOffset = offset;
          this.options.metrics.checkpointTimestamp.set({ stream: this.id }, Date.now() / 1000);
        },
        (error: unknown) =>
          this.options.logger.warn(
            { err: error, stream: this.id },
            'persisting the RTDS checkpoint failed; will retry',
          ),
      );
    return this.saving;
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.wake = undefined;
        resolve();
      }, ms);
      this.wake = () => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
    });
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

import {
  createConsumerLoop,
  readTopicToEnd,
  topicSerde,
  type ConsumedRecord,
  type AppRegistry,
  type ConsumerLoop,
  type ServiceRuntime,
} from '@pushstream/runtime';
import type { DeviceState, SinkAck } from '@pushstream/schemas';
import { ackedStateOf } from '../core/sink-ack.js';
import type { InfobipSettings } from '../core/infobip-desired.js';
import type { PartnersSource } from '../config/partner-config.js';
import type { SinkSettings } from '../config/sink-settings.js';
import { AuthGate } from '../delivery/auth-gate.js';
import {
  createDryRunTransport,
  createHttpTransport,
  type PartnerTransport,
} from '../delivery/partner-transport.js';
import { RateLimiter } from '../delivery/rate-limiter.js';
import type { SinkMetrics } from '../delivery/sink-metrics.js';
import type { SyncContext } from '../delivery/sync-context.js';
import { AckStore, OutOfSyncSet } from './ack-store.js';
import { createSinkHandler } from './sink-handler.js';
import { infobipAdapter, intileryAdapter, type TargetAdapter } from './target-adapter.js';

/** A running sink. */
export interface RunningSink {
  readonly metrics: SinkMetrics;
  readonly loop: ConsumerLoop;
  readonly gate: AuthGate;
  /** Re-reads partner credentials (SIGHUP). */
  reloadPartners(): void;
  /** Stops waiting calls, lets the in-flight chunk end uncommitted or committed, leaves the group. */
  stop(): Promise<void>;
}

/** Options of `startSink`. */
export interface StartSinkOptions {
  readonly runtime: ServiceRuntime;
  readonly settings: SinkSettings;
  readonly registry: AppRegistry;
  readonly partners: PartnersSource;
  /** The sink metrics, registered once per process (`createSinkMetrics`). */
  readonly metrics: SinkMetrics;
  /** Overrides the HTTP transport (never needed outside tests of the shell itself). */
  readonly transport?: PartnerTransport;
  readonly now?: () => number;
}

/**
 * Starts the sink for one target on a runtime: consumer group on device-state.v1 with per-device
 * concurrency, acknowledgements restored per assigned partition before processing, the rate limiter,
 * the auth gate that pauses consumption while credentials are rejected. Adds its stop to the shutdown.
 */
export async function startSink(options: StartSinkOptions): Promise<RunningSink> {
  const { runtime, settings, partners } = options;
  const { target } = settings;
  const now = options.now ?? Date.now;
  const logger = runtime.logger.child({ target });
  const { metrics } = options;
  const stateTopic = runtime.topic('device-state.v1');
  const ackTopic = runtime.topic(`sink-acks.${target}.v1`);
  const stateSerde = topicSerde<DeviceState>(runtime.serde, stateTopic, 'DeviceState');
  const ackSerde = topicSerde<SinkAck>(runtime.serde, ackTopic, 'SinkAck');
  const stopping = new AbortController();
  const transport =
    options.transport ??
    (settings.dryRun
      ? createDryRunTransport(logger)
      : createHttpTransport({ timeoutMs: settings.requestTimeoutMs, connections: settings.httpConnections }));
  // The gate's hooks reach the loop, which is created after the context that holds the gate.
  const current: { loop?: ConsumerLoop } = {};
  const gate = new AuthGate({
    onHalt: (detail) => {
      metrics.authFailed.set({ target }, 1);
      logger.error(
        { detail },
        `${target} rejects our credentials or app config; consumption paused until they work`,
      );
      current.loop?.pause(current.loop.assignment());
    },
    onOpen: () => {
      metrics.authFailed.set({ target }, 0);
      logger.info(`${target} accepts our credentials again; consumption resumed`);
      current.loop?.resume(current.loop.assignment());
    },
  });
  const reloadPartners = () => {
    const result = partners.reload();
    if (result.error !== undefined)
      logger.error({ error: result.error }, 'partner config reload failed; keeping the old one');
    else if (result.changed) logger.info('partner config reloaded');
  };
  const context: SyncContext = {
    target,
    settings,
    transport,
    limiter: new RateLimiter(settings.rateLimit, settings.rateBurst, (seconds) =>
      metrics.rateLimitWait.inc({ target }, seconds),
    ),
    metrics,
    partners,
    signal: stopping.signal,
    now,
    delivery: {
      policy: settings.retry,
      gate,
      signal: stopping.signal,
      authRetryMs: settings.authRetryMs,
      reloadCredentials: reloadPartners,
      now,
      onRetry: (verdict, attempt, delayMs) => {
        metrics.retries.inc({ target });
        logger.debug(
          { attempt, delayMs, detail: 'detail' in verdict ? verdict.detail : '' },
          'partner call retried',
        );
      },
    },
  };
  const outOfSync = new OutOfSyncSet((size) => metrics.devicesOutOfSync.set({ target }, size));

  const run = <Desired, Operation>(adapter: TargetAdapter<Desired, Operation>): ConsumerLoop => {
    const store = new AckStore<Desired>();
    return createConsumerLoop({
      kafka: runtime.kafka,
      stage: runtime.config.serviceName,
      groupId: settings.groupId,
      topics: [stateTopic],
      producer: runtime.producer,
      dlqTopic: runtime.topic('dlq.sink.v1'),
      metrics: runtime.metrics,
      logger,
      health: runtime.health,
      partitionsConsumedConcurrently: settings.partitionsConcurrently,
      concurrency: { perKey: true, max: settings.concurrency },
      handler: createSinkHandler({
        adapter,
        registry: options.registry,
        stateSerde,
        ackSerde,
        ackTopic,
        store,
        outOfSync,
        metrics,
        logger,
        dryRun: settings.dryRun,
        now,
      }),
      hooks: {
        onAssigned: async (assigned) => {
          const partitions = assigned.map((tp) => tp.partition);
          const started = performance.now();
          // The loop calls this again after a transient failure: start these partitions afresh each time.
          store.drop(partitions);
          let recordError: unknown;
          const restored = await readTopicToEnd(runtime.kafka, ackTopic, restoreRecord, {
            partitions,
          }).catch((error: unknown) => {
            // A record that cannot be restored stalls the read until it times out: name it instead.
            throw recordError ?? error;
          });
          async function restoreRecord(record: ConsumedRecord): Promise<void> {
            try {
              const key = record.key?.toString('utf8');
              if (key === undefined) return;
              if (record.value === null) {
                store.delete(record.partition, key);
                return;
              }
              const acked = ackedStateOf(await ackSerde.decode(record.value), adapter.parseAcked);
              if (acked === undefined) store.delete(record.partition, key);
              else store.set(record.partition, key, acked);
            } catch (error) {
              recordError ??= error;
              throw error;
            }
          }
          const seconds = (performance.now() - started) / 1000;
          metrics.restoreSeconds.observe({ stage: runtime.config.serviceName }, seconds);
          logger.info(
            { partitions, records: restored, devices: store.size, seconds },
            'acknowledgements restored',
          );
        },
        onRevoked: (revoked) => {
          const partitions = revoked.map((tp) => tp.partition);
          store.drop(partitions);
          outOfSync.drop(partitions);
        },
      },
    });
  };
  const running =
    target === 'infobip'
      ? run(
          infobipAdapter(context, (app): InfobipSettings | undefined => {
            const account = partners.current().infobip[app];
            return account === undefined
              ? undefined
              : { app, registrationIdField: account.registrationIdField, primary: account.primary };
          }),
        )
      : run(intileryAdapter(context));
  current.loop = running;
  let stopped: Promise<void> | undefined;
  const stop = () => {
    stopped ??= (async () => {
      stopping.abort();
      await running.stop();
      await transport.close();
    })();
    return stopped;
  };
  runtime.onShutdown({ name: `stop ${target} sink`, run: stop });
  await running.start();
  logger.info(
    { groupId: settings.groupId, rateLimit: settings.rateLimit, dryRun: settings.dryRun },
    'sink running',
  );
  return { metrics, loop: running, gate, reloadPartners, stop };
}

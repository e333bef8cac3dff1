import {
  loadConfig,
  startServiceRuntime,
  topicSerde,
  type AppRegistry,
  type ServiceRuntime,
} from '@pushstream/runtime';
import type { DeviceState, SinkTarget } from '@pushstream/schemas';
import { uniqueName } from '@pushstream/test-kit';
import {
  createSinkMetrics,
  sinkEnvSchema,
  sinkSettings,
  startSink,
  type PartnersSource,
  type RunningSink,
  type SinkMetrics,
  type SinkSettings,
} from '../../src/index.js';
import { infraEnv } from './infra-env.js';

/** An in-process sink runtime on its own topic prefix, with the topics one target needs. */
export interface SinkHarness {
  readonly runtime: ServiceRuntime;
  readonly prefix: string;
  readonly stateTopic: string;
  readonly ackTopic: string;
  readonly dlqTopic: string;
  readonly metrics: SinkMetrics;
  /** Produces device states (null value = tombstone of `deviceKey`). */
  produce(states: readonly (Record<string, unknown> | { tombstone: string })[]): Promise<void>;
  /** Sink settings of the target with test-friendly overrides. */
  settings(overrides?: Partial<SinkSettings>): SinkSettings;
  start(options: {
    registry: AppRegistry;
    partners: PartnersSource;
    settings: SinkSettings;
  }): Promise<RunningSink>;
  close(): Promise<void>;
}

/** Starts a runtime whose topics (device state, acks of `target`, sink DLQ) live under a unique prefix. */
export async function startSinkHarness(target: SinkTarget): Promise<SinkHarness> {
  const prefix = `${uniqueName(`it-sink-${target}`)}.`;
  const env = loadConfig(sinkEnvSchema, infraEnv({ TOPIC_PREFIX: prefix, SINK_TARGETS: target }));
  const runtime = await startServiceRuntime({ env });
  const needed = runtime.topics.filter((topic) =>
    ['device-state.v1', `sink-acks.${target}.v1`, 'dlq.sink.v1'].includes(topic.name),
  );
  await runtime.provision(needed);
  await runtime.registerSchemas(needed);
  const stateTopic = runtime.topic('device-state.v1');
  const stateSerde = topicSerde<DeviceState>(runtime.serde, stateTopic, 'DeviceState');
  const metrics = createSinkMetrics(runtime.metrics.registry, [target]);
  return {
    runtime,
    prefix,
    stateTopic,
    ackTopic: runtime.topic(`sink-acks.${target}.v1`),
    dlqTopic: runtime.topic('dlq.sink.v1'),
    metrics,
    async produce(states) {
      const records = await Promise.all(
        states.map(async (state) =>
          'tombstone' in state
            ? { topic: stateTopic, key: String(state.tombstone), value: null }
            : {
                topic: stateTopic,
                key: String(state.deviceKey),
                value: await stateSerde.encode(state as unknown as DeviceState),
              },
        ),
      );
      await runtime.producer.send(records);
    },
    settings: (overrides = {}) => ({
      ...sinkSettings(env, target),
      groupId: uniqueName(`${prefix}group`),
      requestTimeoutMs: 500,
      retry: { initialMs: 20, maxMs: 500, maxAttempts: 30, maxElapsedMs: 120_000, retryAfterCapMs: 2000 },
      authRetryMs: 200,
      notFoundRetries: 1,
      notFoundRetryMs: 50,
      ...overrides,
    }),
    start: ({ registry, partners, settings }) =>
      startSink({ runtime, settings, registry, partners, metrics }),
    close: async () => {
      await runtime.shutdown.run();
    },
  };
}

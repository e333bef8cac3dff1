import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { createLogger, type PipelineProducer } from '@pushstream/runtime';
import type { ConnectorCheckpoint } from '@pushstream/schemas';
import type { CheckpointStore } from '../../src/rtds/checkpoint-store.js';
import { RtdsConsumer } from '../../src/rtds/rtds-consumer.js';
import { createRtdsMetrics } from '../../src/rtds/rtds-metrics.js';

/** What Kafka answers right after a topic was created, before its leader is known everywhere. */
class NotLeaderError extends Error {
  readonly retriable = true;
}

describe('RtdsConsumer start', () => {
  it('retries loading its checkpoint after transient Kafka errors instead of stopping the stream', async () => {
    let loads = 0;
    const fatal: string[] = [];
    const store: CheckpointStore = {
      load: async () => {
        loads += 1;
        if (loads <= 2) throw new NotLeaderError('This server is not the leader for that topic-partition');
        return undefined;
      },
      save: async (_checkpoint: ConnectorCheckpoint) => undefined,
    };
    // Nothing is produced in this test: the stream's server is unreachable on purpose.
    const producer: PipelineProducer = {
      connect: async () => undefined,
      disconnect: async () => undefined,
      send: async () => undefined,
    };
    const registry = new Registry();
    const consumer = new RtdsConsumer({
      config: {
        baseUrl: 'http://127.0.0.1:9',
        endpoint: 'events',
        appKey: 'APP',
        credentials: { kind: 'bearer', token: 't' },
        start: 'EARLIEST',
      },
      producer,
      store,
      topics: { raw: 'raw', dlq: 'dlq' },
      metrics: createRtdsMetrics(registry),
      logger: createLogger({ serviceName: 'rtds-start-test', level: 'silent' }),
      instance: 'test',
      reconnect: { initialMs: 10, maxMs: 20, slowRetryMs: 20, connectionLimitMs: 20 },
      onFatal: (reason) => fatal.push(reason),
    });
    consumer.start();
    await expect
      .poll(
        () =>
          registry
            .getSingleMetric('pushstream_rtds_reconnects_total')
            ?.get()
            .then((metric) => metric.values.length),
        { timeout: 5000 },
      )
      .toBeGreaterThan(0);
    await consumer.stop();
    expect(loads).toBe(3);
    expect(fatal).toEqual([]);
  });
});

import { afterAll, describe, expect, it } from 'vitest';
import {
  kafkaCheckpointStore,
  topicSerde,
  createKafkaClient,
  createLogger,
  createPipelineProducer,
} from '@pushstream/runtime';
import type { ConnectorCheckpoint } from '@pushstream/schemas';
import type { CheckpointListReport, CheckpointSetReport } from '../src/index.js';
import { CliWorld } from './support/cli-harness.js';

const world = new CliWorld();
afterAll(() => world.close());

describe('pushstream rtds checkpoint', () => {
  it('shows stored checkpoints and sets one the connector reads back', async () => {
    await world.provision(['connector-checkpoints.v1'], 1);
    const topic = world.topic('connector-checkpoints.v1');
    const kafka = createKafkaClient(
      { clientId: 'connector-it', brokers: world.infra.kafkaBrokers, connectionTimeoutMs: 10_000 },
      createLogger({ serviceName: 'connector-it', level: 'silent' }),
    );
    const producer = createPipelineProducer(kafka);
    await producer.connect();
    // The connector's own store writes them.
    const store = kafkaCheckpointStore({
      kafka,
      producer,
      topic,
      serde: topicSerde<ConnectorCheckpoint>(world.serde, topic, 'ConnectorCheckpoint'),
    });
    try {
      const base = {
        lastEventId: 'ev-9',
        updatedAt: Date.parse('2026-11-22T09:00:00Z'),
        connectorInstance: 'connector-0',
      };
      await store.save({ streamId: 'APP1:events', appKey: 'APP1', offset: '1000', ...base });
      await store.save({ streamId: 'APP1:events', appKey: 'APP1', offset: '1500', ...base });
      await store.save({
        streamId: 'APP2:events:partition-1-of-2',
        appKey: 'APP2',
        offset: 'opaque-77',
        ...base,
      });

      const list = await world.json<CheckpointListReport>(['rtds', 'checkpoint']);
      expect(list).toEqual({
        topic,
        checkpoints: [
          {
            streamId: 'APP1:events',
            appKey: 'APP1',
            offset: '1500',
            lastEventId: 'ev-9',
            updatedAt: '2026-11-22T09:00:00.000Z',
            connectorInstance: 'connector-0',
          },
          {
            streamId: 'APP2:events:partition-1-of-2',
            appKey: 'APP2',
            offset: 'opaque-77',
            lastEventId: 'ev-9',
            updatedAt: '2026-11-22T09:00:00.000Z',
            connectorInstance: 'connector-0',
          },
        ],
      });
      const one = await world.json<CheckpointListReport>([
        'rtds',
        'checkpoint',
        'APP2:events:partition-1-of-2',
      ]);
      expect(one.checkpoints.map((c) => c.offset)).toEqual(['opaque-77']);
      const table = await world.cli(['rtds', 'checkpoint']);
      expect(table.stdout).toMatch(
        /│ APP1:events +│ APP1 +│ 1500 +│ 2026-11-22T09:00:00.000Z │ connector-0 │/,
      );

      // Without confirmation nothing is written.
      const refused = await world.cli(['rtds', 'checkpoint', 'set', 'APP1:events', '900']);
      expect(refused.code).toBe(2);
      expect((await store.load('APP1:events'))?.offset).toBe('1500');

      const set = await world.json<CheckpointSetReport>(
        ['rtds', 'checkpoint', 'set', 'APP1:events', '900', '--yes'],
        {
          io: { now: () => Date.parse('2026-11-22T11:00:00Z') },
        },
      );
      expect(set.previous?.offset).toBe('1500');
      expect(set.checkpoint).toEqual({
        streamId: 'APP1:events',
        appKey: 'APP1',
        offset: '900',
        lastEventId: null,
        updatedAt: '2026-11-22T11:00:00.000Z',
        connectorInstance: 'pushstream-cli',
      });
      // Read back with the connector's store: what the connector resumes from.
      expect(await store.load('APP1:events')).toEqual({
        streamId: 'APP1:events',
        appKey: 'APP1',
        offset: '900',
        lastEventId: null,
        updatedAt: Date.parse('2026-11-22T11:00:00Z'),
        connectorInstance: 'pushstream-cli',
      });

      // A stream without a checkpoint yet: the app key is the stream id's first segment.
      const fresh = await world.cli(['rtds', 'checkpoint', 'set', 'APP3:events', '5', '-y']);
      expect(fresh.code).toBe(0);
      expect(fresh.stdout).toBe('Checkpoint of APP3:events set to 5 (was unset).\n');
      expect((await store.load('APP3:events'))?.appKey).toBe('APP3');
    } finally {
      await producer.disconnect();
    }
  });
});

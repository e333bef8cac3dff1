import { createTestTopics } from '@pushstream/test-kit';
import { CEILING_ROWS } from '../core/ceilings.ts';
import { parseConsumerPerformance, parseProducerPerformance } from '../core/perf-tool-output.ts';
import type { RowFigures } from '../core/bench-results.ts';
import type { BenchContext, Scenario } from '../scenario.ts';
import { resolveKafkaTools, runKafkaTool, type KafkaTools } from '../shell/kafka-tools.ts';

/**
 * The broker ceiling: Kafka's own `ProducerPerformance` and `ConsumerPerformance` (Java client, from the
 * `kafka-tools` jar of the broker's version) on a topic with the stages' partition count, producing the
 * workload's RTDS lines (`--payload-file`, so record sizes and gzip ratio match) with the runtime
 * producer's durability (acks=all, idempotent, gzip) and the Java client's default batching (16 KiB,
 * linger 5 ms: larger batches measured no faster here), then consuming them back. The producer figure is the tool's steady-state summary (the first 10 % are JVM warm-up).
 */
export function brokerCeilingScenario(): Scenario {
  let tools: KafkaTools | undefined;
  return {
    id: 'broker-ceiling',
    rows: [
      {
        id: CEILING_ROWS.brokerProduce,
        title: 'Broker ceiling: ProducerPerformance',
        kind: 'broker-ceiling',
        unit: 'records/s',
      },
      {
        id: CEILING_ROWS.brokerConsume,
        title: 'Broker ceiling: ConsumerPerformance',
        kind: 'broker-ceiling',
        unit: 'records/s',
      },
    ],
    async setup(context) {
      tools = await resolveKafkaTools(context.kafkaVersion, context.log);
    },
    async run(context: BenchContext, runIndex: number): Promise<RowFigures[]> {
      if (tools === undefined) throw new Error('broker ceiling used before setup');
      const { workload, options } = context;
      const topic = `${context.namePrefix}broker-r${runIndex}`;
      await createTestTopics(context.kafka, [{ name: topic, partitions: workload.partitions }]);
      const bootstrap = context.infra.kafkaBrokers.join(',');
      const produced = await runKafkaTool(tools, 'org.apache.kafka.tools.ProducerPerformance', [
        '--bootstrap-server',
        bootstrap,
        '--topic',
        topic,
        '--num-records',
        String(options.records),
        '--payload-file',
        workload.payloadFile,
        '--throughput',
        '-1',
        '--warmup-records',
        String(Math.floor(options.records / 10)),
        '--command-property',
        'acks=all',
        'enable.idempotence=true',
        'compression.type=gzip',
      ]);
      const producer = parseProducerPerformance(produced.stdout);
      const consumed = await runKafkaTool(tools, 'org.apache.kafka.tools.ConsumerPerformance', [
        '--bootstrap-server',
        bootstrap,
        '--topic',
        topic,
        '--num-records',
        String(options.records),
        '--group',
        `${context.namePrefix}broker-consumer-r${runIndex}`,
        '--timeout',
        '60000',
      ]);
      const consumer = parseConsumerPerformance(consumed.stdout);
      return [
        {
          row: CEILING_ROWS.brokerProduce,
          throughput: producer.recordsPerSecond,
          latencyMs: producer.latencyMs,
          ...(produced.peakRssBytes === undefined
            ? {}
            : { rssBytes: { 'java producer': produced.peakRssBytes } }),
          extra: { produceMegabytesPerSecond: producer.megabytesPerSecond },
        },
        {
          row: CEILING_ROWS.brokerConsume,
          throughput: consumer.fetchRecordsPerSecond,
          ...(consumed.peakRssBytes === undefined
            ? {}
            : { rssBytes: { 'java consumer': consumed.peakRssBytes } }),
          extra: { consumeRecordsPerSecondWithJoin: consumer.recordsPerSecond },
        },
      ];
    },
  };
}

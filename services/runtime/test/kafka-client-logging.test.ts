import { describe, expect, it } from 'vitest';
import { createKafkaClient, createLogger } from '../src/index.js';
import { Partitioners } from '../src/kafka/kafkajs-values.js';

/** A logger writing JSON lines into an array. */
function capturingLogger(level: string): {
  lines: Record<string, unknown>[];
  logger: ReturnType<typeof createLogger>;
} {
  const lines: Record<string, unknown>[] = [];
  const destination = {
    write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>),
  };
  return { lines, logger: createLogger({ serviceName: 'kafka-client-test', level, destination }) };
}

const producerOptions = {
  idempotent: true,
  transactionalId: 'tx',
  createPartitioner: Partitioners.DefaultPartitioner,
};
const config = { clientId: 'kafka-client-test', brokers: ['127.0.0.1:1'], connectionTimeoutMs: 1000 };

describe('createKafkaClient logging', () => {
  it("routes kafkajs' bounded-retries EoS warning to debug, with its namespace", () => {
    const warn = capturingLogger('warn');
    createKafkaClient(config, warn.logger).producer(producerOptions);
    expect(warn.lines).toEqual([]);

    const debug = capturingLogger('debug');
    createKafkaClient(config, debug.logger).producer(producerOptions);
    expect(debug.lines.map((line) => [line.level, line.msg])).toEqual([
      ['debug', 'Limiting retries for the idempotent producer may invalidate EoS guarantees'],
    ]);
    expect(debug.lines[0]?.kafka).toMatchObject({ namespace: 'Producer' });
  });
});

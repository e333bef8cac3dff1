import {
  HealthState,
  createKafkaClient,
  createLogger,
  createPipelineMetrics,
  createPipelineProducer,
  type ConsumerLoopOptions,
  type PipelineProducer,
} from '../../src/index.js';
import { infraBrokers } from './infra-env.js';

/** What an in-process consumer loop under test needs, wired to the integration Kafka, logs silenced. */
export type LoopDeps = Pick<ConsumerLoopOptions, 'kafka' | 'stage' | 'metrics' | 'logger' | 'health'> & {
  producer: PipelineProducer;
};

/** Builds the dependencies of a test consumer loop and connects its producer. */
export async function loopDeps(stage: string): Promise<LoopDeps> {
  const logger = createLogger({ serviceName: stage, level: 'silent' });
  const kafka = createKafkaClient(
    { clientId: stage, brokers: infraBrokers(), connectionTimeoutMs: 10_000 },
    logger,
  );
  const producer = createPipelineProducer(kafka);
  await producer.connect();
  return {
    kafka,
    stage,
    logger,
    producer,
    metrics: createPipelineMetrics({ stage }),
    health: new HealthState({}),
  };
}

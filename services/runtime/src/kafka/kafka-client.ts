import { readFileSync } from 'node:fs';
import type { Kafka as KafkaClient, KafkaConfig, LogEntry, SASLOptions } from 'kafkajs';
import { Kafka, logLevel as KafkaLogLevel } from './kafkajs-values.js';
import type { KafkaConnectionConfig } from '../config/runtime-config.js';
import type { Logger } from '../logging/logger.js';

export type { Kafka } from 'kafkajs';

/**
 * Creates the Kafka client from config (TLS, SASL PLAIN/SCRAM), logging through the service logger.
 * This module and its siblings in `kafka/` are the only places that import the Kafka library, so the
 * client can be swapped in one place.
 */
export function createKafkaClient(
  config: KafkaConnectionConfig,
  logger: Logger,
  options: {
    /** Retries of a failed request or connection; interactive tools use few to fail fast. @default 8 */
    retries?: number;
  } = {},
): KafkaClient {
  const kafkaConfig: KafkaConfig = {
    clientId: config.clientId,
    brokers: [...config.brokers],
    connectionTimeout: config.connectionTimeoutMs,
    requestTimeout: 30_000,
    retry: { initialRetryTime: 300, retries: options.retries ?? 8, maxRetryTime: 30_000 },
    logLevel: KafkaLogLevel.WARN,
    logCreator: () => (entry: LogEntry) => logKafkaEntry(logger, entry),
  };
  if (config.ssl !== undefined) {
    kafkaConfig.ssl = {
      rejectUnauthorized: config.ssl.rejectUnauthorized,
      ...(config.ssl.caFile === undefined ? {} : { ca: [readFileSync(config.ssl.caFile, 'utf8')] }),
      ...(config.ssl.certFile === undefined ? {} : { cert: readFileSync(config.ssl.certFile, 'utf8') }),
      ...(config.ssl.keyFile === undefined ? {} : { key: readFileSync(config.ssl.keyFile, 'utf8') }),
    };
  }
  if (config.sasl !== undefined) kafkaConfig.sasl = saslOptions(config.sasl);
  return new Kafka(kafkaConfig);
}

function saslOptions(sasl: NonNullable<KafkaConnectionConfig['sasl']>): SASLOptions {
  switch (sasl.mechanism) {
    case 'plain':
      return { mechanism: 'plain', username: sasl.username, password: sasl.password };
    case 'scram-sha-256':
      return { mechanism: 'scram-sha-256', username: sasl.username, password: sasl.password };
    case 'scram-sha-512':
      return { mechanism: 'scram-sha-512', username: sasl.username, password: sasl.password };
  }
}

/**
 * kafkajs warns this once per idempotent producer whose retries are bounded (all of ours: a send that keeps
 * failing must surface, not block a stage forever). It does not apply here: a transactional step that fails
 * is aborted and redone, or its producer is closed and the partition re-fenced with a new producer id; the
 * at-least-once stages redo a failed send by design. Kept at debug so it does not bury real warnings.
 */
const BOUNDED_RETRIES_WARNING = 'Limiting retries for the idempotent producer may invalidate EoS guarantees';

function logKafkaEntry(logger: Logger, entry: LogEntry): void {
  const { message, ...extra } = entry.log;
  const fields = { kafka: { namespace: entry.namespace, ...extra } };
  const level = message === BOUNDED_RETRIES_WARNING ? KafkaLogLevel.DEBUG : entry.level;
  switch (level) {
    case KafkaLogLevel.ERROR:
      logger.error(fields, message);
      break;
    case KafkaLogLevel.WARN:
      logger.warn(fields, message);
      break;
    case KafkaLogLevel.INFO:
      logger.info(fields, message);
      break;
    default:
      logger.debug(fields, message);
  }
}

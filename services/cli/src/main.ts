#!/usr/bin/env node
/**
 * The `pushstream` operator CLI. Reads the services' environment (KAFKA_BROKERS, SCHEMA_REGISTRY_URL,
 * TLS/SASL, TOPIC_PREFIX); see services/cli/README.md.
 */
import { processIo } from './io.js';
import { run } from './run.js';

// kafkajs on Node 24 sets one negative timeout per process (README, "Known issues"): harmless, and noise at
// an operator's terminal, so that one warning is dropped; every other warning is printed as usual.
const emitWarning = process.emitWarning.bind(process);
process.emitWarning = (warning: string | Error, ...rest: unknown[]) => {
  const type = typeof rest[0] === 'string' ? rest[0] : (rest[0] as { type?: string } | undefined)?.type;
  if (type === 'TimeoutNegativeWarning') return;
  (emitWarning as (...args: unknown[]) => void)(warning, ...rest);
};

process.exitCode = await run(process.argv.slice(2), processIo());

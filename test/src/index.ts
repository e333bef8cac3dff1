/**
 * @pushstream/test-kit — what integration tests, simulators and benchmarks share. The local
 * infrastructure harness is exported separately as `@pushstream/test-kit/infra`.
 */
export * from './wait-for.js';
export * from './kafka/test-kafka.js';
export * from './kafka/topic-reader.js';
export * from './process/child-service.js';
export type { ProvidedInfra } from './infra/vitest-context.js';
export * from './simulators/rtds/index.js';

export * from './errors/error-codes.js';
export * from './topology/topic-spec.js';
export * from './topology/topology.js';
export * from './raw/index.js';
export * from './fixtures/index.js';

/** @pushstream/sessionizer: the pure core and the shell, for tests, benchmarks and the local pipeline. */
export * from './core/index.js';
export * from './config/sessionizer-env.js';
export * from './shell/partition-store.js';
export * from './shell/processing-gate.js';
export * from './shell/record-codec.js';
export * from './shell/sessionizer-metrics.js';
export * from './shell/start-sessionizer.js';

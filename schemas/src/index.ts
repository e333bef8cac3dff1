export * from './topology/topic-spec.js';
export * from './topology/topology.js';

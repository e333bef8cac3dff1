export * from './errors/error-codes.js';
export * from './topology/topic-spec.js';
export * from './topology/topology.js';
export * from './avro/avro-schemas.js';
export type * from './avro/avro-types.js';
export * from './catalog/render-asyncapi.js';
export * from './catalog/render-topics-page.js';
export * from './raw/index.js';
export * from './fixtures/index.js';

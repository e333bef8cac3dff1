export * from './cm/index.js';
export * from './format-issues.js';
export * from './json-text.js';
export * from './parse-result.js';
export * from './rtds/index.js';
export type { OpenEnum } from './scalars.js';
export * from './segment/index.js';

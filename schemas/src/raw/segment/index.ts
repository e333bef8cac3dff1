export * from './parse-segment.js';
export * from './register-push.js';
export * from './segment-batch.js';
export * from './segment-common.js';
export * from './segment-message.js';

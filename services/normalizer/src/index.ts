/** @pushstream/normalizer — raw device events into device-events.v1 (see README, "Normalizer"). */
export * from './core/normalize.js';
export * from './core/normalize-result.js';
export * from './core/raw-input.js';
export * from './core/event-id.js';
export * from './core/kind/event-kind.js';
export * from './core/dedupe/dedupe-window.js';
export * from './core/dedupe/compact-id.js';
export * from './core/dedupe/changelog-codec.js';
export type * from './core/map/normalize-context.js';

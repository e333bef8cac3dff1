export * from './cm-event.js';
export * from './parse-cm.js';

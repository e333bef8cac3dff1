/** @pushstream/sink — device registrations from device-state.v1 to Infobip and Intilery (see README). */
export * from './core/index.js';
export * from './config/partner-config.js';
export * from './config/sink-env.js';
export * from './config/sink-settings.js';
export { PARTNER_HEADERS } from './delivery/partner-failure.js';
export { createSinkMetrics, type SinkMetrics } from './delivery/sink-metrics.js';
export { startSink, type RunningSink, type StartSinkOptions } from './shell/start-sink.js';

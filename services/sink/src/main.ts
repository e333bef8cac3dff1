/**
 * The sink service: device-state.v1 to the partners of SINK_TARGETS (infobip, intilery; one consumer group
 * each). Run as `node services/sink/dist/main.js`; configuration from the environment (see README, "Sink").
 * SIGHUP re-reads SINK_PARTNERS_FILE (rotated credentials).
 */
import { exitOnSignals, loadAppRegistry, loadConfig, startServiceRuntime } from '@pushstream/runtime';
import { checkPartnersCover, partnersSource, withDryRunPlaceholders } from './config/partner-config.js';
import { sinkEnvSchema } from './config/sink-env.js';
import { sinkSettings } from './config/sink-settings.js';
import { createSinkMetrics } from './delivery/sink-metrics.js';
import { startSink, type RunningSink } from './shell/start-sink.js';

const env = loadConfig(sinkEnvSchema, process.env);
const registry = loadAppRegistry(env);
const partners = partnersSource(env, env.SINK_DRY_RUN ? withDryRunPlaceholders(registry) : undefined);
for (const target of env.SINK_TARGETS) checkPartnersCover(registry, partners.current(), target);
const settings = env.SINK_TARGETS.map((target) => sinkSettings(env, target));
const runtime = await startServiceRuntime({
  env,
  // The partner accounts are logged parsed, so their keys and tokens are redacted.
  loggedConfig: { ...env, SINK_PARTNERS: partners.current(), settings },
});
await runtime.provision();
// Each stage registers the schemas of what it writes.
await runtime.registerSchemas(runtime.topics.filter((topic) => topic.producers.includes('sink')));
exitOnSignals(runtime.shutdown, {
  onResult: (signal, result) => runtime.logger.info({ signal, ...result }, 'sink stopped'),
});
const metrics = createSinkMetrics(runtime.metrics.registry, env.SINK_TARGETS);
const sinks: RunningSink[] = [];
for (const targetSettings of settings) {
  sinks.push(await startSink({ runtime, settings: targetSettings, registry, partners, metrics }));
}
process.on('SIGHUP', () => {
  runtime.logger.info('SIGHUP: re-reading the partner config');
  for (const sink of sinks) sink.reloadPartners();
});
runtime.markStarted();

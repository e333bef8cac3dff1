/**
 * The normalizer service: every raw topic into one typed, enriched, deduplicated Avro stream
 * (device-events.v1), exactly once. Run as `node services/normalizer/dist/main.js`; configuration from the
 * environment (see README, "Normalizer").
 */
import { exitOnSignals, loadAppRegistry, loadConfig, startServiceRuntime } from '@pushstream/runtime';
import { normalizerEnvSchema } from './config/normalizer-env.js';
import { startNormalizer } from './shell/start-normalizer.js';

const env = loadConfig(normalizerEnvSchema, process.env);
// Fail before connecting anything when the app registry is invalid.
const apps = loadAppRegistry(env).apps.length;
const runtime = await startServiceRuntime({ env });
await runtime.provision();
// Each stage registers the schemas of what it writes.
await runtime.registerSchemas(runtime.topics.filter((topic) => topic.producers.includes('normalizer')));
exitOnSignals(runtime.shutdown, {
  onResult: (signal, result) => runtime.logger.info({ signal, ...result }, 'normalizer stopped'),
});
await startNormalizer(runtime, env);
runtime.markStarted();
runtime.logger.info({ apps, window: env.DEDUPE_WINDOW_MS }, 'normalizer running');

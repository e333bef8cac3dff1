/**
 * The sessionizer service: device-events.v1 → device-state.v1 (compacted lifecycle state), device-sessions.v1
 * (closed sessions), with its open sessions in open-sessions.v1. Run as `node services/sessionizer/dist/main.js`;
 * configuration from the environment (see services/sessionizer/README.md).
 */
import { exitOnSignals, loadConfig, startServiceRuntime } from '@pushstream/runtime';
import { sessionizerEnvSchema, toCoreConfig } from './config/sessionizer-env.js';
import { startSessionizer } from './shell/start-sessionizer.js';

const env = loadConfig(sessionizerEnvSchema, process.env);
const core = toCoreConfig(env);
const runtime = await startServiceRuntime({ env });
await runtime.provision();
// Each stage registers the schemas of what it writes.
await runtime.registerSchemas(runtime.topics.filter((topic) => topic.producers.includes('sessionizer')));
exitOnSignals(runtime.shutdown, {
  onResult: (signal, result) => runtime.logger.info({ signal, ...result }, 'sessionizer stopped'),
});
const sessionizer = await startSessionizer(runtime, {
  core,
  groupId: runtime.config.groupId,
  sessionSweepIntervalMs: env.SESSION_SWEEP_INTERVAL_MS,
  staleSweepIntervalMs: env.STALE_SWEEP_INTERVAL_MS,
  chunkSize: env.CHUNK_SIZE,
});
// Service steps run before the producer flush: the chunk in flight is produced and committed first.
runtime.onShutdown({ name: 'stop sessionizer', run: () => sessionizer.stop() });
runtime.markStarted();
runtime.logger.info({ core }, 'sessionizer running');

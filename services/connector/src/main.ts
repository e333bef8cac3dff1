/**
 * The connector service: Airship RTDS streams (and, with the webhook server, CM.com / Segment webhooks)
 * into the raw topics. Run as `node services/connector/dist/main.js`; configuration from the environment
 * (see README, "Connector").
 */
import { exitOnSignals, loadConfig, startServiceRuntime } from '@pushstream/runtime';
import { connectorEnvSchema } from './config/connector-env.js';
import { rtdsStreams } from './config/rtds-streams.js';
import { startRtdsStreams } from './rtds/start-rtds-streams.js';

const env = loadConfig(connectorEnvSchema, process.env);
const streams = rtdsStreams(env);
const runtime = await startServiceRuntime({ env });
await runtime.provision();
// Each stage registers the schemas of what it writes.
await runtime.registerSchemas(runtime.topics.filter((topic) => topic.producers.includes('connector')));
exitOnSignals(runtime.shutdown, {
  onResult: (signal, result) => runtime.logger.info({ signal, ...result }, 'connector stopped'),
});
startRtdsStreams(runtime, streams, {
  instance: env.CONNECTOR_INSTANCE ?? env.HOSTNAME ?? 'connector',
  silenceMs: env.RTDS_SILENCE_MS,
  onFatal: (reason) => {
    runtime.health.markDead(reason);
    runtime.logger.fatal({ reason }, 'RTDS stream cannot continue; stopping');
    void runtime.shutdown.run().then(() => process.exit(1));
  },
});
runtime.logger.info(
  { streams: streams.map((stream) => `${stream.appKey}:${stream.endpoint}`) },
  'connector running',
);

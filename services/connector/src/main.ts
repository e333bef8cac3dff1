/**
 * The connector service: Airship RTDS streams (and, with the webhook server, CM.com / Segment webhooks)
 * into the raw topics. Run as `node services/connector/dist/main.js`; configuration from the environment
 * (see README, "Connector").
 */
import { exitOnSignals, loadConfig, startServiceRuntime } from '@pushstream/runtime';
import { connectorEnvSchema } from './config/connector-env.js';
import { rtdsStreams } from './config/rtds-streams.js';
import { startRtdsStreams } from './rtds/start-rtds-streams.js';
import { createWebhookMetrics, createWebhookServer, toWebhookConfig } from './webhooks/index.js';

const env = loadConfig(connectorEnvSchema, process.env);
const streams = rtdsStreams(env);
const runtime = await startServiceRuntime({ env });
await runtime.provision();
// Each stage registers the schemas of what it writes.
await runtime.registerSchemas(runtime.topics.filter((topic) => topic.producers.includes('connector')));
exitOnSignals(runtime.shutdown, {
  onResult: (signal, result) => runtime.logger.info({ signal, ...result }, 'connector stopped'),
});
const instance = env.CONNECTOR_INSTANCE ?? env.HOSTNAME ?? 'connector';
const webhooks = createWebhookServer({
  config: toWebhookConfig(env),
  producer: runtime.producer,
  topics: { cm: runtime.topic('raw.cm-push.v1'), track: runtime.topic('raw.track.v1') },
  metrics: createWebhookMetrics(runtime.metrics, runtime.config.serviceName),
  logger: runtime.logger.child({ component: 'webhooks' }),
  instanceId: instance,
});
// Service steps run before the producer flush: in-flight webhook requests still get Kafka's answer.
runtime.onShutdown({ name: 'close webhook server', run: () => webhooks.close() });
const webhookAddress = await webhooks.listen();
startRtdsStreams(runtime, streams, {
  instance,
  silenceMs: env.RTDS_SILENCE_MS,
  onFatal: (reason) => {
    runtime.health.markDead(reason);
    runtime.logger.fatal({ reason }, 'RTDS stream cannot continue; stopping');
    void runtime.shutdown.run().then(() => process.exit(1));
  },
});
runtime.markStarted();
runtime.logger.info(
  { streams: streams.map((stream) => `${stream.appKey}:${stream.endpoint}`), webhooks: webhookAddress },
  'connector running',
);

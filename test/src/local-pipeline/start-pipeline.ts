import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_APPS, type AppSpec } from '@pushstream/schemas';
import { freeLoopbackPorts } from '../infra/free-ports.js';
import { testKafka, withAdmin } from '../kafka/test-kafka.js';
import { testKitRoot } from '../infra/package-paths.js';
import type { RunningInfra } from '../infra/infra-types.js';
import { startInfra } from '../infra/start-infra.js';
import type { InfobipSimulator } from '../simulators/infobip/index.js';
import type { IntilerySimulator } from '../simulators/intilery/index.js';
import { startPartnerSimulators } from './partner-simulators.js';
import { startRtdsSimulator, type RtdsSimulator } from '../simulators/rtds/index.js';
import { waitFor } from '../wait-for.js';
import { startDemoTraffic, type DemoTraffic } from './demo-traffic.js';
import { demoAppRegistry, generateWebhookCredentials, simulatedPartnerAccounts } from './pipeline-secrets.js';
import { parsePrometheusText } from './prometheus-text.js';
import type { ServiceScrape } from './pipeline-summary.js';
import { ServiceProcess } from './service-process.js';
import {
  PIPELINE_SERVICES,
  serviceEnvironment,
  type PipelineContext,
  type PipelineService,
} from './service-environments.js';

/** How to start the pipeline. */
export interface PipelineOptions {
  /** Progress lines. */
  readonly log: (line: string) => void;
  /** Folder for this run's service logs. */
  readonly runDir: string;
  /** The operator's environment: KAFKA_BROKERS + SCHEMA_REGISTRY_URL select real Kafka, RTDS_APP_KEY real RTDS… */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Demo source events per second; 0 feeds nothing. */
  readonly demoEventsPerSecond: number;
  /** @default the operator's TOPIC_PREFIX, else `pushstream.` */
  readonly topicPrefix?: string;
  /** @default all four */
  readonly services?: readonly PipelineService[];
  /** Demo apps. @default DEFAULT_APPS */
  readonly apps?: readonly AppSpec[];
  /** Kafka + registry started by the caller (fault tests restart them); not stopped by `stop()`. */
  readonly infra?: RunningInfra;
}

/** The pipeline as started: every part reachable for the summary screen and for fault tests. */
export interface RunningPipeline {
  readonly infra: RunningInfra;
  readonly context: PipelineContext;
  /** Every service instance started so far, in start order. */
  readonly instances: readonly ServiceProcess[];
  /** Services whose `dist/main.js` is missing (not built), skipped. */
  readonly missing: readonly PipelineService[];
  readonly rtds: RtdsSimulator | undefined;
  /** The partner simulators, unless the operator configured real partners (SINK_PARTNERS*) or a dry run. */
  readonly partners: { readonly infobip: InfobipSimulator; readonly intilery: IntilerySimulator } | undefined;
  readonly webhookUrl: string;
  /** `Authorization` header per webhook route (`cm/<appKey>`, `track/<writeKey>`), for feeds and tests. */
  readonly webhookAuthorization: ReadonlyMap<string, string>;
  /** Every credential this run generated or was given (for tests that prove none reaches a log). */
  readonly secrets: readonly string[];
  readonly demo: DemoTraffic | undefined;
  /** The first instance of a service. */
  instance(service: PipelineService): ServiceProcess;
  /** Starts one more instance of a service (a second group member, for rebalances). */
  addInstance(service: PipelineService): Promise<ServiceProcess>;
  /** One /metrics scrape of every running instance. */
  scrape(): Promise<ServiceScrape[]>;
  /** Stops the feed, every service (SIGTERM, then SIGKILL after the grace), the simulators and the infra. */
  stop(): Promise<void>;
}

/** `services/<name>/dist/main.js` in this checkout. */
export function serviceScript(service: PipelineService): string {
  return path.join(testKitRoot(), '..', 'services', service, 'dist', 'main.js');
}

/**
 * Starts the whole pipeline: Kafka + registry (the operator's, or the local harness), the RTDS simulator
 * unless RTDS_APP_KEY names a real app, the four services as child processes, and the demo feed.
 */
export async function startPipeline(options: PipelineOptions): Promise<RunningPipeline> {
  const { env, log } = options;
  const apps = options.apps ?? DEFAULT_APPS;
  mkdirSync(options.runDir, { recursive: true });
  const infra = options.infra ?? (await startInfra({ log }));
  const cleanups: Array<() => Promise<void>> = options.infra === undefined ? [() => infra.stop()] : [];
  try {
    const realRtds = env.RTDS_APP_KEY !== undefined && env.RTDS_APP_KEY !== '';
    const firstApp = apps[0];
    const rtds =
      realRtds || firstApp === undefined
        ? undefined
        : await startRtdsSimulator({ appKey: firstApp.airshipAppKey, keepaliveMs: 2000 });
    if (rtds !== undefined) cleanups.push(() => rtds.close());
    const realPartners = ['SINK_PARTNERS', 'SINK_PARTNERS_FILE', 'SINK_DRY_RUN'].some(
      (name) => env[name] !== undefined && env[name] !== '',
    );
    const partners = realPartners ? undefined : await startPartnerSimulators();
    if (partners !== undefined) {
      cleanups.push(async () => {
        await partners.infobip.close();
        await partners.intilery.close();
      });
    }
    const [webhookPort = 0] = await freeLoopbackPorts(1);
    const credentials = generateWebhookCredentials(apps);
    const context: PipelineContext = {
      userEnv: env,
      kafkaBrokers: infra.kafkaBrokers,
      schemaRegistryUrl: infra.schemaRegistryUrl,
      topicPrefix: options.topicPrefix ?? env.TOPIC_PREFIX ?? 'pushstream.',
      replicationFactor: await replicationFactorFor(infra, env),
      appRegistry: demoAppRegistry(apps),
      ...(rtds === undefined
        ? {}
        : {
            rtds: {
              baseUrl: rtds.url,
              appKey: rtds.appKey,
              token: rtds.token,
              masterSecret: rtds.masterSecret,
            },
          }),
      webhook: { port: webhookPort, sources: JSON.stringify(credentials.sources) },
      sinkEnv: partners === undefined ? {} : { SINK_PARTNERS: simulatedPartnerAccounts(apps, partners) },
    };
    const wanted = options.services ?? PIPELINE_SERVICES;
    const missing = wanted.filter((service) => !existsSync(serviceScript(service)));
    const instances: ServiceProcess[] = [];
    const counts = new Map<PipelineService, number>();
    const addInstance = async (service: PipelineService) => {
      const n = (counts.get(service) ?? 0) + 1;
      counts.set(service, n);
      const name = n === 1 ? service : `${service}-${n}`;
      const [httpPort = 0] = await freeLoopbackPorts(1);
      const instance = new ServiceProcess({
        name,
        script: serviceScript(service),
        env: serviceEnvironment(service, { name, httpPort }, context),
        httpPort,
        logFile: path.join(options.runDir, `${name}.log`),
      });
      instance.start();
      instances.push(instance);
      return instance;
    };
    for (const service of wanted) {
      if (!missing.includes(service)) await addInstance(service);
    }
    const webhookUrl = `http://127.0.0.1:${webhookPort}`;
    if (options.demoEventsPerSecond > 0 && !missing.includes('connector')) {
      const connector = instances.find((instance) => instance.spec.env.SERVICE_NAME === 'connector');
      await waitFor(
        "the connector's webhook server",
        async () => {
          if (connector !== undefined && !connector.running) {
            throw new Error(
              `the connector exited (${connector.exitReason() ?? '?'}); last log lines:\n${connector.tail(10)}`,
            );
          }
          return fetch(webhookUrl, { signal: AbortSignal.timeout(1000) }).then(
            () => true,
            () => false,
          );
        },
        { timeoutMs: 120_000, intervalMs: 250 },
      );
    }
    const demo =
      options.demoEventsPerSecond > 0
        ? startDemoTraffic(
            { ...(rtds === undefined ? {} : { rtds }), webhookUrl, authorization: credentials.authorization },
            {
              apps,
              eventsPerSecond: options.demoEventsPerSecond,
              onRejected: (route, status, body) =>
                log(`demo: ${route} answered ${status}: ${body.slice(0, 200)}`),
            },
          )
        : undefined;
    let stopped = false;
    return {
      infra,
      context,
      instances,
      missing,
      rtds,
      partners,
      webhookUrl,
      webhookAuthorization: credentials.authorization,
      secrets: [
        ...credentials.secrets,
        ...(rtds === undefined ? [] : [rtds.token, rtds.masterSecret]),
        ...(partners === undefined ? [] : [partners.infobip.apiKey(), partners.intilery.authToken()]),
      ],
      demo,
      instance(service) {
        const found = instances.find((candidate) => candidate.spec.env.SERVICE_NAME === service);
        if (found === undefined) throw new Error(`${service} is not running (not built?)`);
        return found;
      },
      addInstance,
      scrape: () =>
        Promise.all(instances.filter((i) => i.running).map((instance) => scrapeInstance(instance))),
      async stop() {
        if (stopped) return;
        stopped = true;
        await demo?.stop();
        await Promise.all(instances.map((instance) => instance.stop()));
        await Promise.all(instances.map((instance) => instance.close()));
        for (const cleanup of cleanups.reverse()) await cleanup();
      },
    };
  } catch (error) {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
    throw error;
  }
}

async function scrapeInstance(instance: ServiceProcess): Promise<ServiceScrape> {
  try {
    const response = await fetch(`${instance.opsUrl}/metrics`, { signal: AbortSignal.timeout(2000) });
    if (!response.ok) return { service: instance.spec.name, error: `HTTP ${response.status}` };
    return { service: instance.spec.name, samples: parsePrometheusText(await response.text()) };
  } catch (error) {
    return { service: instance.spec.name, error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Replication factor of the topics the services create: the operator's TOPIC_REPLICATION_FACTOR when set,
 * else 3 capped at the number of brokers (1 on the local harness or a one-broker dev cluster).
 */
async function replicationFactorFor(
  infra: RunningInfra,
  env: Readonly<Record<string, string | undefined>>,
): Promise<number | undefined> {
  if (env.TOPIC_REPLICATION_FACTOR !== undefined && env.TOPIC_REPLICATION_FACTOR !== '') return undefined;
  const brokers = await withAdmin(
    testKafka(infra.kafkaBrokers),
    async (admin) => (await admin.describeCluster()).brokers.length,
  );
  return Math.min(3, Math.max(1, brokers));
}

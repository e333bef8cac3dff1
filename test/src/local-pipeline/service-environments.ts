/** The four deployable services, in data-flow order. */
export const PIPELINE_SERVICES = ['connector', 'normalizer', 'sessionizer', 'sink'] as const;
/** One of PIPELINE_SERVICES. */
export type PipelineService = (typeof PIPELINE_SERVICES)[number];

/** What the launcher decided for this run, from which each service's environment is derived. */
export interface PipelineContext {
  /** The operator's own environment (real systems, overrides): wins over every launcher default. */
  readonly userEnv: Readonly<Record<string, string | undefined>>;
  readonly kafkaBrokers: readonly string[];
  readonly schemaRegistryUrl: string;
  readonly topicPrefix: string;
  /** 1 on the single local broker; the operator's TOPIC_REPLICATION_FACTOR (or the runtime default) otherwise. */
  readonly replicationFactor: number | undefined;
  readonly appRegistry: string;
  /** Connector settings when RTDS is simulated (real RTDS comes from the operator's RTDS_* variables). */
  readonly rtds?: {
    readonly baseUrl: string;
    readonly appKey: string;
    readonly token: string;
    readonly masterSecret: string;
  };
  readonly webhook: { readonly port: number; readonly sources: string };
  /** Sink settings when partners are simulated (or dry-run); real partners come from the operator's env. */
  readonly sinkEnv: Readonly<Record<string, string>>;
}

/**
 * The environment of one service instance. Launcher defaults first, then the operator's environment over
 * them (so `KAFKA_BROKERS`, credentials or any tuning variable they set wins), then what must differ per
 * instance (name, ops port).
 */
export function serviceEnvironment(
  service: PipelineService,
  instance: { readonly name: string; readonly httpPort: number },
  context: PipelineContext,
): Record<string, string> {
  const defaults: Record<string, string> = {
    LOG_LEVEL: 'info',
    KAFKA_BROKERS: context.kafkaBrokers.join(','),
    SCHEMA_REGISTRY_URL: context.schemaRegistryUrl,
    TOPIC_PREFIX: context.topicPrefix,
    APP_REGISTRY: context.appRegistry,
    ...(context.replicationFactor === undefined
      ? {}
      : { TOPIC_REPLICATION_FACTOR: String(context.replicationFactor) }),
    ...serviceDefaults(service, instance.name, context),
  };
  const env: Record<string, string> = { ...defaults };
  for (const [name, value] of Object.entries(context.userEnv)) {
    if (value !== undefined && value !== '' && isPipelineVariable(name)) env[name] = value;
  }
  env.SERVICE_NAME = service;
  env.HTTP_PORT = String(instance.httpPort);
  if (service === 'connector') env.CONNECTOR_INSTANCE = instance.name;
  return env;
}

function serviceDefaults(
  service: PipelineService,
  instance: string,
  context: PipelineContext,
): Record<string, string> {
  switch (service) {
    case 'connector':
      return {
        WEBHOOK_HOST: '127.0.0.1',
        WEBHOOK_PORT: String(context.webhook.port),
        WEBHOOK_SOURCES: context.webhook.sources,
        ...(context.rtds === undefined
          ? {}
          : {
              RTDS_BASE_URL: context.rtds.baseUrl,
              RTDS_APP_KEY: context.rtds.appKey,
              RTDS_TOKEN: context.rtds.token,
              RTDS_MASTER_SECRET: context.rtds.masterSecret,
              RTDS_SILENCE_MS: '15000',
            }),
        CONNECTOR_INSTANCE: instance,
      };
    case 'normalizer':
      return {};
    case 'sessionizer':
      return {};
    case 'sink':
      return { ...context.sinkEnv };
  }
}

// Only variables a service reads are passed on: the operator's shell holds much else (and other secrets).
const PIPELINE_VARIABLE =
  /^(KAFKA_|SCHEMA_REGISTRY_|TOPIC_|LOG_LEVEL$|SHUTDOWN_|APP_REGISTRY|MSISDN_|RTDS_|WEBHOOK_|CONNECTOR_|NORMALIZER_|DEDUPE_|SESSIONIZER_|SESSION_|SINK_|INFOBIP_|INTILERY_)/;

function isPipelineVariable(name: string): boolean {
  return PIPELINE_VARIABLE.test(name);
}

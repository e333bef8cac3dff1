import { z } from 'zod';
import { envBoolean, envHostPortList, envPort, envPositiveInt, envString, envUrl } from './env-values.js';

/** SASL mechanisms pushstream supports for Kafka. */
export const SASL_MECHANISMS = ['plain', 'scram-sha-256', 'scram-sha-512'] as const;
/** One of the supported SASL mechanisms. */
export type SaslMechanism = (typeof SASL_MECHANISMS)[number];

/** pino log levels. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/**
 * The environment variables every service reads (services extend this object with their own).
 * Each value documents its default; see README "Configuration".
 */
export const runtimeEnvShape = {
  /** Name of the service in logs, metrics and the Kafka client id. */
  SERVICE_NAME: envString,
  /** @default info */
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  /** Port of the /metrics, /healthz and /readyz server. @default 9464 */
  HTTP_PORT: envPort.default(9464),
  /** Comma-separated bootstrap brokers, host:port. */
  KAFKA_BROKERS: envHostPortList,
  /** @default the SERVICE_NAME */
  KAFKA_CLIENT_ID: envString.optional(),
  /** Use TLS to the brokers. @default false */
  KAFKA_SSL: envBoolean.default(false),
  /** PEM file of the CA that signed the brokers' certificates (TLS only). */
  KAFKA_SSL_CA_FILE: envString.optional(),
  /** PEM client certificate for mutual TLS. */
  KAFKA_SSL_CERT_FILE: envString.optional(),
  /** PEM client key for mutual TLS. */
  KAFKA_SSL_KEY_FILE: envString.optional(),
  /** Verify the brokers' certificates. @default true */
  KAFKA_SSL_REJECT_UNAUTHORIZED: envBoolean.default(true),
  /** plain, scram-sha-256 or scram-sha-512; unset = no SASL. */
  KAFKA_SASL_MECHANISM: z.enum(SASL_MECHANISMS).optional(),
  KAFKA_SASL_USERNAME: envString.optional(),
  KAFKA_SASL_PASSWORD: envString.optional(),
  /** Connection timeout to a broker, ms. @default 10000 */
  KAFKA_CONNECTION_TIMEOUT_MS: envPositiveInt.default(10_000),
  /** Confluent-compatible registry base URL, e.g. http://registry:8080/apis/ccompat/v7 */
  SCHEMA_REGISTRY_URL: envUrl,
  SCHEMA_REGISTRY_USERNAME: envString.optional(),
  SCHEMA_REGISTRY_PASSWORD: envString.optional(),
  /** Prefix of every topic name. @default pushstream. */
  TOPIC_PREFIX: z
    .string()
    .trim()
    .regex(/^[a-zA-Z0-9._-]*$/, 'letters, digits, ".", "_" and "-" only')
    .default('pushstream.'),
  /** Replication factor for topics the service creates. @default 3 */
  TOPIC_REPLICATION_FACTOR: envPositiveInt.default(3),
  /** Create missing topics at start (existing ones are only checked). @default true */
  TOPIC_AUTO_CREATE: envBoolean.default(true),
  /** Consumer group of the service's input loop. @default `<TOPIC_PREFIX><SERVICE_NAME>`, e.g. pushstream.normalizer */
  CONSUMER_GROUP_ID: envString.optional(),
  /** How long start-up waits out Kafka or the registry being unreachable before giving up, ms. @default 300000 */
  STARTUP_RETRY_MS: envPositiveInt.default(300_000),
  /** Budget for the whole SIGTERM sequence, ms; keep it below the pod's grace period. @default 25000 */
  SHUTDOWN_TIMEOUT_MS: envPositiveInt.default(25_000),
  /**
   * Stop gracefully once the process with this pid is no longer our parent (set by the local launcher,
   * `npm start`, so a killed launcher leaves no service behind). Unset in containers.
   */
  EXIT_WITH_PARENT_PID: envPositiveInt.optional(),
} as const;

/** Cross-field rules: SASL needs both credentials, client TLS needs both cert and key. */
type RuntimeEnvBase = z.output<z.ZodObject<typeof runtimeEnvShape>>;

function checkRuntimeEnv(env: RuntimeEnvBase, ctx: z.RefinementCtx): void {
  if (env.KAFKA_SASL_MECHANISM !== undefined) {
    for (const name of ['KAFKA_SASL_USERNAME', 'KAFKA_SASL_PASSWORD'] as const) {
      if (env[name] === undefined)
        ctx.addIssue({
          code: 'custom',
          path: [name],
          message: `is required when KAFKA_SASL_MECHANISM is set`,
        });
    }
  }
  if ((env.KAFKA_SSL_CERT_FILE === undefined) !== (env.KAFKA_SSL_KEY_FILE === undefined)) {
    const missing = env.KAFKA_SSL_CERT_FILE === undefined ? 'KAFKA_SSL_CERT_FILE' : 'KAFKA_SSL_KEY_FILE';
    ctx.addIssue({
      code: 'custom',
      path: [missing],
      message: 'client TLS needs both KAFKA_SSL_CERT_FILE and KAFKA_SSL_KEY_FILE',
    });
  }
  if ((env.SCHEMA_REGISTRY_USERNAME === undefined) !== (env.SCHEMA_REGISTRY_PASSWORD === undefined)) {
    const missing =
      env.SCHEMA_REGISTRY_USERNAME === undefined ? 'SCHEMA_REGISTRY_USERNAME' : 'SCHEMA_REGISTRY_PASSWORD';
    ctx.addIssue({
      code: 'custom',
      path: [missing],
      message: 'registry basic auth needs both SCHEMA_REGISTRY_USERNAME and SCHEMA_REGISTRY_PASSWORD',
    });
  }
}

/**
 * The runtime's env schema extended with a service's own variables. Use with `loadConfig`.
 */
export function serviceEnvSchema<Extra extends z.ZodRawShape>(extra: Extra) {
  // The extended object's output always contains the runtime fields; zod cannot see that through the generic.
  return z
    .object({ ...runtimeEnvShape, ...extra })
    .superRefine((env, ctx) => checkRuntimeEnv(env as RuntimeEnvBase, ctx));
}

/** The env schema of a service that needs nothing beyond the runtime's variables. */
export const runtimeEnvSchema = serviceEnvSchema({});

/** Validated runtime variables. */
export type RuntimeEnv = z.output<typeof runtimeEnvSchema>;

/** How to reach Kafka, including TLS and SASL. */
export interface KafkaConnectionConfig {
  readonly clientId: string;
  readonly brokers: readonly string[];
  readonly ssl?: {
    readonly caFile?: string;
    readonly certFile?: string;
    readonly keyFile?: string;
    readonly rejectUnauthorized: boolean;
  };
  readonly sasl?: { readonly mechanism: SaslMechanism; readonly username: string; readonly password: string };
  readonly connectionTimeoutMs: number;
}

/** How to reach the schema registry. */
export interface RegistryConfig {
  readonly url: string;
  readonly auth?: { readonly username: string; readonly password: string };
}

/** The structured view of the runtime variables. */
export interface RuntimeConfig {
  readonly serviceName: string;
  readonly logLevel: (typeof LOG_LEVELS)[number];
  readonly httpPort: number;
  readonly kafka: KafkaConnectionConfig;
  readonly registry: RegistryConfig;
  readonly topicPrefix: string;
  readonly topicReplicationFactor: number;
  readonly topicAutoCreate: boolean;
  readonly shutdownTimeoutMs: number;
  /** How long start-up retries transient failures (see STARTUP_RETRY_MS). */
  readonly startupRetryMs: number;
  /** The service's consumer group (see CONSUMER_GROUP_ID). */
  readonly groupId: string;
  /** Stop once this pid is no longer the parent (see EXIT_WITH_PARENT_PID). */
  readonly exitWithParentPid?: number;
}

/** Turns validated env variables into the runtime's structured config. */
export function toRuntimeConfig(env: RuntimeEnv): RuntimeConfig {
  const sasl =
    env.KAFKA_SASL_MECHANISM !== undefined &&
    env.KAFKA_SASL_USERNAME !== undefined &&
    env.KAFKA_SASL_PASSWORD !== undefined
      ? {
          mechanism: env.KAFKA_SASL_MECHANISM,
          username: env.KAFKA_SASL_USERNAME,
          password: env.KAFKA_SASL_PASSWORD,
        }
      : undefined;
  const auth =
    env.SCHEMA_REGISTRY_USERNAME !== undefined && env.SCHEMA_REGISTRY_PASSWORD !== undefined
      ? { username: env.SCHEMA_REGISTRY_USERNAME, password: env.SCHEMA_REGISTRY_PASSWORD }
      : undefined;
  return {
    serviceName: env.SERVICE_NAME,
    logLevel: env.LOG_LEVEL,
    httpPort: env.HTTP_PORT,
    kafka: {
      clientId: env.KAFKA_CLIENT_ID ?? env.SERVICE_NAME,
      brokers: env.KAFKA_BROKERS,
      connectionTimeoutMs: env.KAFKA_CONNECTION_TIMEOUT_MS,
      ...(env.KAFKA_SSL
        ? {
            ssl: {
              rejectUnauthorized: env.KAFKA_SSL_REJECT_UNAUTHORIZED,
              ...(env.KAFKA_SSL_CA_FILE === undefined ? {} : { caFile: env.KAFKA_SSL_CA_FILE }),
              ...(env.KAFKA_SSL_CERT_FILE === undefined ? {} : { certFile: env.KAFKA_SSL_CERT_FILE }),
              ...(env.KAFKA_SSL_KEY_FILE === undefined ? {} : { keyFile: env.KAFKA_SSL_KEY_FILE }),
            },
          }
        : {}),
      ...(sasl === undefined ? {} : { sasl }),
    },
    registry: { url: env.SCHEMA_REGISTRY_URL, ...(auth === undefined ? {} : { auth }) },
    topicPrefix: env.TOPIC_PREFIX,
    topicReplicationFactor: env.TOPIC_REPLICATION_FACTOR,
    topicAutoCreate: env.TOPIC_AUTO_CREATE,
    shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS,
    groupId: consumerGroupOf(env),
    startupRetryMs: env.STARTUP_RETRY_MS,
    ...(env.EXIT_WITH_PARENT_PID === undefined ? {} : { exitWithParentPid: env.EXIT_WITH_PARENT_PID }),
  };
}

/**
 * The consumer group of a service: CONSUMER_GROUP_ID, else `<TOPIC_PREFIX><SERVICE_NAME>`. One convention for
 * every stage, so operators, the CLI and KEDA find a stage's lag under a predictable name, and two
 * deployments with different prefixes on one cluster never share a group.
 */
export function consumerGroupOf(env: {
  readonly CONSUMER_GROUP_ID?: string | undefined;
  readonly TOPIC_PREFIX: string;
  readonly SERVICE_NAME: string;
}): string {
  return env.CONSUMER_GROUP_ID ?? `${env.TOPIC_PREFIX}${env.SERVICE_NAME}`;
}

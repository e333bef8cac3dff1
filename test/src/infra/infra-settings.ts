import os from 'node:os';
import path from 'node:path';
import type { InfraMode } from './infra-types.js';

/** Kafka version started when `PUSHSTREAM_KAFKA_VERSION` is not set. */
export const DEFAULT_KAFKA_VERSION = '4.3.1';

/** The Apicurio Registry release the harness runs (local and testcontainers modes). */
export const APICURIO_VERSION = '3.3.3';

/** Every knob of the harness, resolved from the environment once per start. */
export interface InfraSettings {
  kafkaVersion: string;
  forcedMode: InfraMode | undefined;
  externalKafkaBrokers: string[] | undefined;
  externalRegistryUrl: string | undefined;
  kafkaStartTimeoutMs: number;
  registryStartTimeoutMs: number;
  mavenTimeoutMs: number;
  dockerDetectTimeoutMs: number;
  stopGraceMs: number;
  /** Downloads and extracted archives survive between runs here. */
  cacheDir: string;
  /** One directory per running local instance (owner pid, JVM pids, data, logs). */
  stateRoot: string;
  /** Maven's local repository, where `dependency:get` leaves the Apicurio archive. */
  mavenRepository: string;
  mavenCommand: string;
  javaHomeOverride: string | undefined;
}

/** Reads the harness settings from `env` (defaults to `process.env`). */
export function readInfraSettings(env: NodeJS.ProcessEnv = process.env): InfraSettings {
  const home = os.homedir();
  const cacheBase = nonEmpty(env['XDG_CACHE_HOME']) ?? path.join(home, '.cache');
  return {
    kafkaVersion: nonEmpty(env['PUSHSTREAM_KAFKA_VERSION']) ?? DEFAULT_KAFKA_VERSION,
    forcedMode: parseMode(env['PUSHSTREAM_INFRA_MODE']),
    externalKafkaBrokers: parseList(env['KAFKA_BROKERS']),
    externalRegistryUrl: nonEmpty(env['SCHEMA_REGISTRY_URL'])?.replace(/\/+$/, ''),
    kafkaStartTimeoutMs: parseMs(env, 'PUSHSTREAM_KAFKA_START_TIMEOUT_MS', 90_000),
    registryStartTimeoutMs: parseMs(env, 'PUSHSTREAM_REGISTRY_START_TIMEOUT_MS', 120_000),
    mavenTimeoutMs: parseMs(env, 'PUSHSTREAM_MAVEN_TIMEOUT_MS', 600_000),
    dockerDetectTimeoutMs: parseMs(env, 'PUSHSTREAM_DOCKER_DETECT_TIMEOUT_MS', 5_000),
    stopGraceMs: parseMs(env, 'PUSHSTREAM_STOP_GRACE_MS', 10_000),
    cacheDir: nonEmpty(env['PUSHSTREAM_CACHE_DIR']) ?? path.join(cacheBase, 'pushstream'),
    stateRoot: nonEmpty(env['PUSHSTREAM_INFRA_STATE_ROOT']) ?? path.join(os.tmpdir(), 'pushstream-infra'),
    mavenRepository: nonEmpty(env['PUSHSTREAM_M2_REPO']) ?? path.join(home, '.m2', 'repository'),
    mavenCommand: nonEmpty(env['PUSHSTREAM_MVN']) ?? 'mvn',
    javaHomeOverride: nonEmpty(env['PUSHSTREAM_JAVA_HOME']),
  };
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}

function parseList(value: string | undefined): string[] | undefined {
  const items = (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
  return items.length === 0 ? undefined : items;
}

function parseMode(value: string | undefined): InfraMode | undefined {
  const mode = nonEmpty(value);
  if (mode === undefined) return undefined;
  if (mode === 'external' || mode === 'testcontainers' || mode === 'local') return mode;
  throw new Error(`PUSHSTREAM_INFRA_MODE must be external, testcontainers or local, not '${mode}'`);
}

function parseMs(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = nonEmpty(env[name]);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0)
    throw new Error(`${name} must be a positive number of milliseconds, not '${raw}'`);
  return value;
}

import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { DetachedProcess } from './detached-process.js';
import { apicurioDistribution } from './apicurio-distribution.js';
import { onProcessExit } from './exit-hooks.js';
import { freeLoopbackPorts } from './free-ports.js';
import { APICURIO_VERSION, type InfraSettings } from './infra-settings.js';
import type { RunningInfra } from './infra-types.js';
import { InstanceDir } from './instance-dir.js';
import { ensureJava } from './pypi-java.js';
import { kafkaClasspath } from './kafka-classpath.js';
import { kafkaIsReady } from './kafka-readiness.js';
import { startLocalApicurio, type LocalApicurio } from './local-apicurio.js';
import { startLocalKafka, type LocalKafka } from './local-kafka.js';
import { isProcessAlive, signalGroup, terminateGroups } from './process-control.js';
import { waitUntilReady } from './readiness.js';
import { spawnReaper } from './reaper.js';
import { registryIsReady } from './registry-readiness.js';
import { sweepStaleInstances } from './stale-sweep.js';

/** Options of {@link startLocalInfra}. */
export interface LocalInfraOptions {
  settings: InfraSettings;
  kafkaVersion: string;
  log?: (line: string) => void;
  /**
   * False starts Kafka only (`schemaRegistryUrl` is then empty); for harness tests that need a real JVM
   * but not the registry's start-up cost.
   */
  withRegistry?: boolean;
}

/** A running local instance; `instanceDir`/`instanceId` identify its JVMs (their command lines carry the id). */
export interface LocalRunningInfra extends RunningInfra {
  instanceId: string;
  instanceDir: string;
  /**
   * Fault injection: SIGKILLs the broker, waits `downMs`, starts it again on the same ports and data and
   * waits until it is ready. Clients see a crashed broker come back, as after a node failure.
   */
  restartKafka(options?: { downMs?: number }): Promise<void>;
  /** The same for the schema registry (its H2 database file keeps every schema and id). */
  restartRegistry(options?: { downMs?: number }): Promise<void>;
}

/** Kafka 4 runs on Java 17+; Apicurio Registry 3.3 is compiled for Java 21. */
const KAFKA_MIN_JAVA = 17;
const APICURIO_MIN_JAVA = 21;

/**
 * Starts Kafka (KRaft, single node) and Apicurio Registry as local JVMs on free loopback ports, each in
 * its own process group, concurrently, and waits until both are ready. Stale instances of dead owners are
 * swept first; a detached reaper guarantees cleanup if this process dies without calling `stop()`.
 */
export async function startLocalInfra(options: LocalInfraOptions): Promise<LocalRunningInfra> {
  const { settings, kafkaVersion, log } = options;
  const withRegistry = options.withRegistry ?? true;
  const started = Date.now();

  const swept = await sweepStaleInstances(settings.stateRoot, settings.stopGraceMs);
  if (swept.removedInstances.length > 0) {
    log?.(
      `infra: swept ${swept.removedInstances.length} stale instance(s), killed pids [${swept.killedPids.join(', ')}]`,
    );
  }

  const javaSearch = {
    overrideHome: settings.javaHomeOverride,
    cacheDir: settings.cacheDir,
    ...(log ? { log } : {}),
  };
  const kafkaJava = ensureJava(KAFKA_MIN_JAVA, javaSearch);
  const registryJava = withRegistry ? ensureJava(APICURIO_MIN_JAVA, javaSearch) : undefined;
  const maven = {
    cacheDir: settings.cacheDir,
    mavenCommand: settings.mavenCommand,
    mavenTimeoutMs: settings.mavenTimeoutMs,
    ...(log ? { log } : {}),
  };
  const [classpath, distributionDir] = await Promise.all([
    kafkaClasspath({ ...maven, kafkaVersion }),
    withRegistry
      ? apicurioDistribution({
          ...maven,
          version: APICURIO_VERSION,
          mavenRepository: settings.mavenRepository,
        })
      : undefined,
  ]);
  const [brokerPort, controllerPort, httpPort, managementPort] = await freeLoopbackPorts(4);
  if (
    brokerPort === undefined ||
    controllerPort === undefined ||
    httpPort === undefined ||
    managementPort === undefined
  ) {
    throw new Error('could not reserve four loopback ports');
  }

  const instance = InstanceDir.create(settings.stateRoot);
  spawnReaper(instance, instance.owner, settings.stopGraceMs);
  const unregister = onProcessExit(() => {
    for (const record of instance.processes()) signalGroup(record.pid, 'SIGTERM');
  });

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      unregister();
      await terminateGroups(
        instance.processes().map((record) => record.pid),
        settings.stopGraceMs,
      );
      const reaper = instance.reaper();
      if (reaper !== undefined && isProcessAlive(reaper.pid)) signalGroup(reaper.pid, 'SIGTERM');
      instance.remove();
    })();
    return stopping;
  };

  try {
    let registry: LocalApicurio | undefined;
    let kafkaHandle: LocalKafka | undefined;
    let registryProcess: DetachedProcess | undefined;
    let kafkaProcess: DetachedProcess | undefined;
    let registryMs: number | undefined;
    const registryReady = (async () => {
      if (registryJava === undefined || distributionDir === undefined) return;
      registry = startLocalApicurio({
        instance,
        java: registryJava,
        distributionDir,
        cdsArchive: path.join(
          settings.cacheDir,
          `apicurio-registry-${APICURIO_VERSION}-java${registryJava.major}.jsa`,
        ),
        httpPort,
        managementPort,
      });
      const running = registry;
      registryProcess = running.process;
      await waitUntilReady({
        component: `Apicurio Registry ${APICURIO_VERSION}`,
        check: () => registryIsReady(`${running.baseUrl}/apis/ccompat/v7`),
        timeoutMs: settings.registryStartTimeoutMs,
        timeoutEnv: 'PUSHSTREAM_REGISTRY_START_TIMEOUT_MS',
        logFile: running.logFile,
        exited: () => running.process.exitReason(),
      });
      registryMs = Date.now() - running.process.startedAt;
      log?.(`infra: Apicurio Registry ${APICURIO_VERSION} ready in ${seconds(registryMs)}`);
    })();
    const kafkaReady = (async () => {
      const kafka = await startLocalKafka({
        instance,
        java: kafkaJava,
        classpath,
        brokerPort,
        controllerPort,
      });
      kafkaHandle = kafka;
      kafkaProcess = kafka.process;
      await waitUntilReady({
        component: `Kafka ${kafkaVersion}`,
        check: () => kafkaIsReady([kafka.bootstrap]),
        timeoutMs: settings.kafkaStartTimeoutMs,
        timeoutEnv: 'PUSHSTREAM_KAFKA_START_TIMEOUT_MS',
        logFile: kafka.logFile,
        exited: () => kafka.process.exitReason(),
        intervalMs: 500,
      });
      const kafkaMs = Date.now() - kafka.formatStartedAt;
      log?.(`infra: Kafka ${kafkaVersion} ready in ${seconds(kafkaMs)} (storage format included)`);
      return kafkaMs;
    })();
    // The first failure wins: stop() below kills the other JVM, which ends its wait too.
    const [kafkaMs] = await Promise.all([kafkaReady, registryReady]);
    return {
      mode: 'local',
      kafkaBrokers: [`127.0.0.1:${brokerPort}`],
      schemaRegistryUrl: registry === undefined ? '' : `${registry.baseUrl}/apis/ccompat/v7`,
      kafkaVersion,
      registryVersion: withRegistry ? APICURIO_VERSION : 'none',
      timings: {
        totalMs: Date.now() - started,
        kafkaMs,
        ...(registryMs === undefined ? {} : { registryMs }),
      },
      instanceId: instance.id,
      instanceDir: instance.dir,
      stop,
      async restartKafka(restart = {}) {
        if (kafkaHandle === undefined || kafkaProcess === undefined) throw new Error('Kafka is not running');
        const handle = kafkaHandle;
        await killAndWait(kafkaProcess, restart.downMs);
        const next = handle.restart();
        kafkaProcess = next;
        await waitUntilReady({
          component: `Kafka ${kafkaVersion} (restart)`,
          check: () => kafkaIsReady([handle.bootstrap]),
          timeoutMs: settings.kafkaStartTimeoutMs,
          timeoutEnv: 'PUSHSTREAM_KAFKA_START_TIMEOUT_MS',
          logFile: handle.logFile,
          exited: () => next.exitReason(),
          intervalMs: 500,
        });
      },
      async restartRegistry(restart = {}) {
        if (registry === undefined || registryProcess === undefined)
          throw new Error('the registry is not running');
        const handle = registry;
        await killAndWait(registryProcess, restart.downMs);
        const next = handle.restart();
        registryProcess = next;
        await waitUntilReady({
          component: `Apicurio Registry ${APICURIO_VERSION} (restart)`,
          check: () => registryIsReady(`${handle.baseUrl}/apis/ccompat/v7`),
          timeoutMs: settings.registryStartTimeoutMs,
          timeoutEnv: 'PUSHSTREAM_REGISTRY_START_TIMEOUT_MS',
          logFile: handle.logFile,
          exited: () => next.exitReason(),
        });
      },
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function killAndWait(process: DetachedProcess, downMs = 0): Promise<void> {
  signalGroup(process.pid, 'SIGKILL');
  await process.exited;
  if (downMs > 0) await sleep(downMs);
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

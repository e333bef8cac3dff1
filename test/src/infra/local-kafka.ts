import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { spawnDetached, type DetachedProcess } from './detached-process.js';
import type { InstanceDir } from './instance-dir.js';
import type { JavaRuntime } from './java-runtime.js';
import { kafkaServerProperties } from './kafka-server-config.js';
import { infraAssetPath } from './package-paths.js';

/** Everything needed to start one local broker. */
export interface LocalKafkaOptions {
  instance: InstanceDir;
  java: JavaRuntime;
  classpath: string;
  brokerPort: number;
  controllerPort: number;
}

/** A started (not necessarily ready) local broker. */
export interface LocalKafka {
  process: DetachedProcess;
  bootstrap: string;
  logFile: string;
  /** `Date.now()` before the storage format, the first step of a start. */
  formatStartedAt: number;
  /** Starts the broker again on the same ports and data (after it was killed); returns the new process. */
  restart(): DetachedProcess;
}

/**
 * Formats a KRaft log directory (`StorageTool format --standalone`, dynamic quorum with this node as the
 * only voter) and starts `kafka.Kafka` on it, in the instance directory.
 */
export async function startLocalKafka(options: LocalKafkaOptions): Promise<LocalKafka> {
  const { instance } = options;
  const formatStartedAt = Date.now();
  const dataDir = instance.file('kafka-data');
  mkdirSync(dataDir, { recursive: true });
  const propertiesFile = instance.file('server.properties');
  writeFileSync(
    propertiesFile,
    kafkaServerProperties({
      brokerPort: options.brokerPort,
      controllerPort: options.controllerPort,
      dataDir,
    }),
  );
  const logFile = instance.file('kafka.log');
  const common = [
    `-D${instance.marker}`,
    '-cp',
    options.classpath,
    `-Dlog4j2.configurationFile=${infraAssetPath('kafka', 'log4j2.xml')}`,
  ];

  await formatStorage(
    options.java,
    [...common, 'kafka.tools.StorageTool', 'format', '--standalone', '-t', clusterId(), '-c', propertiesFile],
    logFile,
  );

  const jvm = spawnKafka(options, common, propertiesFile, logFile);
  return {
    process: jvm,
    bootstrap: `127.0.0.1:${options.brokerPort}`,
    logFile,
    formatStartedAt,
    restart: () => spawnKafka(options, common, propertiesFile, logFile),
  };
}

/** Starts `kafka.Kafka` on an already formatted log directory (a first start or a restart after a kill). */
function spawnKafka(
  options: LocalKafkaOptions,
  common: readonly string[],
  propertiesFile: string,
  logFile: string,
): DetachedProcess {
  const jvm = spawnDetached(
    options.java.executable,
    [
      '-Xms128m',
      '-Xmx512m',
      '-XX:+UseSerialGC',
      '-Djava.awt.headless=true',
      ...common,
      'kafka.Kafka',
      propertiesFile,
    ],
    { cwd: options.instance.dir, logFile },
  );
  options.instance.recordProcess({ name: 'kafka', pid: jvm.pid, marker: options.instance.marker });
  return jvm;
}

/**
 * A random cluster id in Kafka's format: 16 bytes, URL-safe base64 without padding. Like Kafka's own
 * `Uuid.randomUuid`, an id starting with '-' is drawn again: the storage tool would parse it as an option.
 */
export function clusterId(): string {
  for (;;) {
    const id = randomBytes(16).toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}

function formatStorage(java: JavaRuntime, args: string[], logFile: string): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(
      java.executable,
      args,
      { timeout: 60_000, killSignal: 'SIGKILL', maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const output = `${stdout}${stderr}`;
        try {
          writeFileSync(logFile, `--- StorageTool format ---\n${output}\n--- kafka.Kafka ---\n`, {
            flag: 'a',
          });
        } catch (writeError) {
          // The instance was stopped (and its directory removed) while formatting.
          reject(writeError instanceof Error ? writeError : new Error(String(writeError)));
          return;
        }
        if (error === null) resolve();
        else
          reject(
            new Error(
              `Kafka storage format failed: ${error.message}\n${output.trim().split('\n').slice(-40).join('\n')}`,
            ),
          );
      },
    );
  });
}

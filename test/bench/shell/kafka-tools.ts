import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureJava, mavenClasspath, readInfraSettings, type JavaRuntime } from '@pushstream/test-kit/infra';
import { PeakRss } from './process-memory.ts';

const TOOLS_DIR = fileURLToPath(new URL('../kafka-tools/', import.meta.url));

/** A resolved Kafka tools installation: a Java and the classpath of `org.apache.kafka:kafka-tools`. */
export interface KafkaTools {
  readonly java: JavaRuntime;
  readonly classpath: string;
  readonly kafkaVersion: string;
}

/** What a tool printed and how much memory its JVM used at most. */
export interface ToolRun {
  readonly stdout: string;
  readonly stderr: string;
  readonly peakRssBytes: number | undefined;
}

/**
 * Resolves `org.apache.kafka:kafka-tools` of `kafkaVersion` and its dependencies from Maven Central the way
 * the harness resolves the broker (`test/bench/kafka-tools/pom.xml`, classpath cached per version and pom).
 */
export async function resolveKafkaTools(
  kafkaVersion: string,
  log: (line: string) => void,
): Promise<KafkaTools> {
  const settings = readInfraSettings();
  const java = ensureJava(17, { overrideHome: settings.javaHomeOverride, cacheDir: settings.cacheDir, log });
  const classpath = await mavenClasspath({
    kafkaVersion,
    cacheDir: settings.cacheDir,
    mavenCommand: settings.mavenCommand,
    mavenTimeoutMs: settings.mavenTimeoutMs,
    log,
    pom: path.join(TOOLS_DIR, 'pom.xml'),
    cacheName: 'kafka-tools',
    label: `kafka-tools ${kafkaVersion} jars`,
  });
  return { java, classpath, kafkaVersion };
}

/**
 * Runs one tool class (e.g. `org.apache.kafka.tools.ProducerPerformance`) to completion, sampling its RSS;
 * rejects with its output when it exits non-zero or runs longer than `timeoutMs`.
 */
export function runKafkaTool(
  tools: KafkaTools,
  mainClass: string,
  args: readonly string[],
  timeoutMs = 300_000,
): Promise<ToolRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      tools.java.executable,
      [
        '-Xms128m',
        '-Xmx512m',
        '-Djava.awt.headless=true',
        `-Dlog4j2.configurationFile=${path.join(TOOLS_DIR, 'log4j2.xml')}`,
        '-cp',
        tools.classpath,
        mainClass,
        ...args,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const peak = new PeakRss();
    const sampler = setInterval(() => peak.sample('jvm', child.pid), 200);
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.once('error', (error) => {
      clearInterval(sampler);
      clearTimeout(timer);
      reject(error);
    });
    child.once('exit', (code, signal) => {
      clearInterval(sampler);
      clearTimeout(timer);
      if (code === 0) {
        resolve({ stdout, stderr, peakRssBytes: peak.values()['jvm'] });
        return;
      }
      const output = `${stdout}\n${stderr}`.trim().split('\n').slice(-20).join('\n');
      reject(new Error(`${mainClass} ended with ${signal ?? `code ${String(code)}`}:\n${output}`));
    });
  });
}

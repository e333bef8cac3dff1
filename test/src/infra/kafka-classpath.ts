import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import path from 'node:path';
import { runMaven } from './maven.js';
import { infraAssetPath } from './package-paths.js';

/** Where to resolve Kafka's jars and how long Maven may take. */
export interface KafkaClasspathOptions {
  kafkaVersion: string;
  cacheDir: string;
  mavenCommand: string;
  mavenTimeoutMs: number;
  log?: (line: string) => void;
}

/**
 * The Java classpath of a Kafka server of the given version (jars from Maven Central, kept in ~/.m2).
 * The list Maven computes is cached per version and per content of the pom, so later starts skip Maven,
 * unless a listed jar has disappeared from the local repository.
 */
export async function kafkaClasspath(options: KafkaClasspathOptions): Promise<string> {
  return mavenClasspath({
    ...options,
    pom: infraAssetPath('kafka', 'pom.xml'),
    cacheName: 'kafka',
    label: `Kafka ${options.kafkaVersion} jars`,
  });
}

/** A pom whose runtime classpath to resolve, and where to cache it. */
export interface MavenClasspathOptions extends KafkaClasspathOptions {
  /** A `pom`-packaged project listing the dependencies (its `${kafka.version}` is set from kafkaVersion). */
  pom: string;
  /** Sub-directory of the cache directory holding the cached classpath files. */
  cacheName: string;
  /** What is being resolved, for the progress line. */
  label: string;
}

/**
 * The runtime classpath of a pom's dependencies (Maven `dependency:build-classpath`), cached per Kafka
 * version and pom content like {@link kafkaClasspath}; the benchmarks resolve Kafka's tools with it.
 */
export async function mavenClasspath(options: MavenClasspathOptions): Promise<string> {
  const pomHash = createHash('sha256').update(readFileSync(options.pom)).digest('hex').slice(0, 12);
  const dir = path.join(options.cacheDir, options.cacheName);
  const cached = path.join(dir, `classpath-${options.kafkaVersion}-${pomHash}.txt`);
  const existing = readClasspath(cached);
  if (existing !== undefined) return existing;

  mkdirSync(dir, { recursive: true });
  const partial = `${cached}.${process.pid}.tmp`;
  options.log?.(`infra: resolving ${options.label} with Maven (first run only)`);
  await runMaven(
    options.mavenCommand,
    [
      '-f',
      options.pom,
      'dependency:build-classpath',
      `-Dkafka.version=${options.kafkaVersion}`,
      `-Dmdep.outputFile=${partial}`,
    ],
    options.mavenTimeoutMs,
  );
  renameSync(partial, cached);
  const resolved = readClasspath(cached);
  if (resolved === undefined) throw new Error(`Maven wrote an unusable classpath to ${cached}`);
  return resolved;
}

function readClasspath(file: string): string | undefined {
  if (!existsSync(file)) return undefined;
  const classpath = readFileSync(file, 'utf8').trim();
  const jars = classpath.split(path.delimiter).filter((jar) => jar !== '');
  if (jars.length === 0 || !jars.every((jar) => existsSync(jar))) return undefined;
  return jars.join(path.delimiter);
}

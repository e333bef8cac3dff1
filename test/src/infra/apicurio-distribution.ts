import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { runMaven } from './maven.js';

/** Where to find or put the Apicurio Registry distribution. */
export interface ApicurioDistributionOptions {
  version: string;
  cacheDir: string;
  mavenRepository: string;
  mavenCommand: string;
  mavenTimeoutMs: number;
  log?: (line: string) => void;
}

/**
 * The directory of an extracted `apicurio-registry-app-<version>-all.tar.gz` (Quarkus fast-jar layout with
 * `quarkus-run.jar`). The archive comes from Maven Central through `mvn dependency:get` when it is not in the
 * local repository; it is extracted once into the cache, through a temporary directory and a rename so a
 * concurrent or interrupted extraction never leaves a half-filled directory behind.
 */
export async function apicurioDistribution(options: ApicurioDistributionOptions): Promise<string> {
  const target = path.join(options.cacheDir, `apicurio-registry-${options.version}`);
  if (existsSync(path.join(target, 'quarkus-run.jar'))) return target;

  const coordinates = `io.apicurio:apicurio-registry-app:${options.version}:tar.gz:all`;
  const archive = path.join(
    options.mavenRepository,
    'io',
    'apicurio',
    'apicurio-registry-app',
    options.version,
    `apicurio-registry-app-${options.version}-all.tar.gz`,
  );
  if (!existsSync(archive)) {
    options.log?.(`infra: downloading ${coordinates} with Maven (first run only)`);
    await runMaven(
      options.mavenCommand,
      ['dependency:get', `-Dartifact=${coordinates}`, '-Dtransitive=false'],
      options.mavenTimeoutMs,
    );
    if (!existsSync(archive)) {
      throw new Error(
        `Maven fetched ${coordinates} but it is not at ${archive}; set PUSHSTREAM_M2_REPO to Maven's local repository`,
      );
    }
  }

  mkdirSync(options.cacheDir, { recursive: true });
  const partial = `${target}.${process.pid}.partial`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial);
  try {
    await untar(archive, partial);
    if (!existsSync(path.join(partial, 'quarkus-run.jar')))
      throw new Error(`${archive} has no quarkus-run.jar at its root`);
    try {
      renameSync(partial, target);
    } catch (error) {
      // Another process finished the same extraction first: use its result.
      if (!existsSync(path.join(target, 'quarkus-run.jar'))) throw error;
    }
  } finally {
    rmSync(partial, { recursive: true, force: true });
  }
  return target;
}

function untar(archive: string, into: string): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile('tar', ['-xzf', archive, '-C', into], { timeout: 300_000 }, (error, _stdout, stderr) => {
      if (error === null) resolve();
      else reject(new Error(`tar -xzf ${archive} failed: ${error.message}\n${stderr}`));
    });
  });
}

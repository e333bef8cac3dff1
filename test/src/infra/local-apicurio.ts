import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { spawnDetached, type DetachedProcess } from './detached-process.js';
import type { InstanceDir } from './instance-dir.js';
import { classDataSharingFlags, type JavaRuntime } from './java-runtime.js';

/** Everything needed to start one local Apicurio Registry. */
export interface LocalApicurioOptions {
  instance: InstanceDir;
  java: JavaRuntime;
  /** Extracted distribution (see `apicurio-distribution.ts`). */
  distributionDir: string;
  /** Class-data-sharing archive, shared by all instances of this version and Java. */
  cdsArchive: string;
  httpPort: number;
  managementPort: number;
}

/** A started (not necessarily ready) local registry. */
export interface LocalApicurio {
  process: DetachedProcess;
  /** `http://127.0.0.1:<port>` */
  baseUrl: string;
  logFile: string;
  /** Starts the registry again on the same ports and database (after it was killed); returns the new process. */
  restart(): DetachedProcess;
}

/**
 * Starts Apicurio Registry (H2 storage in a file of the instance, so schema ids survive a restart of the
 * registry, as they do with a production database) with its own working directory inside the
 * instance. Settings chosen for a small, quick test registry (start-up went from ~5 s to ~3 s, RSS from
 * ~260 MB to ~200 MB on the 2-core machine): serial GC and C1 only, the CDS archive, 1 pooled DB connection
 * instead of 20, no access log. The management interface cannot be switched off (fixed at build time), so it
 * gets its own free loopback port instead of the default 0.0.0.0:9000, which two instances would fight over.
 * Deletion through the API is allowed so tests can clean up subjects.
 */
export function startLocalApicurio(options: LocalApicurioOptions): LocalApicurio {
  const { instance } = options;
  const workDir = instance.file('apicurio');
  mkdirSync(workDir, { recursive: true });
  const logFile = instance.file('apicurio.log');
  const settings: Record<string, string | number> = {
    'quarkus.http.host': '127.0.0.1',
    'quarkus.http.port': options.httpPort,
    'quarkus.management.host': '127.0.0.1',
    'quarkus.management.port': options.managementPort,
    'quarkus.http.access-log.enabled': 'false',
    'quarkus.otel.sdk.disabled': 'true',
    'apicurio.storage.kind': 'sql',
    'apicurio.storage.sql.kind': 'h2',
    // WRITE_DELAY=0: each commit reaches the file at once. H2 otherwise flushes up to 500 ms later, and a
    // schema registered just before a SIGKILL (the fault suites restart the registry) was lost.
    'apicurio.datasource.url': `jdbc:h2:file:${path.join(workDir, 'registry-db')};WRITE_DELAY=0`,
    'apicurio.datasource.jdbc.initial-size': 1,
    'apicurio.datasource.jdbc.min-size': 1,
    'apicurio.datasource.jdbc.max-size': 10,
    'apicurio.rest.deletion.group.enabled': 'true',
    'apicurio.rest.deletion.artifact.enabled': 'true',
    'apicurio.rest.deletion.artifact-version.enabled': 'true',
    'apicurio.storage.snapshot.location': workDir,
    'apicurio.import.work-dir': workDir,
  };
  const args = [
    `-D${instance.marker}`,
    '-Xms64m',
    '-Xmx512m',
    '-XX:+UseSerialGC',
    '-XX:TieredStopAtLevel=1',
    ...classDataSharingFlags(options.java, options.cdsArchive),
    `-Djava.io.tmpdir=${workDir}`,
    ...Object.entries(settings).map(([key, value]) => `-D${key}=${String(value)}`),
    '-jar',
    path.join(options.distributionDir, 'quarkus-run.jar'),
  ];
  const spawnRegistry = () => {
    const jvm = spawnDetached(options.java.executable, args, { cwd: workDir, logFile });
    instance.recordProcess({ name: 'apicurio', pid: jvm.pid, marker: instance.marker });
    return jvm;
  };
  return {
    process: spawnRegistry(),
    baseUrl: `http://127.0.0.1:${options.httpPort}`,
    logFile,
    restart: spawnRegistry,
  };
}

import { existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';

/** A Java installation usable to start a JVM. */
export interface JavaRuntime {
  /** The `java` executable. */
  executable: string;
  home: string;
  /** Feature release, e.g. 17 or 25. */
  major: number;
}

/**
 * Finds a Java of at least `minMajor`, trying in order: `overrideHome` (PUSHSTREAM_JAVA_HOME), JAVA_HOME,
 * the `java` on PATH, then every JDK under /usr/lib/jvm (newest first). Apicurio Registry 3.3 is compiled
 * for Java 21 while Debian's default here is 17, hence the search instead of just `java`.
 */
export function findJava(minMajor: number, overrideHome?: string): JavaRuntime {
  const seen: string[] = [];
  for (const home of candidateHomes(overrideHome)) {
    const runtime = describeHome(home);
    if (runtime === undefined) continue;
    seen.push(`${runtime.home} (Java ${runtime.major})`);
    if (runtime.major >= minMajor) return runtime;
  }
  throw new Error(
    `no Java ${minMajor}+ found (looked at: ${seen.join(', ') || 'nothing'}); ` +
      `install one (e.g. a Temurin or OpenJDK ${minMajor}+) and set PUSHSTREAM_JAVA_HOME to it`,
  );
}

function* candidateHomes(overrideHome: string | undefined): Generator<string> {
  if (overrideHome !== undefined) yield overrideHome;
  const javaHome = process.env['JAVA_HOME'];
  if (javaHome !== undefined && javaHome !== '') yield javaHome;
  const onPath = javaOnPath();
  if (onPath !== undefined) yield path.dirname(path.dirname(onPath));
  const jvmDir = '/usr/lib/jvm';
  if (!existsSync(jvmDir)) return;
  const homes = readdirSync(jvmDir)
    .map((name) => path.join(jvmDir, name))
    .map((home) => describeHome(home))
    .filter((runtime): runtime is JavaRuntime => runtime !== undefined)
    .sort((a, b) => b.major - a.major);
  for (const runtime of homes) yield runtime.home;
}

function javaOnPath(): string | undefined {
  for (const dir of (process.env['PATH'] ?? '').split(path.delimiter)) {
    if (dir === '') continue;
    const candidate = path.join(dir, 'java');
    if (existsSync(candidate)) return realpathSync(candidate);
  }
  return undefined;
}

function describeHome(home: string): JavaRuntime | undefined {
  const executable = path.join(home, 'bin', 'java');
  if (!existsSync(executable)) return undefined;
  const major = readMajor(home);
  if (major === undefined) return undefined;
  return { executable, home: realpathSync(home), major };
}

/** The JDK's `release` file says e.g. JAVA_VERSION="17.0.15" (or "1.8.0_402" for Java 8). */
function readMajor(home: string): number | undefined {
  try {
    const release = readFileSync(path.join(home, 'release'), 'utf8');
    const match = /^JAVA_VERSION="(\d+)(?:\.(\d+))?/m.exec(release);
    if (match?.[1] === undefined) return undefined;
    const first = Number(match[1]);
    return first === 1 && match[2] !== undefined ? Number(match[2]) : first;
  } catch {
    return undefined;
  }
}

/**
 * JVM flags for a class-data-sharing archive kept in the cache: on Java 19+ the JVM creates the archive on
 * its first clean exit and maps it afterwards, which cut Apicurio's start from ~5 s to ~3 s here.
 * Older JVMs get no flag.
 */
export function classDataSharingFlags(java: JavaRuntime, archive: string): string[] {
  return java.major >= 19 ? ['-XX:+AutoCreateSharedArchive', `-XX:SharedArchiveFile=${archive}`] : [];
}

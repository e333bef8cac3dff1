import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import os from 'node:os';
import type { BenchMeta } from '../core/bench-results.ts';

/** CPU, cores, memory, OS and the load average now. */
export function machineInfo(): BenchMeta['machine'] {
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model.trim() ?? 'unknown CPU',
    cores: cpus.length,
    memoryBytes: os.totalmem(),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    loadAverage: os.loadavg(),
  };
}

/** Version of an installed npm package, or `unknown`. */
export function packageVersion(name: string): string {
  try {
    const require = createRequire(import.meta.url);
    const manifest: unknown = require(`${name}/package.json`);
    return typeof manifest === 'object' &&
      manifest !== null &&
      'version' in manifest &&
      typeof manifest.version === 'string'
      ? manifest.version
      : 'unknown';
  } catch {
    return 'unknown';
  }
}

/** `abc1234` (with ` (uncommitted changes)` when the work tree differs), or undefined outside git. */
export function gitCommit(cwd: string): string | undefined {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain'], { cwd, encoding: 'utf8' }).trim() !== '';
    return dirty ? `${commit} (uncommitted changes)` : commit;
  } catch {
    return undefined;
  }
}

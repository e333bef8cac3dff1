import { execFileSync } from 'node:child_process';
import { mkdirSync, renameSync, rmSync } from 'node:fs';

/**
 * Installs one PyPI package (without its dependencies unless `withDependencies`) with
 * `python3 -m pip install --target` into `target`: into a staging folder first, renamed into place only
 * when pip succeeded, so an interrupted install never leaves a half-filled `target` that later runs would
 * trust. Throws pip's error otherwise.
 */
export function installPypiPackage(
  requirement: string,
  target: string,
  options: { readonly withDependencies?: boolean } = {},
): void {
  const staging = `${target}.tmp-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  try {
    execFileSync(
      'python3',
      [
        '-m',
        'pip',
        'install',
        '--quiet',
        '--disable-pip-version-check',
        ...(options.withDependencies === true ? [] : ['--no-deps']),
        '--target',
        staging,
        requirement,
      ],
      { stdio: ['ignore', 'ignore', 'pipe'], timeout: 600_000 },
    );
    rmSync(target, { recursive: true, force: true });
    renameSync(staging, target);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
}

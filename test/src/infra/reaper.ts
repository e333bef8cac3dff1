import { spawn } from 'node:child_process';
import type { InstanceDir, OwnerRecord } from './instance-dir.js';
import { infraAssetPath } from './package-paths.js';

/**
 * Starts the detached reaper (`test/infra/reaper.mjs`) of `instance`: it polls the owner about once a
 * second and, once the owner is gone, terminates the instance's recorded process groups and deletes the
 * instance directory. This is what cleans up after a SIGKILLed test run.
 */
export function spawnReaper(
  instance: InstanceDir,
  owner: Pick<OwnerRecord, 'pid' | 'startTime'>,
  graceMs: number,
): number {
  const script = infraAssetPath('reaper.mjs');
  const child = spawn(
    process.execPath,
    [script, instance.dir, String(owner.pid), owner.startTime ?? '-', String(graceMs)],
    { detached: true, stdio: 'ignore' },
  );
  child.on('error', () => {
    // Reported through the missing pid below; the sweep on the next start is the fallback.
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error(`could not start the infra reaper (${process.execPath} ${script})`);
  child.unref();
  instance.recordReaper({ name: 'reaper', pid, marker: instance.dir });
  return pid;
}

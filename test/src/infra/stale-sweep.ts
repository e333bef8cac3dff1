import { rmSync, statSync } from 'node:fs';
import { listInstanceDirs, readOwner, readPids, type ProcessRecord } from './instance-dir.js';
import { isProcessAlive, processCommandLine, terminateGroups } from './process-control.js';

/** What a sweep did, for logs and tests. */
export interface SweepResult {
  removedInstances: string[];
  killedPids: number[];
}

/** Instance directories without a readable owner younger than this are being created right now. */
const UNOWNED_GRACE_MS = 60_000;

/**
 * Cleans up after owners that died without stopping their instance (and whose reaper did not finish):
 * for every instance directory under `stateRoot` whose owner process is gone, terminates the recorded
 * process groups whose leader still carries the instance marker (a reused pid belongs to someone else and
 * is left alone), then deletes the directory.
 */
export async function sweepStaleInstances(stateRoot: string, graceMs: number): Promise<SweepResult> {
  const result: SweepResult = { removedInstances: [], killedPids: [] };
  for (const dir of listInstanceDirs(stateRoot)) {
    const owner = readOwner(dir);
    if (owner === undefined) {
      if (ageMs(dir) < UNOWNED_GRACE_MS) continue;
    } else if (isProcessAlive(owner.pid, owner.startTime ?? undefined)) {
      continue;
    }
    const pids = readPids(dir);
    const victims = [...pids.processes, ...(pids.reaper === undefined ? [] : [pids.reaper])].filter(
      stillOurs,
    );
    const pgids = victims.map((victim) => victim.pid);
    await terminateGroups(pgids, graceMs);
    result.killedPids.push(...pgids);
    rmSync(dir, { recursive: true, force: true });
    result.removedInstances.push(dir);
  }
  return result;
}

function stillOurs(record: ProcessRecord): boolean {
  return isProcessAlive(record.pid) && (processCommandLine(record.pid)?.includes(record.marker) ?? false);
}

function ageMs(dir: string): number {
  try {
    return Date.now() - statSync(dir).mtimeMs;
  } catch {
    return 0;
  }
}

import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * The kernel's start time of `pid` (clock ticks since boot, from /proc), or undefined when unknown. Together
 * with the pid it identifies a process across pid reuse.
 */
export function processStartTime(pid: number): string | undefined {
  return readStatFields(pid)?.[19];
}

/** True while `pid` exists and is not a zombie (and, when given, still has the recorded start time). */
export function isProcessAlive(pid: number, startTime?: string): boolean {
  const fields = readStatFields(pid);
  if (fields !== undefined) {
    if (fields[0] === 'Z' || fields[0] === 'X') return false;
    return startTime === undefined || fields[19] === startTime;
  }
  // No /proc (not Linux): signal 0 tells existence only.
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return isErrno(error, 'EPERM');
  }
}

/** The command line of `pid` joined with spaces, or undefined when the process is gone or unreadable. */
export function processCommandLine(pid: number): string | undefined {
  try {
    const raw = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return raw.length === 0 ? undefined : raw.split('\0').join(' ').trim();
  } catch {
    return undefined;
  }
}

/** True while any process of the group `pgid` exists (zombies included: they go away when reaped). */
export function isGroupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (error) {
    return isErrno(error, 'EPERM');
  }
}

/** Sends `signal` to the whole process group; a group that is already gone is not an error. */
export function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch (error) {
    if (!isErrno(error, 'ESRCH')) throw error;
  }
}

/**
 * SIGTERM to each group, up to `graceMs` for them to exit, then SIGKILL to the stragglers and a short wait
 * for the kernel to reap them. `alive` decides when a group counts as gone (default: its leader is).
 */
export async function terminateGroups(
  pgids: readonly number[],
  graceMs: number,
  alive: (pgid: number) => boolean = (pgid) => isProcessAlive(pgid),
): Promise<void> {
  for (const pgid of pgids) signalGroup(pgid, 'SIGTERM');
  if (await waitUntilGone(pgids, alive, graceMs)) return;
  for (const pgid of pgids) if (alive(pgid)) signalGroup(pgid, 'SIGKILL');
  await waitUntilGone(pgids, alive, 5_000);
}

async function waitUntilGone(
  pgids: readonly number[],
  alive: (pgid: number) => boolean,
  ms: number,
): Promise<boolean> {
  const deadline = Date.now() + ms;
  for (;;) {
    if (pgids.every((pgid) => !alive(pgid))) return true;
    if (Date.now() >= deadline) return false;
    await sleep(100);
  }
}

function readStatFields(pid: number): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name in parentheses may hold spaces; fields are counted after its closing parenthesis.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

function isErrno(error: unknown, code: string): boolean {
  return error instanceof Error && 'code' in error && error.code === code;
}

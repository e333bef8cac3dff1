import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';

/** A process started in its own process group, with its output in a log file. */
export interface DetachedProcess {
  pid: number;
  child: ChildProcess;
  logFile: string;
  /** `Date.now()` when it was spawned. */
  startedAt: number;
  /** Why it exited (`code 1`, `signal SIGKILL`), or undefined while it runs. */
  exitReason(): string | undefined;
  /** Resolves when it has exited. */
  exited: Promise<void>;
}

/**
 * Spawns `command` detached (its own process group, so a group signal reaches it and a Ctrl-C in the
 * owner's terminal does not), stdout+stderr appended to `logFile`, unreferenced so it never keeps the
 * owner's event loop alive.
 */
export function spawnDetached(
  command: string,
  args: readonly string[],
  options: { cwd: string; logFile: string; env?: NodeJS.ProcessEnv },
): DetachedProcess {
  const startedAt = Date.now();
  const fd = openSync(options.logFile, 'a');
  let child: ChildProcess;
  try {
    child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      detached: true,
      stdio: ['ignore', fd, fd],
    });
  } finally {
    closeSync(fd);
  }
  let reason: string | undefined;
  const exited = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      reason = signal === null ? `code ${String(code)}` : `signal ${signal}`;
      resolve();
    });
    child.once('error', (error) => {
      reason = error.message;
      resolve();
    });
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error(`could not start ${command} (see ${options.logFile})`);
  child.unref();
  return { pid, child, logFile: options.logFile, startedAt, exitReason: () => reason, exited };
}

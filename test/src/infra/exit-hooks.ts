/** Synchronous last-resort cleanup of one running instance (signal its process groups). */
export type ExitCleanup = () => void;

const cleanups = new Set<ExitCleanup>();
const SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

function runAll(): void {
  for (const cleanup of cleanups) {
    try {
      cleanup();
    } catch {
      // Best effort: the reaper finishes the job.
    }
  }
}

function onExit(): void {
  runAll();
}

function onSignal(signal: NodeJS.Signals): void {
  runAll();
  uninstall();
  // Our listener replaced Node's default "die on signal": restore it unless someone else (e.g. a test
  // runner) handles the signal.
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
}

function install(): void {
  process.on('exit', onExit);
  for (const signal of SIGNALS) process.on(signal, onSignal);
}

function uninstall(): void {
  process.off('exit', onExit);
  for (const signal of SIGNALS) process.off(signal, onSignal);
}

/**
 * Registers `cleanup` to run when this process exits or receives SIGINT/SIGTERM/SIGHUP; returns the
 * function that unregisters it. Only synchronous work is possible there, so the cleanup just signals the
 * JVMs; the reaper covers whatever that misses (and SIGKILL, which runs no handler at all).
 */
export function onProcessExit(cleanup: ExitCleanup): () => void {
  if (cleanups.size === 0) install();
  cleanups.add(cleanup);
  return () => {
    if (cleanups.delete(cleanup) && cleanups.size === 0) uninstall();
  };
}

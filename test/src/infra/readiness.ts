import { setTimeout as sleep } from 'node:timers/promises';
import { logTail } from './log-tail.js';

/** A component did not become ready; the message carries the end of its log. */
export class ReadinessError extends Error {
  override readonly name = 'ReadinessError';
}

/** What {@link waitUntilReady} polls and how it reports failure. */
export interface ReadinessProbe {
  /** Human name used in messages, e.g. `Kafka 4.3.1`. */
  component: string;
  /** Resolves true when ready; false or a rejection means "not yet" (the last rejection is reported). */
  check: () => Promise<boolean>;
  timeoutMs: number;
  /** Log file whose tail goes into the error. */
  logFile: string;
  /** Name of the environment variable that overrides `timeoutMs`, quoted in the error. */
  timeoutEnv: string;
  /** Set when the process died: the wait stops at once instead of running out the clock. */
  exited?: () => string | undefined;
  intervalMs?: number;
}

/** Polls `probe.check` until it succeeds; throws a {@link ReadinessError} with the log tail otherwise. */
export async function waitUntilReady(probe: ReadinessProbe): Promise<void> {
  const deadline = Date.now() + probe.timeoutMs;
  let lastProblem: string;
  for (;;) {
    const exit = probe.exited?.();
    if (exit !== undefined) throw failure(probe, `its process exited (${exit}) before it was ready`);
    try {
      if (await probe.check()) return;
      lastProblem = 'not ready';
    } catch (error) {
      lastProblem = error instanceof Error ? error.message : String(error);
    }
    if (Date.now() >= deadline) {
      throw failure(
        probe,
        `not ready after ${probe.timeoutMs} ms (set ${probe.timeoutEnv} to wait longer); last check: ${lastProblem}`,
      );
    }
    await sleep(probe.intervalMs ?? 250);
  }
}

function failure(probe: ReadinessProbe, reason: string): ReadinessError {
  return new ReadinessError(
    `${probe.component}: ${reason}\n--- last lines of ${probe.logFile} ---\n${logTail(probe.logFile)}\n---`,
  );
}

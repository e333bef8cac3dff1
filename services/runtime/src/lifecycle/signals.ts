import type { ShutdownResult, ShutdownSequence } from './shutdown-sequence.js';

/** Signals that start the graceful stop (Kubernetes sends SIGTERM; Ctrl-C sends SIGINT). */
export const SHUTDOWN_SIGNALS = ['SIGTERM', 'SIGINT'] as const;

/**
 * Runs the shutdown sequence on SIGTERM/SIGINT and exits: 0 when every step completed, 1 when a step
 * failed or the deadline passed. A second signal exits at once. Installing a listener removes Node's
 * default exit, which is why this handler must call `exit` itself.
 */
export function exitOnSignals(
  sequence: ShutdownSequence,
  options: {
    onResult?: (signal: string, result: ShutdownResult) => void;
    exit?: (code: number) => void;
    target?: NodeJS.EventEmitter;
  } = {},
): () => void {
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const target = options.target ?? process;
  const handler = (signal: string) => {
    if (sequence.started) {
      exit(130);
      return;
    }
    void sequence.run().then((result) => {
      options.onResult?.(signal, result);
      exit(result.timedOut || result.failed.length > 0 ? 1 : 0);
    });
  };
  for (const signal of SHUTDOWN_SIGNALS) target.on(signal, handler);
  return () => {
    for (const signal of SHUTDOWN_SIGNALS) target.off(signal, handler);
  };
}

import { createInterface } from 'node:readline/promises';

/** Where a CLI run reads and writes: the real process, or a test's buffers. */
export interface CliIo {
  /** Results (tables, JSON) go here. */
  readonly stdout: (text: string) => void;
  /** Progress, notes and errors go here. */
  readonly stderr: (text: string) => void;
  /** The environment (KAFKA_BROKERS, SCHEMA_REGISTRY_URL, TLS/SASL, TOPIC_PREFIX …). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** A terminal stream for progress bars; absent = no bars (pipes, tests, --json). */
  readonly progressStream?: NodeJS.WritableStream;
  /** Asks a yes/no question; absent = nobody to ask, so changes need --yes. */
  readonly confirm?: (question: string) => Promise<boolean>;
  /** Aborted on Ctrl-C: follow mode stops cleanly. */
  readonly signal?: AbortSignal;
  /** The clock (ms since the epoch). @default Date.now */
  readonly now?: () => number;
}

/** The io of the real process: stdout/stderr, a y/N prompt on a terminal, Ctrl-C as an abort signal. */
export function processIo(): CliIo {
  const abort = new AbortController();
  const stop = () => {
    abort.abort();
    // Commands that watch the signal (tail -f, dlq replay) end cleanly at once; the others are ended here,
    // as Ctrl-C would without a handler. A replay only ever commits what Kafka acknowledged.
    setTimeout(() => process.exit(130), 2000).unref();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const interactive = process.stdin.isTTY && process.stderr.isTTY;
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    ...(process.stderr.isTTY ? { progressStream: process.stderr } : {}),
    ...(interactive
      ? {
          confirm: async (question: string) => {
            const prompt = createInterface({ input: process.stdin, output: process.stderr });
            try {
              const answer = await prompt.question(`${question} [y/N] `);
              return /^(y|yes)$/i.test(answer.trim());
            } finally {
              prompt.close();
            }
          },
        }
      : {}),
    signal: abort.signal,
  };
}

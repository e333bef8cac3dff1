import { Presets, SingleBar } from 'cli-progress';
import { jsonLine } from './core/json-output.js';
import type { CliIo } from './io.js';

/** Progress of a long operation; a no-op when there is no terminal or output is JSON. */
export interface Progress {
  increment(by?: number): void;
  stop(): void;
}

/**
 * How a command prints: one JSON document for `--json` (a stable shape for scripts), tables and lines for
 * people otherwise; notes and progress go to stderr so stdout stays clean.
 */
export class Output {
  constructor(
    private readonly io: CliIo,
    readonly json: boolean,
  ) {}

  /** The command's result: `value` as JSON, or the text `render` makes of it. */
  result<T>(value: T, render: (value: T) => string): void {
    this.io.stdout(this.json ? jsonLine(value) : render(value));
  }

  /** One line of a stream of results (tail): NDJSON, or text. */
  line(value: unknown, text: string): void {
    this.io.stdout(this.json ? jsonLine(value) : `${text}\n`);
  }

  /** A note for people (stderr; silent under --json). */
  note(text: string): void {
    if (!this.json) this.io.stderr(`${text}\n`);
  }

  /** A progress bar over `total` units on a terminal. */
  progress(label: string, total: number): Progress {
    const stream = this.io.progressStream;
    if (stream === undefined || this.json || total <= 0)
      return { increment: () => undefined, stop: () => undefined };
    const bar = new SingleBar(
      {
        format: `${label} [{bar}] {value}/{total} {percentage}% eta {eta_formatted}`,
        stream,
        hideCursor: true,
      },
      Presets.shades_classic,
    );
    bar.start(total, 0);
    return { increment: (by = 1) => bar.increment(by), stop: () => bar.stop() };
  }
}

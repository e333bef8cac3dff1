import { spawn, type ChildProcess } from 'node:child_process';

/** A log line of a child service: parsed JSON when it was JSON, else the raw text. */
export type ChildLogLine = Record<string, unknown> & { readonly raw: string };

/**
 * A service running as a real child process (for kill -9 and SIGTERM tests): started with the current
 * Node binary, its JSON log lines collected, its exit awaited.
 */
export class ChildService {
  readonly lines: ChildLogLine[] = [];
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private readonly child: ChildProcess;
  private readonly waiters = new Set<() => void>();

  constructor(script: string, options: { env: Record<string, string>; args?: readonly string[] }) {
    this.child = spawn(process.execPath, [script, ...(options.args ?? [])], {
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.exited = new Promise((resolve) =>
      this.child.once('exit', (code, signal) => resolve({ code, signal })),
    );
    let buffered = '';
    const onData = (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      let newline = buffered.indexOf('\n');
      while (newline >= 0) {
        this.push(buffered.slice(0, newline));
        buffered = buffered.slice(newline + 1);
        newline = buffered.indexOf('\n');
      }
    };
    this.child.stdout?.on('data', onData);
    this.child.stderr?.on('data', onData);
  }

  /** The child's pid. */
  get pid(): number {
    if (this.child.pid === undefined) throw new Error('child process did not start');
    return this.child.pid;
  }

  /** Sends a signal (SIGKILL for a crash, SIGTERM for a graceful stop). */
  kill(signal: NodeJS.Signals): void {
    this.child.kill(signal);
  }

  /** Resolves with the first log line (already seen or future) that matches; fails after `timeoutMs`. */
  waitForLine(
    description: string,
    matches: (line: ChildLogLine) => boolean,
    timeoutMs = 60_000,
  ): Promise<ChildLogLine> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = this.lines.find(matches);
        if (found === undefined) return false;
        cleanup();
        resolve(found);
        return true;
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(
          new Error(
            `child ${this.pid}: no log line "${description}" within ${timeoutMs} ms; last lines:\n${this.tail(20)}`,
          ),
        );
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.waiters.delete(waiter);
      };
      const waiter = () => {
        check();
      };
      if (check()) return;
      this.waiters.add(waiter);
      void this.exited.then(() => {
        if (this.waiters.has(waiter) && !check()) {
          cleanup();
          reject(
            new Error(
              `child ${this.pid} exited before logging "${description}"; last lines:\n${this.tail(20)}`,
            ),
          );
        }
      });
    });
  }

  /** The last `count` lines, for failure messages. */
  tail(count: number): string {
    return this.lines
      .slice(-count)
      .map((line) => line.raw)
      .join('\n');
  }

  private push(raw: string): void {
    if (raw.trim() === '') return;
    let line: ChildLogLine;
    try {
      line = { ...(JSON.parse(raw) as Record<string, unknown>), raw };
    } catch {
      line = { raw };
    }
    this.lines.push(line);
    for (const waiter of [...this.waiters]) waiter();
  }
}

import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, type WriteStream } from 'node:fs';

/** How to run one pushstream service as a child process. */
export interface ServiceProcessSpec {
  /** Instance name, e.g. `normalizer` or `normalizer-2` (log file name, summary row). */
  readonly name: string;
  /** The service's built entry point, `services/<name>/dist/main.js`. */
  readonly script: string;
  /** The service's environment (merged over nothing: services see only what they are given, plus PATH/HOME). */
  readonly env: Readonly<Record<string, string>>;
  /** Port of its /metrics, /healthz, /readyz server. */
  readonly httpPort: number;
  /** File its log lines (pino JSON) are appended to. */
  readonly logFile: string;
  /**
   * Restart it when it exits on its own (a crash, a fatal start-up error), as Kubernetes would, after 1 s,
   * 2 s, 4 s … up to 30 s. Exits caused by `stop()` or `kill()` are never restarted. @default true
   */
  readonly restartOnExit?: boolean;
}

/** How a service process ended. */
export interface ServiceExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

const TAIL_LINES = 50;

/**
 * A pushstream service running as a child process of the launcher (same process group, so a Ctrl-C in the
 * terminal reaches it and it stops gracefully by itself). Its output goes to a log file; the last lines
 * are kept for error messages. It can be killed and started again (fault tests), always with the same spec.
 */
export class ServiceProcess {
  private child: ChildProcess | undefined;
  private exitPromise: Promise<ServiceExit> = Promise.resolve({ code: 0, signal: null });
  private log: WriteStream | undefined;
  private readonly recent: string[] = [];
  private starts = 0;
  private crashes = 0;
  private deliberate = false;
  private restartTimer: NodeJS.Timeout | undefined;

  constructor(readonly spec: ServiceProcessSpec) {}

  /** `http://127.0.0.1:<port>` of its ops server. */
  get opsUrl(): string {
    return `http://127.0.0.1:${this.spec.httpPort}`;
  }

  /** True while the process runs. */
  get running(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** How many times it was started. */
  get startCount(): number {
    return this.starts;
  }

  /** How many times it exited on its own (and was restarted, unless supervision is off). */
  get crashCount(): number {
    return this.crashes;
  }

  /** The pid of the running process. */
  get pid(): number | undefined {
    return this.running ? this.child?.pid : undefined;
  }

  /** Starts the process (no-op while it runs). */
  start(): void {
    if (this.running) return;
    clearTimeout(this.restartTimer);
    this.deliberate = false;
    this.starts += 1;
    this.log ??= createWriteStream(this.spec.logFile, { flags: 'a' });
    const log = this.log;
    const child = spawn(process.execPath, [this.spec.script], {
      env: {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        HOME: process.env.HOME ?? '/tmp',
        ...this.spec.env,
        EXIT_WITH_PARENT_PID: String(process.pid),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.exitPromise = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        resolve({ code, signal });
        if (!this.deliberate) this.onUnexpectedExit(code, signal);
      });
      child.once('error', (error) => {
        this.remember(`spawn failed: ${error.message}`);
        resolve({ code: null, signal: null });
      });
    });
    let buffered = '';
    const onData = (chunk: Buffer) => {
      log.write(chunk);
      buffered += chunk.toString('utf8');
      let newline = buffered.indexOf('\n');
      while (newline >= 0) {
        this.remember(buffered.slice(0, newline));
        buffered = buffered.slice(newline + 1);
        newline = buffered.indexOf('\n');
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
  }

  /** How the last run ended (`code 1`, `signal SIGKILL`), or undefined while running / never started. */
  exitReason(): string | undefined {
    const child = this.child;
    if (child === undefined || this.running) return undefined;
    return child.signalCode === null ? `code ${String(child.exitCode)}` : `signal ${child.signalCode}`;
  }

  /** Resolves when the current process has exited. */
  exited(): Promise<ServiceExit> {
    return this.exitPromise;
  }

  /** SIGKILL: a crash, no cleanup (an injected one: never restarted by supervision). */
  async kill(): Promise<ServiceExit> {
    this.deliberate = true;
    clearTimeout(this.restartTimer);
    this.child?.kill('SIGKILL');
    return this.exitPromise;
  }

  /** SIGTERM, then SIGKILL if it has not exited within `graceMs`. */
  async stop(graceMs = 30_000): Promise<ServiceExit> {
    this.deliberate = true;
    clearTimeout(this.restartTimer);
    if (!this.running) return this.exitPromise;
    this.child?.kill('SIGTERM');
    const timer = setTimeout(() => this.child?.kill('SIGKILL'), graceMs);
    try {
      return await this.exitPromise;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Closes the log file (after the last stop). */
  async close(): Promise<void> {
    const log = this.log;
    this.log = undefined;
    if (log !== undefined) await new Promise<void>((resolve) => log.end(() => resolve()));
  }

  /** The last log lines, newest last. */
  tail(lines = 20): string {
    return this.recent.slice(-lines).join('\n');
  }

  private onUnexpectedExit(code: number | null, signal: NodeJS.Signals | null): void {
    this.crashes += 1;
    this.remember(`exited on its own (${signal ?? `code ${String(code)}`})`);
    if (this.spec.restartOnExit === false) return;
    const delayMs = Math.min(30_000, 1000 * 2 ** Math.min(this.crashes - 1, 5));
    this.restartTimer = setTimeout(() => this.start(), delayMs);
    this.restartTimer.unref();
  }

  private remember(line: string): void {
    this.recent.push(line);
    if (this.recent.length > TAIL_LINES) this.recent.shift();
  }
}

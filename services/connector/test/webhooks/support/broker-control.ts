import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

interface RecordedProcess {
  name: string;
  pid: number;
  marker: string;
}

/**
 * Stops, freezes and restarts the Kafka JVM of a local test-kit instance (started with `startLocalInfra`) on the same
 * data directory and ports, so a test can take the broker away and bring back what it had acknowledged.
 * It reads the instance's `pids.json` and the JVM's command line; a restarted JVM is added to `pids.json`
 * so the instance's reaper cleans it up should this process die, and `dispose()` stops it otherwise.
 */
export class BrokerControl {
  private pid: number;
  private restarted = false;

  private constructor(
    private readonly instanceDir: string,
    private readonly argv: readonly string[],
    private readonly marker: string,
    pid: number,
  ) {
    this.pid = pid;
  }

  /** Takes control of the Kafka JVM of the instance in `instanceDir`. */
  static of(instanceDir: string): BrokerControl {
    const pids = readPids(instanceDir);
    const kafka = pids.processes.find((process) => process.name === 'kafka');
    if (kafka === undefined) throw new Error(`no kafka process recorded in ${instanceDir}`);
    const argv = readFileSync(`/proc/${kafka.pid}/cmdline`, 'utf8')
      .split('\0')
      .filter((arg) => arg !== '');
    if (!argv.some((arg) => arg.includes(kafka.marker)))
      throw new Error(`pid ${kafka.pid} is not this instance's broker`);
    return new BrokerControl(instanceDir, argv, kafka.marker, kafka.pid);
  }

  /** SIGTERM to the broker's process group (a controlled shutdown), SIGKILL after `graceMs`; resolves once it is gone. */
  async stop(graceMs = 30_000): Promise<void> {
    signalGroup(this.pid, 'SIGTERM');
    if (await gone(this.pid, graceMs)) return;
    signalGroup(this.pid, 'SIGKILL');
    await gone(this.pid, 10_000);
  }

  /** Starts the broker again with the same command line (same config, ports and data). */
  start(): void {
    const log = openSync(path.join(this.instanceDir, 'kafka.log'), 'a');
    const [command, ...args] = this.argv;
    if (command === undefined) throw new Error('empty broker command line');
    try {
      const child = spawn(command, args, {
        cwd: this.instanceDir,
        detached: true,
        stdio: ['ignore', log, log],
      });
      if (child.pid === undefined) throw new Error('could not restart the broker');
      child.unref();
      this.pid = child.pid;
      this.restarted = true;
    } finally {
      closeSync(log);
    }
    const pids = readPids(this.instanceDir);
    pids.processes.push({ name: 'kafka-restarted', pid: this.pid, marker: this.marker });
    writeFileSync(path.join(this.instanceDir, 'pids.json'), JSON.stringify(pids));
  }

  /** Freezes the broker (SIGSTOP): connections stay open and nothing answers, as with a hung broker. */
  freeze(): void {
    signalGroup(this.pid, 'SIGSTOP');
  }

  /** Lets a frozen broker run again (SIGCONT). */
  thaw(): void {
    signalGroup(this.pid, 'SIGCONT');
  }

  /** Thaws the broker and stops one this control restarted (the instance's own `stop()` knows only the first). */
  async dispose(): Promise<void> {
    this.thaw();
    if (this.restarted && alive(this.pid)) await this.stop(10_000);
  }
}

function readPids(instanceDir: string): { processes: RecordedProcess[] } & Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(instanceDir, 'pids.json'), 'utf8')) as {
    processes: RecordedProcess[];
  } & Record<string, unknown>;
}

function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // Already gone.
  }
}

function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state !== 'Z' && state !== 'X';
  } catch {
    return false;
  }
}

async function gone(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (alive(pid)) {
    if (Date.now() > deadline) return false;
    await sleep(100);
  }
  return true;
}

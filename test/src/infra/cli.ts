#!/usr/bin/env node
import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import {
  daemonLogFile,
  daemonStateFile,
  exportLines,
  readDaemonState,
  removeDaemonState,
  type DaemonState,
} from './daemon-state.js';
import { describeInfra, toEndpoints } from './describe-infra.js';
import { readInfraSettings } from './infra-settings.js';
import { writeJsonAtomic } from './instance-dir.js';
import { logTail } from './log-tail.js';
import { isProcessAlive, processStartTime } from './process-control.js';
import { startInfra } from './start-infra.js';
import { sweepStaleInstances } from './stale-sweep.js';

/**
 * `infra up | down | status` for people (root scripts `npm run infra:up` etc.). `up` re-runs this file as a
 * detached daemon that owns the infrastructure (so it outlives the command and the reaper watches the
 * daemon), waits until it is ready and prints the addresses; `down` stops the daemon, which stops the JVMs.
 */
const USAGE = 'usage: cli.js up | down | status';
const DAEMON_COMMAND = '__daemon';

async function main(command: string | undefined): Promise<number> {
  const stateFile = daemonStateFile();
  switch (command) {
    case 'up':
      return up(stateFile);
    case 'down':
      return down(stateFile);
    case 'status':
      return status(stateFile);
    case DAEMON_COMMAND:
      return daemon(stateFile);
    default:
      console.error(USAGE);
      return 2;
  }
}

function runningState(stateFile: string): DaemonState | undefined {
  const state = readDaemonState(stateFile);
  if (state === undefined) return undefined;
  if (isProcessAlive(state.daemonPid, state.daemonStartTime ?? undefined)) return state;
  removeDaemonState(stateFile);
  return undefined;
}

function printRunning(state: DaemonState): void {
  console.log(describeInfra(state.endpoints));
  console.log(exportLines(state.endpoints));
}

async function up(stateFile: string): Promise<number> {
  const existing = runningState(stateFile);
  if (existing !== undefined) {
    console.log(`already running (daemon pid ${existing.daemonPid})`);
    printRunning(existing);
    return 0;
  }
  mkdirSync(path.dirname(stateFile), { recursive: true });
  const logFile = daemonLogFile(stateFile);
  const fd = openSync(logFile, 'w');
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url), DAEMON_COMMAND], {
    detached: true,
    stdio: ['ignore', fd, fd],
  });
  closeSync(fd);
  let exit: string | undefined;
  child.once('exit', (code, signal) => {
    exit = signal === null ? `code ${String(code)}` : `signal ${signal}`;
  });
  child.unref();
  console.log(`starting Kafka and the schema registry (daemon pid ${String(child.pid)}, log ${logFile}) ...`);

  const settings = readInfraSettings();
  const deadline =
    Date.now() +
    settings.mavenTimeoutMs +
    Math.max(settings.kafkaStartTimeoutMs, settings.registryStartTimeoutMs);
  for (;;) {
    const state = readDaemonState(stateFile);
    if (state !== undefined && state.daemonPid === child.pid) {
      printRunning(state);
      return 0;
    }
    if (exit !== undefined || Date.now() > deadline) {
      console.error(
        `infra daemon ${exit === undefined ? 'did not become ready in time' : `exited (${exit})`}; last lines of ${logFile}:`,
      );
      console.error(logTail(logFile));
      if (exit === undefined && child.pid !== undefined) process.kill(child.pid, 'SIGTERM');
      return 1;
    }
    await sleep(250);
  }
}

async function down(stateFile: string): Promise<number> {
  const state = runningState(stateFile);
  if (state === undefined) {
    console.log('infra is not running');
  } else {
    process.kill(state.daemonPid, 'SIGTERM');
    const deadline = Date.now() + 30_000;
    while (isProcessAlive(state.daemonPid) && Date.now() < deadline) await sleep(200);
    if (isProcessAlive(state.daemonPid)) process.kill(state.daemonPid, 'SIGKILL');
    removeDaemonState(stateFile);
    console.log(`stopped (daemon pid ${state.daemonPid})`);
  }
  // Whatever a killed daemon left behind (its reaper normally handles it within seconds).
  const settings = readInfraSettings();
  const swept = await sweepStaleInstances(settings.stateRoot, settings.stopGraceMs);
  if (swept.removedInstances.length > 0)
    console.log(`swept ${swept.removedInstances.length} stale instance(s)`);
  return 0;
}

function status(stateFile: string): number {
  const state = runningState(stateFile);
  if (state === undefined) {
    console.log('infra is not running');
    return 1;
  }
  console.log(`running since ${state.startedAt} (daemon pid ${state.daemonPid}, log ${state.logFile})`);
  printRunning(state);
  return 0;
}

/** The background process: owns the infrastructure until SIGTERM/SIGINT. */
async function daemon(stateFile: string): Promise<number> {
  const infra = await startInfra({ log: (line) => console.log(line) });
  console.log(describeInfra(infra, infra.timings));
  const state: DaemonState = {
    daemonPid: process.pid,
    daemonStartTime: processStartTime(process.pid) ?? null,
    startedAt: new Date().toISOString(),
    logFile: daemonLogFile(stateFile),
    endpoints: toEndpoints(infra),
  };
  writeJsonAtomic(stateFile, state);
  const keepAlive = setInterval(() => undefined, 60_000);
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGTERM', resolve);
    process.once('SIGINT', resolve);
    process.once('SIGHUP', resolve);
  });
  console.log(`infra: ${signal}, stopping`);
  await infra.stop();
  if (readDaemonState(stateFile)?.daemonPid === process.pid) removeDaemonState(stateFile);
  clearInterval(keepAlive);
  console.log('infra: stopped');
  return 0;
}

main(process.argv[2]).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exitCode = 1;
  },
);

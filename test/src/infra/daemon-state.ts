import { readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { InfraEndpoints } from './infra-types.js';

/** What `infra up` leaves behind for `status` and `down`, and for people (`cat ~/.pushstream/infra.json`). */
export interface DaemonState {
  daemonPid: number;
  daemonStartTime: string | null;
  startedAt: string;
  logFile: string;
  endpoints: InfraEndpoints;
}

/** `~/.pushstream/`, or the directory of PUSHSTREAM_INFRA_STATE_FILE. */
export function daemonStateFile(env: NodeJS.ProcessEnv = process.env): string {
  const override = env['PUSHSTREAM_INFRA_STATE_FILE']?.trim();
  return override !== undefined && override !== ''
    ? override
    : path.join(os.homedir(), '.pushstream', 'infra.json');
}

/** The daemon's log file, next to the state file. */
export function daemonLogFile(stateFile: string): string {
  return path.join(path.dirname(stateFile), 'infra-daemon.log');
}

/** The recorded daemon state, or undefined when there is none (or it is unreadable). */
export function readDaemonState(stateFile: string): DaemonState | undefined {
  try {
    const value: unknown = JSON.parse(readFileSync(stateFile, 'utf8'));
    if (
      typeof value !== 'object' ||
      value === null ||
      !('daemonPid' in value) ||
      typeof value.daemonPid !== 'number'
    )
      return undefined;
    // Written by this module only; the shape check above guards against foreign or truncated files.
    return value as DaemonState;
  } catch {
    return undefined;
  }
}

export function removeDaemonState(stateFile: string): void {
  rmSync(stateFile, { force: true });
}

/** Shell lines that point the services and tests at the running infrastructure. */
export function exportLines(endpoints: InfraEndpoints): string {
  return `export KAFKA_BROKERS=${endpoints.kafkaBrokers.join(',')}\nexport SCHEMA_REGISTRY_URL=${endpoints.schemaRegistryUrl}`;
}

import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { processStartTime } from './process-control.js';

/** File that names the process owning an instance; when that process is gone the instance is stale. */
export const OWNER_FILE = 'owner.json';
/** File listing the process groups (JVMs) and the reaper of an instance. */
export const PIDS_FILE = 'pids.json';

/** Contents of `owner.json`. */
export interface OwnerRecord {
  pid: number;
  /** Kernel start time of the owner, to tell it from a later process that reused the pid. */
  startTime: string | null;
  createdAt: string;
}

/** One process group started for an instance. */
export interface ProcessRecord {
  name: string;
  pid: number;
  /** A string the process's command line contains; checked before killing a recorded pid. */
  marker: string;
}

/** Contents of `pids.json`. */
export interface PidsRecord {
  processes: ProcessRecord[];
  reaper?: ProcessRecord;
}

/** The command-line marker of every JVM of an instance: `-Dpushstream.infra.instance=<id>`. */
export function instanceMarker(instanceId: string): string {
  return `pushstream.infra.instance=${instanceId}`;
}

/**
 * The directory of one local infrastructure instance under the state root: owner, process groups, Kafka
 * data and component logs. Deleted on stop (or by the reaper or a later sweep).
 */
export class InstanceDir {
  readonly id: string;
  readonly dir: string;
  readonly marker: string;
  readonly owner: OwnerRecord;
  private pids: PidsRecord = { processes: [] };

  private constructor(id: string, dir: string, owner: OwnerRecord) {
    this.id = id;
    this.dir = dir;
    this.marker = instanceMarker(id);
    this.owner = owner;
  }

  /** Creates a fresh instance directory owned by `ownerPid` (this process by default). */
  static create(stateRoot: string, ownerPid: number = process.pid): InstanceDir {
    mkdirSync(stateRoot, { recursive: true });
    const id = `${new Date().toISOString().replace(/[-:]/g, '').replace(/\..*$/, '')}-${ownerPid}-${randomBytes(3).toString('hex')}`;
    const owner: OwnerRecord = {
      pid: ownerPid,
      startTime: processStartTime(ownerPid) ?? null,
      createdAt: new Date().toISOString(),
    };
    const instance = new InstanceDir(id, path.join(stateRoot, id), owner);
    mkdirSync(instance.dir);
    writeJsonAtomic(path.join(instance.dir, OWNER_FILE), owner);
    instance.writePids();
    return instance;
  }

  /** Path of a file or directory inside the instance. */
  file(...segments: string[]): string {
    return path.join(this.dir, ...segments);
  }

  /** Records a started process group, before anything else can fail. */
  recordProcess(record: ProcessRecord): void {
    this.pids = { ...this.pids, processes: [...this.pids.processes, record] };
    this.writePids();
  }

  /** Records the reaper watching this instance. */
  recordReaper(record: ProcessRecord): void {
    this.pids = { ...this.pids, reaper: record };
    this.writePids();
  }

  /** The recorded process groups. */
  processes(): readonly ProcessRecord[] {
    return this.pids.processes;
  }

  reaper(): ProcessRecord | undefined {
    return this.pids.reaper;
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }

  private writePids(): void {
    writeJsonAtomic(path.join(this.dir, PIDS_FILE), this.pids);
  }
}

/** Every instance directory under `stateRoot` (none when it does not exist). */
export function listInstanceDirs(stateRoot: string): string[] {
  try {
    return readdirSync(stateRoot, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => path.join(stateRoot, entry.name));
  } catch {
    return [];
  }
}

/** Reads `owner.json` of an instance directory; undefined when missing or malformed. */
export function readOwner(dir: string): OwnerRecord | undefined {
  const value = readJson(path.join(dir, OWNER_FILE));
  if (!isRecord(value) || typeof value['pid'] !== 'number') return undefined;
  const startTime = value['startTime'];
  return {
    pid: value['pid'],
    startTime: typeof startTime === 'string' ? startTime : null,
    createdAt: typeof value['createdAt'] === 'string' ? value['createdAt'] : '',
  };
}

/** Reads `pids.json` of an instance directory; empty when missing or malformed. */
export function readPids(dir: string): PidsRecord {
  const value = readJson(path.join(dir, PIDS_FILE));
  if (!isRecord(value)) return { processes: [] };
  const processes = Array.isArray(value['processes']) ? value['processes'].filter(isProcessRecord) : [];
  const reaper = value['reaper'];
  return isProcessRecord(reaper) ? { processes, reaper } : { processes };
}

/** Writes JSON through a temporary file and a rename, so readers never see half a file. */
export function writeJsonAtomic(file: string, value: unknown): void {
  const partial = `${file}.${process.pid}.tmp`;
  writeFileSync(partial, `${JSON.stringify(value, null, 2)}\n`);
  renameSync(partial, file);
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isProcessRecord(value: unknown): value is ProcessRecord {
  return (
    isRecord(value) &&
    typeof value['name'] === 'string' &&
    typeof value['pid'] === 'number' &&
    typeof value['marker'] === 'string'
  );
}

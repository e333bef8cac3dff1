// Reaper of one local infrastructure instance (started by test/src/infra/reaper.ts, detached, with the
// same Node that runs the harness). It outlives its owner on purpose: once the owner process is gone, even
// after a SIGKILL that let it run no cleanup, it stops the instance's JVM process groups (SIGTERM, then
// SIGKILL after the grace period) and deletes the instance directory. It exits by itself when the instance
// directory disappears (normal stop). Plain JavaScript, no dependencies: it must run without a build.
//
// Usage: node reaper.mjs <instanceDir> <ownerPid> <ownerStartTime|-> <graceMs>
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const [instanceDir, ownerPidText, ownerStartTime, graceText] = process.argv.slice(2);
const ownerPid = Number(ownerPidText);
const graceMs = Number(graceText) || 10_000;
if (!instanceDir || !Number.isInteger(ownerPid)) {
  console.error('usage: reaper.mjs <instanceDir> <ownerPid> <ownerStartTime|-> <graceMs>');
  process.exit(2);
}

function statFields(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

function alive(pid, startTime) {
  const fields = statFields(pid);
  if (fields === undefined) {
    try {
      process.kill(pid, 0);
      return true;
    } catch (error) {
      return error.code === 'EPERM';
    }
  }
  if (fields[0] === 'Z' || fields[0] === 'X') return false;
  return startTime === undefined || fields[19] === startTime;
}

function commandLine(pid) {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
  } catch {
    return '';
  }
}

function signalGroup(pgid, signal) {
  try {
    process.kill(-pgid, signal);
  } catch {
    // Already gone.
  }
}

function recordedGroups() {
  try {
    const pids = JSON.parse(readFileSync(path.join(instanceDir, 'pids.json'), 'utf8'));
    const processes = Array.isArray(pids.processes) ? pids.processes : [];
    // Only groups whose leader still carries the instance marker: a reused pid is someone else's process.
    return processes
      .filter((p) => Number.isInteger(p.pid) && typeof p.marker === 'string')
      .filter((p) => alive(p.pid) && commandLine(p.pid).includes(p.marker))
      .map((p) => p.pid);
  } catch {
    return [];
  }
}

async function reap() {
  const groups = recordedGroups();
  for (const pgid of groups) signalGroup(pgid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (groups.some((pgid) => alive(pgid)) && Date.now() < deadline) await sleep(100);
  for (const pgid of groups) if (alive(pgid)) signalGroup(pgid, 'SIGKILL');
  rmSync(instanceDir, { recursive: true, force: true });
}

const startTime = ownerStartTime === '-' ? undefined : ownerStartTime;
for (;;) {
  if (!existsSync(instanceDir)) process.exit(0);
  if (!alive(ownerPid, startTime)) {
    await reap();
    process.exit(0);
  }
  await sleep(1_000);
}

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, inject, it } from 'vitest';
import { readInfraSettings } from '../../src/infra/infra-settings.js';
import { instanceMarker, type OwnerRecord, type PidsRecord } from '../../src/infra/instance-dir.js';
import { startLocalInfra } from '../../src/infra/local-infra.js';
import { isProcessAlive } from '../../src/infra/process-control.js';
import { sweepStaleInstances } from '../../src/infra/stale-sweep.js';
import { createTestTopics, testKafka } from '../../src/kafka/test-kafka.js';
import { readTopic } from '../../src/kafka/topic-reader.js';

const infra = inject('infra');
const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));

/** Pids of processes whose command line contains `text` (pgrep -f). */
function pidsMatching(text: string): number[] {
  const result = spawnSync('pgrep', ['-f', text], { encoding: 'utf8' });
  return result.stdout
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map(Number);
}

async function waitFor(what: string, condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('infrastructure harness', () => {
  it('serves the Confluent-compatible registry API', async () => {
    const subject = `harness-${Date.now()}-value`;
    const listed = await fetch(`${infra.schemaRegistryUrl}/subjects`);
    expect(listed.status).toBe(200);
    expect(Array.isArray(await listed.json())).toBe(true);

    const schema = JSON.stringify({
      type: 'record',
      name: 'Probe',
      fields: [{ name: 'id', type: 'string' }],
    });
    const registered = await fetch(`${infra.schemaRegistryUrl}/subjects/${subject}/versions`, {
      method: 'POST',
      headers: { 'content-type': 'application/vnd.schemaregistry.v1+json' },
      body: JSON.stringify({ schema }),
    });
    expect(registered.status).toBe(200);
    const { id } = (await registered.json()) as { id: number };
    expect(typeof id).toBe('number');
    const byId = await fetch(`${infra.schemaRegistryUrl}/schemas/ids/${id}`);
    expect(byId.status).toBe(200);
  });

  describe.skipIf(infra.mode !== 'local')('local JVM mode', () => {
    it('leaves no JVM behind after stop()', async () => {
      const second = await startLocalInfra({
        settings: readInfraSettings(),
        kafkaVersion: infra.kafkaVersion,
      });
      const marker = instanceMarker(second.instanceId);
      try {
        expect(pidsMatching(marker)).toHaveLength(2);
        const subjects = await fetch(`${second.schemaRegistryUrl}/subjects`);
        expect(subjects.status).toBe(200);
      } finally {
        await second.stop();
      }
      expect(pidsMatching(marker)).toEqual([]);
      expect(pidsMatching(second.instanceDir)).toEqual([]); // the reaper is gone too
      expect(existsSync(second.instanceDir)).toBe(false);
    });

    it('restarts a killed broker and registry in place: records and schema ids survive', async () => {
      const local = await startLocalInfra({
        settings: readInfraSettings(),
        kafkaVersion: infra.kafkaVersion,
      });
      try {
        const subject = 'restart-probe-value';
        const schema = JSON.stringify({
          type: 'record',
          name: 'Probe',
          fields: [{ name: 'id', type: 'string' }],
        });
        const registered = await fetch(`${local.schemaRegistryUrl}/subjects/${subject}/versions`, {
          method: 'POST',
          headers: { 'content-type': 'application/vnd.schemaregistry.v1+json' },
          body: JSON.stringify({ schema }),
        });
        const { id } = (await registered.json()) as { id: number };
        const kafka = testKafka(local.kafkaBrokers);
        const topic = 'restart-probe';
        await createTestTopics(kafka, [{ name: topic }]);
        const producer = kafka.producer();
        await producer.connect();
        await producer.send({ topic, acks: -1, messages: [{ value: 'before' }] });
        await producer.disconnect();

        await local.restartRegistry({ downMs: 200 });
        const byId = await fetch(`${local.schemaRegistryUrl}/schemas/ids/${id}`);
        expect(byId.status).toBe(200);
        expect(((await byId.json()) as { schema: string }).schema).toContain('Probe');

        await local.restartKafka({ downMs: 200 });
        const after = testKafka(local.kafkaBrokers).producer();
        await after.connect();
        await after.send({ topic, acks: -1, messages: [{ value: 'after' }] });
        await after.disconnect();
        const values = (await readTopic(testKafka(local.kafkaBrokers), topic, { minRecords: 2 })).map(
          (record) => record.value?.toString(),
        );
        expect(values).toEqual(['before', 'after']);
        expect(pidsMatching(instanceMarker(local.instanceId))).toHaveLength(2);
      } finally {
        await local.stop();
      }
      expect(pidsMatching(instanceMarker(local.instanceId))).toEqual([]);
    });

    it('reaps the JVMs of an owner killed with SIGKILL', async () => {
      const owner = spawn(
        process.execPath,
        ['--import', path.join(fixtures, 'ts-resolve-hooks.mjs'), path.join(fixtures, 'kafka-only-owner.ts')],
        { stdio: ['ignore', 'pipe', 'inherit'] },
      );
      const line = await new Promise<string>((resolve, reject) => {
        let buffered = '';
        owner.stdout.on('data', (chunk: Buffer) => {
          buffered += chunk.toString();
          const newline = buffered.indexOf('\n');
          if (newline >= 0) resolve(buffered.slice(0, newline));
        });
        owner.once('exit', (code) => reject(new Error(`owner exited early with code ${String(code)}`)));
      });
      const started = JSON.parse(line) as { instanceId: string; instanceDir: string };
      const marker = instanceMarker(started.instanceId);
      expect(pidsMatching(marker)).toHaveLength(1);

      owner.kill('SIGKILL');
      await waitFor(
        'the reaper to stop Kafka and remove the instance',
        () => pidsMatching(marker).length === 0 && !existsSync(started.instanceDir),
        30_000,
      );
      expect(pidsMatching(started.instanceDir)).toEqual([]);
    });
  });

  it('sweeps a stale instance without touching a reused pid', async () => {
    const stateRoot = mkdtempSync(path.join(os.tmpdir(), 'pushstream-sweep-test-'));
    const detached: number[] = [];
    try {
      const deadOwner = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
        encoding: 'utf8',
      });
      const deadPid = Number(deadOwner.stdout);
      expect(isProcessAlive(deadPid)).toBe(false);

      const id = 'stale-instance';
      const marker = instanceMarker(id);
      const sleeper = (args: string[]): number => {
        const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)', '--', ...args], {
          detached: true,
          stdio: 'ignore',
        });
        child.unref();
        if (child.pid === undefined) throw new Error('could not spawn a dummy process');
        detached.push(child.pid);
        return child.pid;
      };
      const dummyJvm = sleeper([`-D${marker}`]);
      // Recorded under the instance, but its command line lacks the marker: a pid reused by someone else.
      const stranger = sleeper(['not-ours']);

      const stale = path.join(stateRoot, id);
      mkdirSync(stale);
      const owner: OwnerRecord = { pid: deadPid, startTime: null, createdAt: new Date().toISOString() };
      const pids: PidsRecord = {
        processes: [
          { name: 'kafka', pid: dummyJvm, marker },
          { name: 'apicurio', pid: stranger, marker },
        ],
      };
      writeFileSync(path.join(stale, 'owner.json'), JSON.stringify(owner));
      writeFileSync(path.join(stale, 'pids.json'), JSON.stringify(pids));
      const live = path.join(stateRoot, 'live-instance');
      mkdirSync(live);
      writeFileSync(path.join(live, 'owner.json'), JSON.stringify({ ...owner, pid: process.pid }));

      const result = await sweepStaleInstances(stateRoot, 2_000);

      expect(result.removedInstances).toEqual([stale]);
      expect(result.killedPids).toEqual([dummyJvm]);
      expect(isProcessAlive(dummyJvm)).toBe(false);
      expect(isProcessAlive(stranger)).toBe(true);
      expect(existsSync(stale)).toBe(false);
      expect(existsSync(live)).toBe(true);
    } finally {
      for (const pid of detached) {
        try {
          process.kill(-pid, 'SIGKILL');
        } catch {
          // Already gone.
        }
      }
      rmSync(stateRoot, { recursive: true, force: true });
    }
  });
});

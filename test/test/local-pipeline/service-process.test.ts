import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { ServiceProcess } from '../../src/local-pipeline/service-process.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'service-process-'));
const crasher = path.join(dir, 'crash.mjs');
writeFileSync(crasher, 'console.log("starting"); process.exit(3);\n');
const sleeper = path.join(dir, 'sleep.mjs');
writeFileSync(sleeper, 'console.log("up"); setInterval(() => {}, 1000);\n');

function spec(script: string, name: string) {
  return { name, script, env: {}, httpPort: 0, logFile: path.join(dir, `${name}.log`) };
}

describe('ServiceProcess supervision', () => {
  it('restarts a process that exits on its own, with backoff', async () => {
    const service = new ServiceProcess(spec(crasher, 'crasher'));
    service.start();
    const deadline = Date.now() + 10_000;
    while (service.startCount < 2 && Date.now() < deadline) await sleep(100);
    await service.stop();
    await service.close();
    expect(service.startCount).toBeGreaterThanOrEqual(2);
    expect(service.crashCount).toBeGreaterThanOrEqual(1);
    expect(service.tail()).toContain('exited on its own (code 3)');
  });

  it('never restarts what it was told to kill or stop', async () => {
    const service = new ServiceProcess(spec(sleeper, 'sleeper'));
    service.start();
    await sleep(300);
    const exit = await service.kill();
    await sleep(1500);
    expect(exit.signal).toBe('SIGKILL');
    expect(service.running).toBe(false);
    expect(service.startCount).toBe(1);
    expect(service.crashCount).toBe(0);
    await service.close();
  });
});

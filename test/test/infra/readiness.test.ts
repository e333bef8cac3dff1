import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ReadinessError, waitUntilReady } from '../../src/infra/readiness.js';

describe('waitUntilReady', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  function logWith(lines: number): string {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'readiness-'));
    dirs.push(dir);
    const file = path.join(dir, 'component.log');
    writeFileSync(file, Array.from({ length: lines }, (_, i) => `line ${i + 1}`).join('\n'));
    return file;
  }

  it('fails after the timeout with the last 40 log lines and the variable to raise', async () => {
    const logFile = logWith(100);
    const error: unknown = await waitUntilReady({
      component: 'Thing 1.0',
      check: () => Promise.reject(new Error('connection refused')),
      timeoutMs: 50,
      timeoutEnv: 'THING_TIMEOUT_MS',
      logFile,
      intervalMs: 10,
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ReadinessError);
    const message = (error as Error).message;
    expect(message).toContain('Thing 1.0: not ready after 50 ms (set THING_TIMEOUT_MS');
    expect(message).toContain('last check: connection refused');
    expect(message).toContain('line 61\n');
    expect(message).toContain('line 100');
    expect(message).not.toContain('line 60\n');
  });

  it('stops at once when the process has exited', async () => {
    const started = Date.now();
    await expect(
      waitUntilReady({
        component: 'Thing',
        check: () => Promise.resolve(false),
        timeoutMs: 60_000,
        timeoutEnv: 'X',
        logFile: logWith(1),
        exited: () => 'code 1',
      }),
    ).rejects.toThrow(/process exited \(code 1\)/);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('resolves as soon as the check passes', async () => {
    let calls = 0;
    await waitUntilReady({
      component: 'Thing',
      check: () => Promise.resolve(++calls === 3),
      timeoutMs: 5_000,
      timeoutEnv: 'X',
      logFile: logWith(1),
      intervalMs: 1,
    });
    expect(calls).toBe(3);
  });
});

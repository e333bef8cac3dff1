import { spawn } from 'node:child_process';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { StatusReport } from '../src/index.js';
import { CliWorld } from './support/cli-harness.js';

const BIN = fileURLToPath(new URL('../dist/main.js', import.meta.url));

/** Runs the built bin as a program (its shebang picks `node` from PATH: this Node 24 first). */
function runBin(
  args: readonly string[],
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(BIN, [...args], {
      env: { ...process.env, ...env, PATH: `${dirname(process.execPath)}:${process.env.PATH ?? ''}` },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('the pushstream bin', () => {
  it('runs through its shebang on Node 24 with the same exit codes', async () => {
    expect(process.versions.node.split('.')[0]).toBe('24');
    const world = new CliWorld();
    await world.provision(['device-events.v1']);
    const ok = await runBin(['status', '--json'], world.env());
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    const report = JSON.parse(ok.stdout) as StatusReport;
    expect(report.topics.find((t) => t.name === 'device-events.v1')).toMatchObject({
      exists: true,
      partitions: 3,
    });

    const usage = await runBin(['tail'], world.env());
    expect(usage.code).toBe(2);
    const down = await runBin(['status'], world.env({ KAFKA_BROKERS: '127.0.0.1:1' }));
    expect(down.code).toBe(1);
    expect(down.stderr).toMatch(
      /^pushstream: KAFKA_UNAVAILABLE: cannot reach Kafka brokers 127\.0\.0\.1:1: [^\n]+\n$/,
    );
  });
});

import { describe, expect, it } from 'vitest';
import { run, type CliIo } from '../src/index.js';

/** A run with captured output; Kafka is never reached: every case fails before connecting. */
async function cli(argv: string[], env: Record<string, string> = { KAFKA_BROKERS: '127.0.0.1:9' }) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env };
  const code = await run(argv, io);
  return { code, stdout, stderr };
}

describe('CLI usage errors exit with 2 and one clear line', () => {
  it('prints help and exits 0', async () => {
    const result = await cli(['--help']);
    expect(result.code).toBe(0);
    for (const command of ['status', 'device', 'tail', 'dlq', 'rtds', 'resync'])
      expect(result.stdout).toContain(command);
  });

  it('rejects an unknown command or option', async () => {
    expect((await cli(['stats'])).code).toBe(2);
    const result = await cli(['status', '--bogus']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("unknown option '--bogus'");
  });

  it('rejects a missing argument', async () => {
    const result = await cli(['tail']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("missing required argument 'topic'");
  });

  it('rejects bad option values before connecting', async () => {
    const limit = await cli(['tail', 'device-events.v1', '--limit', 'lots']);
    expect(limit).toMatchObject({ code: 2, stdout: '' });
    expect(limit.stderr).toBe('pushstream: USAGE_INVALID: --limit must be a whole number, got "lots"\n');
    expect((await cli(['dlq', 'replay', 'nobody'])).stderr).toContain(
      'unknown service "nobody": expected one of connector, normalizer, sessionizer, sink',
    );
    expect((await cli(['resync', 'salesforce'])).code).toBe(2);
    expect((await cli(['tail', 't', '--where', 'kind'])).code).toBe(2);
    expect((await cli(['tail', 't', '--since', 'soon'])).code).toBe(2);
  });

  it('reports errors as JSON under --json', async () => {
    const result = await cli(['--json', 'resync', 'salesforce']);
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stderr)).toEqual({
      error: {
        code: 'USAGE_INVALID',
        message: 'unknown target "salesforce": expected one of infobip, intilery',
      },
    });
  });

  it('names a missing or malformed variable, and never echoes a secret', async () => {
    const missing = await cli(['status'], {});
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('KAFKA_BROKERS: is not set');
    const sasl = await cli(['status'], {
      KAFKA_BROKERS: '127.0.0.1:9',
      KAFKA_SASL_MECHANISM: 'plain',
      KAFKA_SASL_PASSWORD: 'hunter2-secret',
      SCHEMA_REGISTRY_URL: 'http://ops:hunter3@127.0.0.1:9/apis',
    });
    expect(sasl.code).toBe(2);
    expect(sasl.stderr).toContain('KAFKA_SASL_USERNAME: is required when KAFKA_SASL_MECHANISM is set');
    expect(sasl.stderr).not.toContain('hunter');
  });
});

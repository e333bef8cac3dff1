import { describe, expect, it } from 'vitest';
import { parseBenchOptions } from '../../bench/core/bench-options.ts';
import { eventIdOf, liveLine } from '../../bench/shell/rtds-feeder.ts';

describe('parseBenchOptions', () => {
  it('has defaults that fit the 15-minute budget', () => {
    expect(parseBenchOptions([], {})).toEqual({
      runs: 3,
      only: undefined,
      records: 50_000,
      devices: 10_000,
      restoreDevices: 1_000_000,
      webhookSeconds: 10,
      webhookConnections: 32,
      e2eSeconds: 15,
      e2eLoads: [1000, 5000],
      e2eSearchSteps: 3,
      resultsDir: 'bench-results',
      normalizerNoTxEnv: undefined,
      sinkEnv: undefined,
    });
  });

  it('takes flags over the environment', () => {
    const options = parseBenchOptions(['--runs=1', '--only', 'rtds-ingest,webhook-ingest'], {
      BENCH_RUNS: '5',
      BENCH_RECORDS: '1000',
      BENCH_RESTORE_DEVICES: '20000',
      BENCH_SINK_ENV: '{"SINK_DRY_RUN":"false"}',
    });
    expect(options.runs).toBe(1);
    expect(options.only).toEqual(['rtds-ingest', 'webhook-ingest']);
    expect(options.records).toBe(1000);
    expect(options.restoreDevices).toBe(20_000);
    expect(options.sinkEnv).toEqual({ SINK_DRY_RUN: 'false' });
  });

  it('names the option of a bad value or an unknown flag', () => {
    expect(() => parseBenchOptions(['--runs=0'], {})).toThrow(
      "--runs / BENCH_RUNS must be a positive integer, not '0'",
    );
    expect(() => parseBenchOptions([], { BENCH_E2E_LOADS: '1000,x' })).toThrow(
      /BENCH_E2E_LOADS must list positive integers/,
    );
    expect(() => parseBenchOptions(['--fast'], {})).toThrow(/unknown argument '--fast'/);
    expect(() => parseBenchOptions([], { BENCH_SINK_ENV: '[1]' })).toThrow(
      /BENCH_SINK_ENV must be a JSON object of strings/,
    );
  });
});

describe('RTDS feeder lines', () => {
  const line =
    '{"id":"8e85d6c5-56c1-4f99-8401-b8604940a982","offset":"1000000000002","occurred":"2026-11-22T08:41:15.498Z","processed":"2026-11-22T08:41:20.414Z","type":"OPEN","body":{"occurred":"keep"}}';

  it('moves the top-level event times to the emission time and nothing else', () => {
    expect(liveLine(line, '2030-01-01T00:00:00.000Z')).toBe(
      '{"id":"8e85d6c5-56c1-4f99-8401-b8604940a982","offset":"1000000000002","occurred":"2030-01-01T00:00:00.000Z","processed":"2030-01-01T00:00:00.000Z","type":"OPEN","body":{"occurred":"keep"}}',
    );
  });

  it('finds the event id, also when it is not the first field', () => {
    expect(eventIdOf(line)).toBe('8e85d6c5-56c1-4f99-8401-b8604940a982');
    expect(eventIdOf('{"type":"OPEN","id":"abc"}')).toBe('abc');
    expect(eventIdOf('not json')).toBeUndefined();
  });
});

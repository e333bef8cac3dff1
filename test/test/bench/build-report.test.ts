import { describe, expect, it } from 'vitest';
import { medianFigures } from '../../bench/core/aggregate.ts';
import { buildReport } from '../../bench/core/build-report.ts';
import { ceilingsOf, ratio } from '../../bench/core/ceilings.ts';
import { META, ROWS, measured, typicalOutcomes } from './report-fixtures.ts';

describe('medianFigures', () => {
  it('takes the median of every figure on its own', () => {
    const median = medianFigures([
      { throughput: 10, latencyMs: { p50: 1, p95: 5, p99: 9 }, rssBytes: { a: 100 }, extra: { x: 1 } },
      { throughput: 30, latencyMs: { p50: 3, p95: 4, p99: 20 }, rssBytes: { a: 300, b: 7 }, notes: ['n'] },
      {
        throughput: 20,
        latencyMs: { p50: 2, p95: 6, p99: 10 },
        rssBytes: { a: 200 },
        extra: { x: 3 },
        notes: ['n'],
      },
    ]);
    expect(median).toEqual({
      throughput: 20,
      latencyMs: { p50: 2, p95: 5, p99: 10 },
      rssBytes: { a: 200, b: 7 },
      extra: { x: 2 },
      notes: ['n'],
    });
  });

  it('leaves out figures no run measured', () => {
    expect(medianFigures([{}, {}])).toEqual({});
  });
});

describe('ceilings and ratios', () => {
  it('divides by the ceiling, and gives nothing for a missing or zero ceiling', () => {
    expect(ratio(5, 10)).toBe(0.5);
    expect(ratio(5, undefined)).toBeUndefined();
    expect(ratio(5, 0)).toBeUndefined();
    expect(ratio(undefined, 10)).toBeUndefined();
  });

  it('uses the slower of the broker producer and consumer as the broker passthrough ceiling', () => {
    const report = buildReport(META, typicalOutcomes());
    expect(ceilingsOf(report.rows)).toEqual({
      client: { produce: 20_000, passthrough: 10_000 },
      broker: { produce: 25_000, passthrough: 25_000 },
    });
  });

  it('compares ingest stages with the produce ceilings and processing stages with the passthrough ones', () => {
    const report = buildReport(META, typicalOutcomes());
    const row = (id: string) => report.rows.find((candidate) => candidate.info.id === id);
    expect(row('rtds-ingest')?.ratios).toEqual({ client: 18_000 / 20_000, broker: 18_000 / 25_000 });
    expect(row('normalizer')?.ratios).toEqual({ client: 0.5, broker: 5000 / 25_000 });
    expect(row('broker-produce')?.ratios).toBeUndefined();
  });
});

describe('buildReport', () => {
  it('keeps not-built rows with their reason and no figures', () => {
    const sink = buildReport(META, typicalOutcomes()).rows.find((row) => row.info.id === 'sink');
    expect(sink).toMatchObject({
      status: 'not-built',
      reason: 'services/sink/dist/main.js missing',
      runs: [],
    });
    expect(sink?.median).toBeUndefined();
  });

  it('keeps skipped rows apart from not-built ones', () => {
    const report = buildReport(META, [
      { info: ROWS.sink, skipped: 'set BENCH_SINK_ENV', runs: [], errors: [] },
    ]);
    expect(report.rows[0]).toMatchObject({ status: 'skipped', reason: 'set BENCH_SINK_ENV' });
    expect(report.targets[0]).toMatchObject({ measured: '— (skipped)', met: undefined });
  });

  it('marks a row failed when no run completed, and notes partial failures', () => {
    const report = buildReport(META, [
      { info: ROWS.rtds, runs: [], errors: ['connector exited'] },
      { info: ROWS.normalizer, runs: [{ throughput: 5 }], errors: ['stalled'] },
    ]);
    expect(report.rows[0]).toMatchObject({ status: 'failed', reason: 'connector exited' });
    expect(report.rows[1]?.status).toBe('measured');
    expect(report.rows[1]?.median?.notes).toEqual(['1 run(s) failed, first: stalled']);
  });

  it('checks the targets against the medians', () => {
    const { targets } = buildReport(META, typicalOutcomes());
    expect(targets).toEqual([
      { target: 'RTDS ingest ≥ 50 % of the client ceiling', measured: '90 %', met: true },
      { target: 'Normalizer ≥ 50 % of the client ceiling', measured: '50 %', met: true },
      { target: 'Sink | partners ≥ 50 % of the client ceiling', measured: '— (not built)', met: undefined },
      { target: 'end-to-end p99 < 500 ms at 1000 events/s', measured: '450 ms', met: true },
      { target: 'dedupe ≤ 100 bytes per remembered id', measured: '100 bytes', met: true },
    ]);
  });

  it('fails a target that is measured and missed', () => {
    const { targets } = buildReport(META, [
      measured(ROWS.clientPassthrough, { throughput: 10_000 }),
      measured(ROWS.normalizer, { throughput: 4000, extra: { dedupeBytesPerId: 140 } }),
      measured(ROWS.e2e1000, { throughput: 1000, latencyMs: { p50: 300, p95: 600, p99: 900 } }),
    ]);
    expect(targets.map((target) => target.met)).toEqual([false, false, false]);
  });
});

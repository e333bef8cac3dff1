import { describe, expect, it } from 'vitest';
import { judgeSustained } from '../../bench/core/lag-trend.ts';
import { bestSustained, nextLoad } from '../../bench/core/load-search.ts';

const flatLag = Array.from({ length: 30 }, (_, i) => ({ t: i / 2, value: 50 + (i % 3) }));
const growingLag = Array.from({ length: 30 }, (_, i) => ({ t: i / 2, value: i * 400 }));
const steadyLatency = Array.from({ length: 100 }, (_, i) => ({ t: i / 10, value: 80 + (i % 5) }));

describe('judgeSustained', () => {
  it('accepts a step whose lag stays flat', () => {
    const verdict = judgeSustained({
      offeredPerSecond: 1000,
      emittedPerSecond: 998,
      lag: flatLag,
      latencies: steadyLatency,
    });
    expect(verdict.sustained).toBe(true);
    expect(Math.abs(verdict.lagSlopePerSecond)).toBeLessThan(5);
  });

  it('rejects a step whose lag keeps growing in its second half', () => {
    const verdict = judgeSustained({
      offeredPerSecond: 1000,
      emittedPerSecond: 1000,
      lag: growingLag,
      latencies: steadyLatency,
    });
    expect(verdict).toMatchObject({ sustained: false, reason: 'lag grew by 800 events/s (limit 100)' });
  });

  it('ignores a start-up ramp confined to the first half', () => {
    const ramp = flatLag.map((sample) =>
      sample.t < 5 ? { t: sample.t, value: 2000 - sample.t * 300 } : sample,
    );
    expect(
      judgeSustained({ offeredPerSecond: 1000, emittedPerSecond: 1000, lag: ramp, latencies: steadyLatency })
        .sustained,
    ).toBe(true);
  });

  it('rejects a step whose backlog did not drain afterwards', () => {
    const verdict = judgeSustained({
      offeredPerSecond: 1000,
      emittedPerSecond: 1000,
      lag: flatLag,
      latencies: steadyLatency,
      drained: false,
    });
    expect(verdict).toMatchObject({ sustained: false, reason: 'the backlog did not drain after the step' });
  });

  it('rejects a step in which no event reached the end, whatever the lag says', () => {
    const verdict = judgeSustained({
      offeredPerSecond: 1000,
      emittedPerSecond: 1000,
      lag: flatLag,
      latencies: [],
    });
    expect(verdict).toMatchObject({
      sustained: false,
      reason: 'no emitted event reached the end of the pipeline',
    });
  });

  it('rejects a step the feeder could not emit', () => {
    expect(
      judgeSustained({ offeredPerSecond: 1000, emittedPerSecond: 900, lag: flatLag, latencies: [] }).reason,
    ).toBe('emitted 900/s of 1000/s offered');
  });

  it('rejects a step whose latency keeps rising', () => {
    const rising = Array.from({ length: 100 }, (_, i) => ({ t: i / 10, value: 100 + i * 40 }));
    const verdict = judgeSustained({
      offeredPerSecond: 1000,
      emittedPerSecond: 1000,
      lag: flatLag,
      latencies: rising,
    });
    expect(verdict.sustained).toBe(false);
    expect(verdict.reason).toMatch(/^median latency rose by \d+ ms/);
  });
});

describe('load search', () => {
  it('starts at the start load and doubles while loads are sustained', () => {
    expect(nextLoad([], { start: 1000 })).toBe(1000);
    expect(
      nextLoad(
        [
          { eventsPerSecond: 1000, sustained: true },
          { eventsPerSecond: 5000, sustained: true },
        ],
        { start: 1000 },
      ),
    ).toBe(10_000);
  });

  it('bisects between the best sustained and the lowest failed load', () => {
    const probes = [
      { eventsPerSecond: 1000, sustained: true },
      { eventsPerSecond: 5000, sustained: false },
    ];
    expect(nextLoad(probes, { start: 1000 })).toBe(3000);
    expect(nextLoad([...probes, { eventsPerSecond: 3000, sustained: true }], { start: 1000 })).toBe(4000);
  });

  it('stops once the bracket is narrower than the resolution, or at the maximum', () => {
    const probes = [
      { eventsPerSecond: 4000, sustained: true },
      { eventsPerSecond: 4500, sustained: false },
    ];
    expect(nextLoad(probes, { start: 1000 })).toBeUndefined();
    expect(nextLoad([{ eventsPerSecond: 40_000, sustained: true }], { start: 1000, max: 50_000 })).toBe(
      50_000,
    );
    expect(
      nextLoad([{ eventsPerSecond: 50_000, sustained: true }], { start: 1000, max: 50_000 }),
    ).toBeUndefined();
  });

  it('reports the best load sustained below the lowest failure', () => {
    expect(bestSustained([])).toBeUndefined();
    expect(
      bestSustained([
        { eventsPerSecond: 1000, sustained: true },
        { eventsPerSecond: 5000, sustained: false },
        { eventsPerSecond: 3000, sustained: true },
        { eventsPerSecond: 8000, sustained: true },
      ]),
    ).toBe(3000);
  });
});

import { describe, expect, it } from 'vitest';
import { createRtdsStream, createTraffic, Prng } from '../../src/generator/index.js';
import { allOutputs, SMALL } from './traffic-outputs.js';

describe('the traffic generator is deterministic', () => {
  it('gives byte-identical output for the same seed and options, in every source', () => {
    const first = allOutputs(createTraffic({ ...SMALL, seed: 42 }));
    const second = allOutputs(createTraffic({ ...SMALL, seed: 42 }));
    expect(second).toEqual(first);
    expect(first.rtds.length).toBeGreaterThan(SMALL.rtds.events);
    expect(first.cm.length).toBeGreaterThanOrEqual(SMALL.cm.events);
  });

  it('gives the same output when one stream is iterated twice', () => {
    const stream = createRtdsStream({ ...SMALL, seed: 'replay' });
    expect([...stream.lines()]).toEqual([...stream.lines()]);
  });

  it('gives different output for a different seed, in every source', () => {
    const one = allOutputs(createTraffic({ ...SMALL, seed: 1 }));
    const two = allOutputs(createTraffic({ ...SMALL, seed: 2 }));
    expect(two.rtds).not.toEqual(one.rtds);
    expect(two.compliance).not.toEqual(one.compliance);
    expect(two.cm).not.toEqual(one.cm);
    expect(two.track).not.toEqual(one.track);
    const ids = (lines: string[]) =>
      new Set(lines.filter((line) => line !== '').map((line) => line.slice(0, 50)));
    const shared = [...ids(one.rtds)].filter((id) => ids(two.rtds).has(id));
    expect(shared).toEqual([]);
  });

  it('keeps a source independent of the budgets of the others', () => {
    const small = createTraffic({ ...SMALL, seed: 9, cm: { events: 10 } });
    const large = createTraffic({ ...SMALL, seed: 9, cm: { events: 900 } });
    expect([...large.rtds.lines()]).toEqual([...small.rtds.lines()]);
  });

  it('starts event times at the configured start', () => {
    const start = '2025-01-15T09:30:00.000Z';
    const stream = createRtdsStream({ ...SMALL, start, seed: 3 });
    for (const record of stream.records()) {
      if (record.kind === 'event') expect(record.occurredMs).toBeGreaterThanOrEqual(Date.parse(start));
    }
  });
});

describe('Prng', () => {
  it('repeats its sequence for a seed and differs across seeds and labels', () => {
    const draw = (rng: Prng) => Array.from({ length: 5 }, () => rng.uint32());
    expect(draw(new Prng(7))).toEqual(draw(new Prng(7)));
    expect(draw(new Prng(7))).not.toEqual(draw(new Prng(8)));
    expect(draw(new Prng(7, 'a'))).not.toEqual(draw(new Prng(7, 'b')));
  });

  it('draws floats in [0, 1) and integers within their bounds', () => {
    const rng = new Prng('bounds');
    for (let index = 0; index < 10_000; index++) {
      const float = rng.float();
      expect(float >= 0 && float < 1).toBe(true);
      const int = rng.int(-2, 3);
      expect(int >= -2 && int <= 3 && Number.isInteger(int)).toBe(true);
    }
  });

  it('is roughly uniform', () => {
    const rng = new Prng('uniform');
    const buckets = new Array<number>(10).fill(0);
    for (let index = 0; index < 50_000; index++) {
      const bucket = Math.floor(rng.float() * 10);
      buckets[bucket] = (buckets[bucket] ?? 0) + 1;
    }
    for (const count of buckets) expect(Math.abs(count - 5000)).toBeLessThan(300);
  });
});

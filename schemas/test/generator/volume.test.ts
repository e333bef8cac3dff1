import { describe, expect, it } from 'vitest';
import { createRtdsStream } from '../../src/generator/index.js';

describe('generation speed', () => {
  it('streams 100k RTDS events and reports the rate', () => {
    const stream = createRtdsStream({ seed: 'speed', devices: 2000, rtds: { events: 100_000 } });
    const started = performance.now();
    let lines = 0;
    let bytes = 0;
    for (const line of stream.lines()) {
      lines += 1;
      bytes += line.length;
    }
    const seconds = (performance.now() - started) / 1000;
    console.info(
      `generated ${lines} RTDS lines (100000 unique events, ${(bytes / 1e6).toFixed(1)} MB) in ${seconds.toFixed(2)} s: ${Math.round(100_000 / seconds)} events/s`,
    );
    // The figure is reported, not asserted: speed is a benchmark's business, not a test's.
    expect(lines).toBeGreaterThan(100_000);
  });
});

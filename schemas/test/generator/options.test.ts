import { describe, expect, it } from 'vitest';
import { DEFAULT_TRAFFIC_OPTIONS, resolveTrafficOptions } from '../../src/generator/index.js';

describe('resolveTrafficOptions', () => {
  it('fills every default', () => {
    expect(resolveTrafficOptions()).toEqual(DEFAULT_TRAFFIC_OPTIONS);
    expect(DEFAULT_TRAFFIC_OPTIONS.start).toBe(Date.parse('2024-06-01T00:00:00.000Z'));
  });

  it('merges nested options over the defaults and leaves undefined ones alone', () => {
    const resolved = resolveTrafficOptions({
      start: '2025-02-01T00:00:00Z',
      rtds: { duplicateRate: 0.5, keepaliveRate: undefined },
      platformWeights: { WEB: 0 },
    });
    expect(resolved.start).toBe(Date.parse('2025-02-01T00:00:00Z'));
    expect(resolved.rtds.duplicateRate).toBe(0.5);
    expect(resolved.rtds.keepaliveRate).toBe(DEFAULT_TRAFFIC_OPTIONS.rtds.keepaliveRate);
    expect(resolved.platformWeights).toEqual({ ...DEFAULT_TRAFFIC_OPTIONS.platformWeights, WEB: 0 });
  });

  it.each([
    [{ devices: -1 }, /devices/],
    [{ devices: 1.5 }, /devices/],
    [{ start: 'yesterday' }, /not a time/],
    [{ apps: [] }, /apps/],
    [{ platformWeights: { IOS: 0, ANDROID: 0, AMAZON: 0, WEB: 0 } }, /platformWeights/],
    [{ rtds: { duplicateRate: 1.5 } }, /rtds\.duplicateRate/],
    [{ rtds: { unknownTypeRate: 1 } }, /rtds\.unknownTypeRate/],
    [{ rtds: { events: -3 } }, /rtds\.events/],
    [{ rtds: { latentCloseDelayMs: { min: 10, max: 5 } } }, /rtds\.latentCloseDelayMs/],
    [{ compliance: { keepaliveRate: Number.NaN } }, /compliance\.keepaliveRate/],
    [{ cm: { redeliveryRate: -0.1 } }, /cm\.redeliveryRate/],
    [{ track: { maxBatchSize: 0 } }, /track\.maxBatchSize/],
    [{ lifecycle: { meanStepGapMs: 0 } }, /lifecycle\.meanStepGapMs/],
    [{ lifecycle: { uninstallRate: 1 } }, /lifecycle\.uninstallRate/],
  ])('refuses %j, naming the option', (options, message) => {
    expect(() => resolveTrafficOptions(options)).toThrow(RangeError);
    expect(() => resolveTrafficOptions(options)).toThrow(message);
  });
});

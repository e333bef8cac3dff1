import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createTraffic, type MsRange, type TrafficOptions } from '../../src/generator/index.js';
import { parseCmRequest } from '../../src/raw/cm/parse-cm.js';
import { parseRtdsLine } from '../../src/raw/rtds/parse-rtds-line.js';
import { parseSegmentRequest } from '../../src/raw/segment/parse-segment.js';

const rate = fc.double({ min: 0, max: 1, noNaN: true });
const belowOne = fc.double({ min: 0, max: 0.99, noNaN: true });
const range: fc.Arbitrary<MsRange> = fc
  .tuple(fc.nat(100_000), fc.nat(100_000))
  .map(([a, b]) => ({ min: Math.min(a, b), max: Math.max(a, b) }));
const quirks = {
  events: fc.nat(250),
  keepaliveRate: rate,
  enableOffsetUpdates: fc.boolean(),
  duplicateRate: rate,
  lateDuplicateShare: rate,
  duplicateDelayMs: range,
  unknownTypeRate: belowOne,
  unknownFieldRate: rate,
  processingDelayMs: range,
  offsetEncoding: fc.constantFrom('numeric' as const, 'base64' as const),
};

const smallOptions: fc.Arbitrary<TrafficOptions> = fc.record(
  {
    seed: fc.oneof(fc.integer(), fc.string()),
    start: fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) }),
    devices: fc.nat(40),
    platformWeights: fc.record({
      IOS: rate,
      ANDROID: rate,
      AMAZON: rate,
      WEB: fc.double({ min: 0.01, max: 1, noNaN: true }),
    }),
    lifecycle: fc.record(
      {
        installSpreadMs: fc.nat(10_000_000),
        preinstalledShare: rate,
        meanStepGapMs: fc.integer({ min: 1, max: 50_000_000 }),
        meanSessionMs: fc.integer({ min: 1, max: 5_000_000 }),
        uninstallRate: belowOne,
        reinstallRate: rate,
        pushOptInShare: rate,
        pushOpenRate: rate,
        campaignIntervalMs: fc.integer({ min: 1000, max: 100_000_000 }),
      },
      { requiredKeys: [] },
    ),
    rtds: fc.record(
      { ...quirks, bigCustomValueRate: rate, latentCloseRate: rate, latentCloseDelayMs: range },
      { requiredKeys: ['events'] },
    ),
    compliance: fc.record(
      { ...quirks, channels: fc.nat(20), smsShare: rate },
      { requiredKeys: ['events', 'channels'] },
    ),
    cm: fc.record(
      {
        events: fc.nat(150),
        redeliveryRate: rate,
        maxRedeliveries: fc.nat(3),
        unknownTypeRate: belowOne,
        msisdnShare: rate,
        referenceShare: rate,
      },
      { requiredKeys: ['events'] },
    ),
    track: fc.record(
      {
        messages: fc.nat(150),
        batchRate: rate,
        maxBatchSize: fc.integer({ min: 1, max: 6 }),
        duplicateRate: rate,
        omitTypeRate: rate,
      },
      { requiredKeys: ['messages'] },
    ),
  },
  { requiredKeys: ['seed', 'devices', 'rtds', 'compliance', 'cm', 'track'] },
);

describe('for any small options', () => {
  it('generation never throws and every line and body parses', () => {
    fc.assert(
      fc.property(smallOptions, (options) => {
        const traffic = createTraffic(options);
        for (const stream of [traffic.rtds, traffic.compliance]) {
          for (const line of stream.lines()) {
            if (line === '') continue;
            const result = parseRtdsLine(line);
            if (!result.ok) throw new Error(`${result.error.message}: ${line}`);
          }
        }
        for (const body of traffic.cm.bodies()) {
          const result = parseCmRequest(body);
          if (!result.ok) throw new Error(`${result.error.message}: ${body}`);
        }
        for (const body of traffic.track.bodies()) {
          const result = parseSegmentRequest(body);
          if (!result.ok) throw new Error(`${result.error.message}: ${body}`);
          for (const item of 'items' in result ? result.items : []) {
            if (!item.ok) throw new Error(`${item.error.message}: ${body}`);
          }
        }
        const summary = traffic.summary();
        expect(summary.rtds.uniqueEvents).toBeLessThanOrEqual(traffic.options.rtds.events);
        expect(summary.cm.uniqueEvents).toBeLessThanOrEqual(traffic.options.cm.events);
        expect(summary.track.uniqueMessages).toBeLessThanOrEqual(traffic.options.track.messages);
      }),
      { seed: 20240611, numRuns: 60 },
    );
  });
});

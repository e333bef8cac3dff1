import { describe, expect, it } from 'vitest';
import { HOUR, MINUTE } from '../../src/generator/iso-time.js';
import { createCmWebhooks, createRtdsStream, createTrackRequests } from '../../src/generator/index.js';

/** |observed − expected| within `sigmas` binomial standard deviations (plus one, for tiny counts). */
function expectNear(observed: number, trials: number, rate: number, sigmas = 4): void {
  const expected = trials * rate;
  const tolerance = sigmas * Math.sqrt(trials * rate * (1 - rate)) + 1;
  expect(
    Math.abs(observed - expected),
    `observed ${observed}, expected ${expected.toFixed(1)} ± ${tolerance.toFixed(1)}`,
  ).toBeLessThanOrEqual(tolerance);
}

describe('the configured RTDS rates hold', () => {
  const rtds = {
    events: 5000,
    duplicateRate: 0.05,
    keepaliveRate: 0.1,
    unknownTypeRate: 0.03,
    unknownFieldRate: 0.08,
    latentCloseRate: 0.4,
    bigCustomValueRate: 0.25,
  } as const;
  const truth = createRtdsStream({ seed: 'rates', devices: 200, rtds }).groundTruth();

  it('duplicates: a share of the unique events', () => {
    expect(truth.uniqueEvents).toBe(rtds.events);
    expectNear(truth.duplicateLines, truth.uniqueEvents, rtds.duplicateRate);
  });

  it('keepalives: per event line', () => {
    expectNear(truth.keepaliveLines, truth.eventLines, rtds.keepaliveRate);
  });

  it('undocumented types and fields: a share of the unique events', () => {
    expectNear(truth.unknownTypeEvents, truth.uniqueEvents, rtds.unknownTypeRate);
    expectNear(truth.unknownFieldEvents, truth.uniqueEvents - truth.unknownTypeEvents, rtds.unknownFieldRate);
  });

  it('oversized values: a share of the CUSTOM events', () => {
    expectNear(truth.bigValueEvents, truth.eventTypes.CUSTOM ?? 0, rtds.bigCustomValueRate);
  });

  it('latent CLOSEs: a share of the CLOSEs that had time to arrive', () => {
    // A latent CLOSE of the last hours is still on its way when the stream ends, so only CLOSEs that
    // occurred at least the longest latency before the end count.
    const latency = { min: 10 * MINUTE, max: 2 * HOUR };
    const records = [
      ...createRtdsStream({
        seed: 'latent',
        devices: 200,
        rtds: { ...rtds, latentCloseDelayMs: latency },
      }).records(),
    ].filter((record) => record.kind === 'event' && !record.duplicate);
    const end = Math.max(...records.map((record) => record.timeMs));
    const closes = records.filter(
      (record) => record.kind === 'event' && record.type === 'CLOSE' && record.occurredMs + latency.max < end,
    );
    const latent = closes.filter((record) => record.kind === 'event' && record.latent);
    expect(closes.length).toBeGreaterThan(300);
    expectNear(latent.length, closes.length, rtds.latentCloseRate);
  });

  it('with rates at zero, none of it', () => {
    const clean = createRtdsStream({
      seed: 'clean',
      devices: 50,
      rtds: {
        events: 1000,
        duplicateRate: 0,
        keepaliveRate: 0,
        unknownTypeRate: 0,
        unknownFieldRate: 0,
        latentCloseRate: 0,
        bigCustomValueRate: 0,
      },
    }).groundTruth();
    expect(clean).toMatchObject({
      lines: 1000,
      duplicateLines: 0,
      keepaliveLines: 0,
      unknownTypeEvents: 0,
      unknownFieldEvents: 0,
      latentEvents: 0,
      bigValueEvents: 0,
    });
  });
});

describe('the configured CM.com rates hold', () => {
  const cm = {
    events: 3000,
    redeliveryRate: 0.1,
    unknownTypeRate: 0.04,
    referenceShare: 0.5,
    maxRedeliveries: 3,
  } as const;
  const truth = createCmWebhooks({ seed: 'cm-rates', devices: 600, cm }).groundTruth();

  it('redeliveries: a share of the bodies, each delivered again one to three times', () => {
    expect(truth.uniqueEvents).toBe(cm.events);
    expectNear(truth.redeliveredEvents, truth.uniqueEvents, cm.redeliveryRate);
    expect(truth.redeliveries).toBeGreaterThanOrEqual(truth.redeliveredEvents);
    expect(truth.redeliveries).toBeLessThanOrEqual(3 * truth.redeliveredEvents);
  });

  it('undocumented types and the newer reference field', () => {
    expectNear(truth.unknownTypeEvents, truth.uniqueEvents, cm.unknownTypeRate);
    expectNear(truth.withReference, truth.uniqueEvents, cm.referenceShare);
  });
});

describe('the configured track rates hold', () => {
  const track = { messages: 4000, duplicateRate: 0.05, batchRate: 0.4, maxBatchSize: 8 } as const;
  const stream = createTrackRequests({ seed: 'track-rates', devices: 300, track });
  const truth = stream.groundTruth();

  it('re-sent messages: a share of the unique messages', () => {
    expect(truth.uniqueMessages).toBe(track.messages);
    expectNear(truth.duplicateMessages, truth.uniqueMessages, track.duplicateRate);
  });

  it('batches: a share of the requests, never above the largest size', () => {
    expectNear(truth.batchRequests, truth.requests, track.batchRate);
    for (const record of stream.records())
      expect(record.messages.length).toBeLessThanOrEqual(record.batch ? 8 : 1);
  });

  it('omits `type` in Intilery server-API style at the configured rate', () => {
    const messages = [...stream.bodies()].flatMap((body): unknown[] => {
      const parsed = JSON.parse(body) as { batch?: unknown[] };
      return parsed.batch ?? [parsed];
    });
    const untyped = messages.filter(
      (message) => typeof message === 'object' && message !== null && !('type' in message),
    );
    const typeable = messages.filter((message) => (message as { type?: string }).type !== 'screen');
    expectNear(untyped.length, typeable.length, 0.1);
  });
});

import { describe, expect, it } from 'vitest';
import {
  createCmWebhooks,
  createComplianceStream,
  createRtdsStream,
  createTrackRequests,
  createTraffic,
  decodeOffset,
  type RtdsStream,
} from '../../src/generator/index.js';
import { parseCmRequest } from '../../src/raw/cm/parse-cm.js';
import { parseRtdsLine } from '../../src/raw/rtds/parse-rtds-line.js';
import type { RtdsEvent } from '../../src/raw/rtds/rtds-event.js';
import { parseSegmentRequest } from '../../src/raw/segment/parse-segment.js';
import { fieldAt } from '../raw/field-at.js';
import { cmEffect, rtdsEffect, statusOf, type Effect } from './independent-status.js';

const OPTIONS = {
  seed: 'truth',
  devices: 150,
  rtds: {
    events: 4000,
    duplicateRate: 0.05,
    lateDuplicateShare: 0.3,
    keepaliveRate: 0.05,
    latentCloseRate: 0.5,
    latentCloseDelayMs: { min: 3_600_000, max: 86_400_000 },
  },
  compliance: { events: 1500, channels: 60, duplicateRate: 0.05 },
  cm: { events: 1500, redeliveryRate: 0.1 },
  track: { messages: 1500, duplicateRate: 0.05 },
} as const;

interface ParsedLine {
  readonly index: number;
  readonly line: string;
  readonly event: RtdsEvent;
}

function parsedEvents(stream: RtdsStream): ParsedLine[] {
  return [...stream.lines()].flatMap((line, index) => {
    if (line === '') return [];
    const result = parseRtdsLine(line);
    if (!result.ok) throw new Error(result.error.message);
    return result.event.type === 'OFFSET_UPDATE' ? [] : [{ index, line, event: result.event }];
  });
}

function withoutPosition(line: string): unknown {
  const { offset: _offset, processed: _processed, ...rest } = JSON.parse(line) as Record<string, unknown>;
  return rest;
}

function timeOf(text: string | undefined): number {
  return text === undefined ? Number.NaN : Date.parse(text);
}

describe.each([
  ['event stream, numeric offsets', createRtdsStream(OPTIONS)],
  [
    'event stream, base64 offsets',
    createRtdsStream({ ...OPTIONS, rtds: { ...OPTIONS.rtds, offsetEncoding: 'base64' } }),
  ],
  ['compliance stream', createComplianceStream(OPTIONS)],
])('RTDS ground truth is consistent with the %s', (_name, stream) => {
  const truth = stream.groundTruth();
  const events = parsedEvents(stream);
  const duplicates = new Set(truth.duplicateLineIndexes);
  const originals = events.filter(({ index }) => !duplicates.has(index));

  it('the unique ids are exactly the ids of the non-duplicate lines, each once', () => {
    const ids = originals.map(({ event }) => event.id);
    expect(new Set(ids)).toEqual(truth.uniqueIds);
    expect(ids).toHaveLength(truth.uniqueIds.size);
    expect(truth.uniqueEvents).toBe(truth.uniqueIds.size);
  });

  it('every duplicate repeats an earlier event, same id and content, new offset and later processed', () => {
    const firstById = new Map<string, ParsedLine>();
    for (const parsed of events) {
      const id = parsed.event.id ?? '';
      const first = firstById.get(id);
      if (!duplicates.has(parsed.index)) {
        firstById.set(id, parsed);
        continue;
      }
      if (first === undefined) return expect.fail(`duplicate before its original: ${parsed.line}`);
      expect(first.index).toBeLessThan(parsed.index);
      expect(withoutPosition(parsed.line)).toEqual(withoutPosition(first.line));
      expect(parsed.event.offset).not.toBe(first.event.offset);
      expect(timeOf(parsed.event.processed)).toBeGreaterThan(timeOf(first.event.processed));
    }
    expect(duplicates.size).toBeGreaterThan(0);
  });

  it('event offsets strictly increase in stream order; OFFSET_UPDATE offsets never go back', () => {
    const encoding = stream.options.rtds.offsetEncoding;
    let previous = -1;
    for (const record of stream.records()) {
      if (record.kind === 'keepalive') continue;
      const value = decodeOffset(record.offset, encoding);
      if (record.kind === 'event') expect(value).toBeGreaterThan(previous);
      else expect(value).toBeGreaterThanOrEqual(previous);
      previous = value;
    }
    expect(truth.lastOffset).toBe(events.at(-1)?.event.offset);
  });

  it('occurred ≤ processed on every event, and lines come in processing order', () => {
    let previous = 0;
    for (const { event } of events) {
      const processed = timeOf(event.processed);
      expect(timeOf(event.occurred)).toBeLessThanOrEqual(processed);
      expect(processed).toBeGreaterThanOrEqual(previous);
      previous = processed;
    }
  });

  it('per device, the expected events and final status match the lines', () => {
    const byChannel = new Map<string, { id: string; occurredMs: number; effect: Effect }[]>();
    for (const { event } of originals) {
      const channel = fieldAt(event, 'device.channel');
      if (typeof channel !== 'string') continue;
      const list = byChannel.get(channel) ?? [];
      list.push({ id: event.id ?? '', occurredMs: timeOf(event.occurred), effect: rtdsEffect(event) });
      byChannel.set(channel, list);
    }
    expect(truth.devices.size).toBe(byChannel.size);
    for (const device of truth.devices.values()) {
      const lines = byChannel.get(device.deviceId) ?? [];
      expect(device.deviceKey).toBe(`airship:${device.appKey}:${device.deviceId}`);
      expect(device.events.map((event) => event.id).sort()).toEqual(lines.map((event) => event.id).sort());
      expect(device.events.map((event) => event.occurredMs)).toEqual(
        lines.map((event) => event.occurredMs).sort((a, b) => a - b),
      );
      expect(device.status).toBe(statusOf(lines));
    }
  });
});

describe('latent CLOSE events', () => {
  it('are processed later than the configured latency after they occurred; other events promptly', () => {
    const { latentCloseDelayMs, processingDelayMs } = createRtdsStream(OPTIONS).options.rtds;
    let latent = 0;
    for (const record of createRtdsStream(OPTIONS).records()) {
      if (record.kind !== 'event' || record.duplicate) continue;
      const lag = record.processedMs - record.occurredMs;
      if (record.latent) {
        latent += 1;
        expect(record.type).toBe('CLOSE');
        expect(lag).toBeGreaterThanOrEqual(latentCloseDelayMs.min);
        expect(lag).toBeLessThanOrEqual(latentCloseDelayMs.max);
      } else {
        expect(lag).toBeLessThanOrEqual(processingDelayMs.max);
      }
    }
    expect(latent).toBeGreaterThan(20);
  });
});

describe('CM.com ground truth is consistent with the bodies', () => {
  const stream = createCmWebhooks(OPTIONS);
  const truth = stream.groundTruth();
  const bodies = [...stream.bodies()];

  it('a redelivery is an earlier body byte for byte; other bodies are all distinct', () => {
    const redeliveries = new Set(truth.redeliveryIndexes);
    const seen = new Set<string>();
    for (const [index, body] of bodies.entries()) {
      if (redeliveries.has(index)) expect(seen.has(body), body).toBe(true);
      else expect(seen.has(body), body).toBe(false);
      seen.add(body);
    }
    expect(seen.size).toBe(truth.uniqueEvents);
    expect(bodies.length).toBe(truth.uniqueEvents + truth.redeliveries);
  });

  it('per installation, the final status matches the bodies', () => {
    const byInstallation = new Map<string, { occurredMs: number; effect: Effect }[]>();
    const redeliveries = new Set(truth.redeliveryIndexes);
    for (const [index, body] of bodies.entries()) {
      if (redeliveries.has(index)) continue;
      const result = parseCmRequest(body);
      if (!result.ok) return expect.fail(result.error.message);
      const list = byInstallation.get(result.event.from.number) ?? [];
      list.push({
        occurredMs: Date.parse(`${result.event.timeUtc}Z`),
        effect: cmEffect(result.event.event.type),
      });
      byInstallation.set(result.event.from.number, list);
    }
    expect(truth.devices.size).toBe(byInstallation.size);
    for (const device of truth.devices.values()) {
      expect(device.status).toBe(statusOf(byInstallation.get(device.deviceId) ?? []));
    }
    expect(truth.statusCounts.UNREGISTERED).toBeGreaterThan(0);
    expect(truth.statusCounts.ACTIVE).toBeGreaterThan(0);
  });
});

describe('track ground truth is consistent with the bodies', () => {
  const stream = createTrackRequests(OPTIONS);
  const truth = stream.groundTruth();

  it('unique messageIds match; a re-sent message repeats an earlier one exactly', () => {
    const seen = new Map<string, string>();
    let repeats = 0;
    let previousSentAt = 0;
    for (const body of stream.bodies()) {
      const result = parseSegmentRequest(body);
      if (!result.ok) return expect.fail(result.error.message);
      const parsed = JSON.parse(body) as Record<string, unknown> & { batch?: Record<string, unknown>[] };
      const sentAt = Date.parse(String(parsed.sentAt));
      expect(sentAt).toBeGreaterThanOrEqual(previousSentAt);
      previousSentAt = sentAt;
      for (const message of parsed.batch ?? [parsed]) {
        const { writeKey: _writeKey, sentAt: _sentAt, ...content } = message;
        const id = String(content.messageId);
        expect(Date.parse(String(content.timestamp))).toBeLessThanOrEqual(sentAt);
        const text = JSON.stringify(content);
        const earlier = seen.get(id);
        if (earlier === undefined) seen.set(id, text);
        else {
          repeats += 1;
          expect(text).toBe(earlier);
        }
      }
    }
    expect(new Set(seen.keys())).toEqual(truth.uniqueMessageIds);
    expect(repeats).toBe(truth.duplicateMessages);
    expect(repeats).toBeGreaterThan(0);
  });
});

describe('a connection for one app key', () => {
  it('carries only that app’s devices and campaigns', () => {
    const traffic = createTraffic(OPTIONS);
    const appKey = traffic.options.apps[1]?.airshipAppKey ?? '';
    const channels = new Set(
      traffic
        .population()
        .filter((device) => device.app.airshipAppKey === appKey)
        .map((device) => device.channel),
    );
    const stream = createRtdsStream({ ...OPTIONS, rtds: { ...OPTIONS.rtds, appKey } });
    const truth = stream.groundTruth();
    expect(truth.devices.size).toBeGreaterThan(0);
    for (const device of truth.devices.values()) {
      expect(device.appKey).toBe(appKey);
      expect(channels.has(device.deviceId)).toBe(true);
    }
    expect(truth.eventTypes.PUSH_BODY).toBeGreaterThan(0);
    expect(() => createRtdsStream({ rtds: { appKey: 'nope' } })).toThrow(/rtds.appKey/);
  });
});

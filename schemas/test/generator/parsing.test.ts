import { describe, expect, it } from 'vitest';
import {
  createCmWebhooks,
  createComplianceStream,
  createRtdsStream,
  createTrackRequests,
  UNKNOWN_CM_EVENT_TYPES,
  UNKNOWN_COMPLIANCE_EVENT_TYPES,
  UNKNOWN_RTDS_TYPES,
} from '../../src/generator/index.js';
import { CM_EVENT_TYPES } from '../../src/raw/cm/cm-event.js';
import { parseCmRequest } from '../../src/raw/cm/parse-cm.js';
import { parseRtdsLine } from '../../src/raw/rtds/parse-rtds-line.js';
import { isKnownRtdsEvent } from '../../src/raw/rtds/rtds-event.js';
import { isRegisterPush } from '../../src/raw/segment/segment-message.js';
import { parseSegmentRequest } from '../../src/raw/segment/parse-segment.js';
import { fieldAt } from '../raw/field-at.js';

const OPTIONS = {
  seed: 'parse',
  devices: 150,
  rtds: { events: 4000, unknownTypeRate: 0.02, unknownFieldRate: 0.1, bigCustomValueRate: 0.2 },
  compliance: { events: 1500, channels: 60, unknownTypeRate: 0.05, unknownFieldRate: 0.1 },
  cm: { events: 1000, unknownTypeRate: 0.05 },
  track: { messages: 1500 },
} as const;

describe('every generated RTDS line parses', () => {
  it('with parseRtdsLine, as the type and id the generator says, blank lines being keepalives', () => {
    let keepalives = 0;
    for (const record of createRtdsStream(OPTIONS).records()) {
      if (record.kind === 'keepalive') {
        keepalives += 1;
        expect(record.line).toBe('');
        expect(parseRtdsLine(record.line)).toMatchObject({
          ok: false,
          error: { code: 'RECORD_INVALID_JSON' },
        });
        continue;
      }
      expect(record.line).not.toMatch(/\n/);
      const result = parseRtdsLine(record.line);
      if (!result.ok) expect.fail(`${result.error.message}\n${record.line}`);
      if (record.kind === 'event') expect(result.event).toMatchObject({ type: record.type, id: record.id });
    }
    expect(keepalives).toBeGreaterThan(0);
  });

  it('writes OFFSET_UPDATE events instead of blank keepalives when offset updates are enabled', () => {
    const stream = createRtdsStream({ ...OPTIONS, rtds: { events: 2000, enableOffsetUpdates: true } });
    const records = [...stream.records()];
    expect(records.some((record) => record.kind === 'keepalive')).toBe(false);
    const updates = records.filter((record) => record.kind === 'offset-update');
    expect(updates.length).toBeGreaterThan(0);
    for (const update of updates) {
      const result = parseRtdsLine(update.line);
      expect(result).toMatchObject({ ok: true, event: { type: 'OFFSET_UPDATE', offset: update.offset } });
      expect(result.ok && 'device' in result.event).toBe(false);
    }
  });

  it('parses undocumented types as generic events that keep every field', () => {
    const unknown = [...createRtdsStream(OPTIONS).records()].filter(
      (record) => record.kind === 'event' && record.unknownType,
    );
    expect(unknown.length).toBeGreaterThan(20);
    for (const record of unknown) {
      const result = parseRtdsLine(record.line);
      if (!result.ok) return expect.fail(result.error.message);
      expect(UNKNOWN_RTDS_TYPES).toContain(result.event.type);
      expect(isKnownRtdsEvent(result.event)).toBe(false);
      expect(result.event).toEqual(JSON.parse(record.line));
    }
  });

  it('keeps the undocumented fields of documented events', () => {
    let checked = 0;
    for (const record of createRtdsStream(OPTIONS).records()) {
      if (record.kind !== 'event' || record.unknownFields.length === 0) continue;
      const result = parseRtdsLine(record.line);
      if (!result.ok) return expect.fail(result.error.message);
      expect(isKnownRtdsEvent(result.event)).toBe(true);
      for (const path of record.unknownFields) {
        expect(fieldAt(result.event, path), `${path} in ${record.line}`).toEqual(
          fieldAt(JSON.parse(record.line), path),
        );
        expect(fieldAt(result.event, path)).toBeDefined();
      }
      checked += 1;
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('writes oversized CUSTOM values as exact digits that still parse', () => {
    let checked = 0;
    for (const record of createRtdsStream(OPTIONS).records()) {
      if (record.kind !== 'event' || record.bigValue === undefined) continue;
      expect(record.line).toContain(`"value":${record.bigValue}`);
      expect(record.bigValue.replace('.', '').length).toBeGreaterThan(17);
      const result = parseRtdsLine(record.line);
      expect(result).toMatchObject({ ok: true, event: { type: 'CUSTOM' } });
      expect(typeof (result.ok && fieldAt(result.event, 'body.value'))).toBe('number');
      checked += 1;
    }
    expect(checked).toBeGreaterThan(10);
  });
});

describe('every generated compliance line parses', () => {
  it('as a COMPLIANCE event, undocumented event types as generic compliance events', () => {
    let unknown = 0;
    for (const record of createComplianceStream(OPTIONS).records()) {
      if (record.kind === 'keepalive') continue;
      const result = parseRtdsLine(record.line);
      if (!result.ok) return expect.fail(`${result.error.message}\n${record.line}`);
      if (record.kind !== 'event') continue;
      expect(result.event.type).toBe('COMPLIANCE');
      const eventType = fieldAt(result.event, 'body.event_type');
      if (record.unknownType) {
        unknown += 1;
        expect(UNKNOWN_COMPLIANCE_EVENT_TYPES).toContain(eventType);
        expect(fieldAt(result.event, 'body.properties.consent_id')).toBeDefined();
      }
    }
    expect(unknown).toBeGreaterThan(10);
  });
});

describe('every generated CM.com body parses', () => {
  it('with parseCmRequest, as the type the generator says; undocumented types keep their fields', () => {
    let unknown = 0;
    for (const record of createCmWebhooks(OPTIONS).records()) {
      const result = parseCmRequest(record.body);
      if (!result.ok) return expect.fail(`${result.error.message}\n${record.body}`);
      expect(result.event.event.type).toBe(record.type);
      expect(result.event.from.number).toBe(record.device.deviceId);
      if (record.unknownType) {
        unknown += 1;
        expect(CM_EVENT_TYPES).not.toContain(record.type);
        expect(UNKNOWN_CM_EVENT_TYPES).toContain(record.type);
        expect(result.event).toEqual(JSON.parse(record.body));
      }
    }
    expect(unknown).toBeGreaterThan(10);
  });

  it('sends verified phone numbers in CM’s 00 form', () => {
    const msisdns = [...createCmWebhooks(OPTIONS).bodies()].flatMap((body) => {
      const msisdn = fieldAt(JSON.parse(body), 'event.custom.msisdn');
      return typeof msisdn === 'string' && msisdn !== '' ? [msisdn] : [];
    });
    expect(msisdns.length).toBeGreaterThan(0);
    for (const msisdn of msisdns) expect(msisdn).toMatch(/^00[1-9]\d{7,13}$/);
  });
});

describe('every generated track body parses', () => {
  it('with parseSegmentRequest, every batch item too, with the messageIds the generator says', () => {
    let registerPush = 0;
    let batches = 0;
    for (const record of createTrackRequests(OPTIONS).records()) {
      const result = parseSegmentRequest(record.body);
      if (!result.ok) return expect.fail(`${result.error.message}\n${record.body}`);
      const items = 'items' in result ? result.items : [result];
      if ('items' in result) batches += 1;
      expect('items' in result).toBe(record.batch);
      expect(items).toHaveLength(record.messages.length);
      for (const [index, item] of items.entries()) {
        if (!item.ok) return expect.fail(`${item.error.message}\n${record.body}`);
        expect(item.event.messageId).toBe(record.messages[index]?.messageId);
        if (isRegisterPush(item.event)) {
          registerPush += 1;
          expect(item.event.properties.deviceId).toMatch(/^fcm-dev-/);
          expect(item.event.properties.fcmToken).toContain(':APA91b');
        }
      }
    }
    expect(registerPush).toBeGreaterThan(10);
    expect(batches).toBeGreaterThan(10);
  });
});

import { describe, expect, it } from 'vitest';
import { parseRtdsLine } from '../../src/raw/rtds/parse-rtds-line.js';
import { isKnownRtdsEvent } from '../../src/raw/rtds/rtds-event.js';
import { rtdsLine } from './rtds-event-builder.js';

const device = { channel: '1ef235f0-03d5-1384-893e-a19b5cd0d110', device_type: 'IOS' };

describe('unknown RTDS types parse as generic events', () => {
  it('keeps every field of an event of a new type', () => {
    const line = rtdsLine({ type: 'HOLOGRAM_VIEWED', body: { hologram_id: 'h1', depth: 3 }, extra: [1, 2] });
    const result = parseRtdsLine(line);
    expect(result).toMatchObject({
      ok: true,
      event: { type: 'HOLOGRAM_VIEWED', body: { hologram_id: 'h1', depth: 3 }, extra: [1, 2] },
    });
    expect(result.ok && isKnownRtdsEvent(result.event)).toBe(false);
  });

  it('needs only type and offset for a new type', () => {
    expect(parseRtdsLine('{"type":"SOMETHING_NEW","offset":"1"}')).toEqual({
      ok: true,
      event: { type: 'SOMETHING_NEW', offset: '1' },
    });
  });

  it('still checks the common envelope of a new type when present', () => {
    expect(parseRtdsLine(rtdsLine({ type: 'SOMETHING_NEW', device: { channel: 5 } }))).toMatchObject({
      ok: false,
      error: { path: 'device.channel' },
    });
  });

  it('does not let a known type that breaks its schema fall back to the generic event', () => {
    expect(parseRtdsLine(rtdsLine({ body: {} }))).toMatchObject({
      ok: false,
      error: { path: 'body.push_id' },
    });
  });
});

describe('unknown fields survive at every level', () => {
  it.each([
    ['top level', { new_top: { a: 1 } }, ['new_top', 'a'], 1],
    ['device', { device: { ...device, push_address: 'x' } }, ['device', 'push_address'], 'x'],
    [
      'device attributes',
      { device: { ...device, attributes: { dark_mode: 'on' } } },
      ['device', 'attributes', 'dark_mode'],
      'on',
    ],
    [
      'device identifiers',
      { device: { ...device, identifiers: { GA_CID: 'g' } } },
      ['device', 'identifiers', 'GA_CID'],
      'g',
    ],
    ['user', { user: { contact_id: 'c', tier: 'gold' } }, ['user', 'tier'], 'gold'],
    ['body', { body: { push_id: 'p', priority: 'high' } }, ['body', 'priority'], 'high'],
    [
      'nested body object',
      { body: { push_id: 'p', campaigns: { categories: ['a'], owner: 'o' } } },
      ['body', 'campaigns', 'owner'],
      'o',
    ],
  ])('in %s', (_where, overrides, path, value) => {
    const result = parseRtdsLine(rtdsLine(overrides));
    if (!result.ok) throw new Error(result.error.message);
    let current: unknown = result.event;
    for (const key of path) current = (current as Record<string, unknown>)[key];
    expect(current).toEqual(value);
  });

  it('in compliance sub-events and unknown compliance sub-events', () => {
    const known = parseRtdsLine(
      rtdsLine({
        type: 'COMPLIANCE',
        device: { channel: 'c', device_type: 'SMS' },
        body: {
          event_type: 'opted_out',
          identifiers: { sender: '1', msisdn: '2', carrier: 'kpn' },
          reason: 'api',
        },
      }),
    );
    expect(known).toMatchObject({
      ok: true,
      event: { body: { reason: 'api', identifiers: { carrier: 'kpn' } } },
    });
    const unknown = parseRtdsLine(
      rtdsLine({
        type: 'COMPLIANCE',
        device: { channel: 'c', device_type: 'WHATSAPP' },
        body: { event_type: 'template_opt_in', wa_id: 'w' },
      }),
    );
    expect(unknown).toMatchObject({
      ok: true,
      event: { device: { device_type: 'WHATSAPP' }, body: { event_type: 'template_opt_in', wa_id: 'w' } },
    });
  });

  it('in OFFSET_UPDATE, which may carry fields the prose does not mention', () => {
    const line =
      '{"type":"OFFSET_UPDATE","offset":"9","occurred":"2019-03-04T19:05:00.000Z","processed":"2019-03-04T19:05:00.000Z","stream":"s1"}';
    expect(parseRtdsLine(line)).toMatchObject({ ok: true, event: { stream: 's1' } });
  });

  it('and documented enumerations stay open to new values', () => {
    expect(parseRtdsLine(rtdsLine({ device: { channel: 'c', device_type: 'HARMONY' } }))).toMatchObject({
      ok: true,
    });
    expect(
      parseRtdsLine(
        rtdsLine({ type: 'SEND_REJECTED', device, body: { push_id: 'p', status: 'QuotaExceeded' } }),
      ),
    ).toMatchObject({ ok: true, event: { body: { status: 'QuotaExceeded' } } });
  });
});

describe('typing', () => {
  it('narrows a known event by its type', () => {
    const result = parseRtdsLine(rtdsLine());
    if (!result.ok || !isKnownRtdsEvent(result.event)) throw new Error('expected a known event');
    const event = result.event;
    const pushId = event.type === 'SEND' ? event.body.push_id : undefined;
    expect(pushId).toBe('0c173744-dd35-4b5e-9f7f-2b7e0ce0e36e');
  });
});

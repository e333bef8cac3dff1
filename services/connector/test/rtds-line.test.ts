import { describe, expect, it } from 'vitest';
import { readRtdsLine } from '../src/core/rtds-line.js';

const read = (text: string) => readRtdsLine(Buffer.from(text), 'APP');

describe('readRtdsLine', () => {
  it.each([
    ['', { kind: 'keepalive' }],
    ['  \r', { kind: 'keepalive' }],
    [
      '{"type":"OFFSET_UPDATE","offset":"1000","occurred":"x","processed":"y"}',
      { kind: 'offset-update', offset: '1000' },
    ],
    [
      '{"id":"e1","offset":"1001","type":"OPEN","device":{"channel":"ch-1","device_type":"IOS"}}',
      { kind: 'event', id: 'e1', type: 'OPEN', offset: '1001', key: 'airship:APP:ch-1' },
    ],
    [
      '{"id":"e2","offset":"1002","type":"OPEN","user":{"contact_id":"c-9"}}',
      { kind: 'event', id: 'e2', type: 'OPEN', offset: '1002', key: 'airship:APP:contact:c-9' },
    ],
    [
      '{"id":"e3","offset":"1003","type":"SUBSCRIPTION_LIST","device":{"named_user_id":"nu"}}',
      {
        kind: 'event',
        id: 'e3',
        type: 'SUBSCRIPTION_LIST',
        offset: '1003',
        key: 'airship:APP:named-user:nu',
      },
    ],
    [
      '{"id":"e4","offset":"1004","type":"PUSH_BODY","body":{"push_id":"p-1"}}',
      { kind: 'event', id: 'e4', type: 'PUSH_BODY', offset: '1004', key: 'airship:APP:push:p-1' },
    ],
    [
      '{"id":"e5","offset":"1005","type":"BRAND_NEW_TYPE"}',
      { kind: 'event', id: 'e5', type: 'BRAND_NEW_TYPE', offset: '1005', key: 'airship:APP:event:e5' },
    ],
  ])('%s', (line, expected) => {
    expect(read(line)).toEqual(expected);
  });

  it('routes events with numbers beyond double precision without touching them', () => {
    const line =
      '{"id":"e6","offset":"1006","type":"CUSTOM","device":{"channel":"c"},"body":{"name":"buy","value":123456789012345678901234567890}}';
    expect(read(line)).toMatchObject({ kind: 'event', id: 'e6', key: 'airship:APP:c' });
  });

  it.each([
    ['{"id":"x","type":"OPEN"', /^not JSON: /],
    ['[1,2]', /^not a JSON object$/],
    ['{"id":"x","type":"OPEN","offset":1007}', /^no string offset$/],
    ['{"type":"OPEN","offset":"1008"}', /^OPEN at offset 1008 has no id$/],
  ])('marks %s invalid with a reason', (line, reason) => {
    const result = read(line);
    expect(result.kind).toBe('invalid');
    if (result.kind === 'invalid') expect(result.reason).toMatch(reason);
  });
});

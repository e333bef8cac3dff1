import { describe, expect, it } from 'vitest';
import { parseRtdsLine } from '../../src/raw/rtds/parse-rtds-line.js';
import { rtdsEvent, rtdsLine } from './rtds-event-builder.js';

const device = { channel: '1ef235f0-03d5-1384-893e-a19b5cd0d110', device_type: 'IOS' };
const smsDevice = { channel: 'a828de17-b315-4e80-9d2d-35a906afeacf', device_type: 'SMS' };
const emailDevice = {
  channel: 'b8519372-54ff-456d-9819-7faa92fe8b9d',
  device_type: 'EMAIL',
  delivery_address: 'a@example.com',
};

describe('readable RTDS errors: the message names the failing field', () => {
  it.each([
    [
      'push id of the wrong type',
      rtdsLine({ body: { push_id: 5 } }),
      'body.push_id',
      'body.push_id: expected string, received number',
    ],
    [
      'push id missing',
      rtdsLine({ body: {} }),
      'body.push_id',
      'body.push_id: required field missing (expected string)',
    ],
    ['body missing', rtdsLine({ body: undefined }), 'body', 'body: required field missing (expected object)'],
    [
      'device missing',
      rtdsLine({ device: undefined }),
      'device',
      'device: required field missing (expected object)',
    ],
    ['id missing', rtdsLine({ id: undefined }), 'id', 'id: required field missing (expected string)'],
    ['id empty', rtdsLine({ id: '' }), 'id', 'id: expected a non-empty string'],
    [
      'offset as a JSON number',
      rtdsLine({ offset: 1000022469540 }),
      'offset',
      'offset: expected string, received number',
    ],
    [
      'occurred not a time',
      rtdsLine({ occurred: 'yesterday' }),
      'occurred',
      'occurred: expected an ISO-8601 date-time string',
    ],
    ['user a string', rtdsLine({ user: 'mini_me' }), 'user', 'user: expected object, received string'],
    [
      'app device without channel',
      rtdsLine({ type: 'CLOSE', device: { device_type: 'IOS' }, body: {} }),
      'device.channel',
      'device.channel: required field missing (expected string)',
    ],
    [
      'identifier with a dotted key of the wrong type',
      rtdsLine({ device: { ...device, identifiers: { 'com.urbanairship.idfa': {} } } }),
      'device.identifiers["com.urbanairship.idfa"]',
      'device.identifiers["com.urbanairship.idfa"]: expected string, received object',
    ],
    [
      'web attributes without the user agent',
      rtdsLine({
        type: 'WEB_SESSION',
        device: {
          channel: 'bd054c5b',
          device_type: 'WEB',
          attributes: {
            push_opt_in: 'true',
            ua_sdk_version: '1.1.0',
            web_browser_name: 'chrome',
            web_browser_type: 'desktop',
            web_browser_version: 'chrome-73',
          },
        },
        body: {},
      }),
      'device.attributes.web_user_agent_string',
      'device.attributes.web_user_agent_string: required field missing (expected string)',
    ],
    [
      'uninstall decay not a boolean',
      rtdsLine({ type: 'UNINSTALL', device, body: { decay: 'sometimes' } }),
      'body.decay',
      'body.decay: expected boolean, received string',
    ],
    [
      'send-aborted without reason',
      rtdsLine({ type: 'SEND_ABORTED', device, body: { push_id: 'p' } }),
      'body.reason',
      'body.reason: required field missing (expected string)',
    ],
    [
      'NPS score not a number',
      rtdsLine({
        type: 'IN_APP_FORM_RESULT',
        device,
        body: { forms: [{ nps: { score: 'nine', question_id: 'q', audience_category: 'PROMOTER' } }] },
      }),
      'body.forms[0].nps.score',
      'body.forms[0].nps.score: expected number, received string',
    ],
    [
      'SMS compliance without msisdn',
      rtdsLine({
        type: 'COMPLIANCE',
        device: smsDevice,
        body: { event_type: 'opted_out', identifiers: { sender: '15558675309' } },
      }),
      'body.identifiers.msisdn',
      'body.identifiers.msisdn: required field missing (expected string)',
    ],
    [
      'compliance channel_registered neither boolean nor "true"/"false"',
      rtdsLine({
        type: 'COMPLIANCE',
        device: smsDevice,
        body: {
          event_type: 'create_and_send',
          identifiers: { sender: '1', msisdn: '2' },
          properties: { channel_registered: 'yes' },
        },
      }),
      'body.properties.channel_registered',
      'body.properties.channel_registered: expected boolean, received string',
    ],
    [
      'email unsubscribe without message_type',
      rtdsLine({
        type: 'COMPLIANCE',
        device: emailDevice,
        body: { event_type: 'registration', properties: { registration_type: 'unsubscribe' } },
      }),
      'body.properties.message_type',
      'body.properties.message_type: required field missing (expected string)',
    ],
    [
      'compliance device without device_type',
      rtdsLine({ type: 'COMPLIANCE', device: { channel: 'c' }, body: { event_type: 'opted_out' } }),
      'device.device_type',
      'device.device_type: required field missing (expected string)',
    ],
    [
      'custom event without source anywhere',
      rtdsLine({ type: 'CUSTOM', device, body: { name: 'purchased' } }),
      'body.source',
      'body.source: required field missing (expected string, in body or at the top level)',
    ],
    [
      'custom event device without channel or named user',
      rtdsLine({
        type: 'CUSTOM',
        device: { device_type: 'IOS' },
        body: { name: 'purchased', source: 'SDK' },
      }),
      'device.channel',
      'device.channel: required field missing (expected string; channel or named_user_id is required)',
    ],
    [
      'SMS delivery report without vendor',
      rtdsLine({
        type: 'CUSTOM',
        device: { ...smsDevice, delivery_address: '15558675309' },
        body: {
          name: 'delivered',
          source: 'API',
          interaction_type: 'delivery_report',
          properties: { sender: '1', vendorDeliveryId: 'x' },
        },
      }),
      'body.properties.vendor',
      'body.properties.vendor: required field missing (expected string)',
    ],
    [
      'email custom event without triggering push',
      rtdsLine({
        type: 'CUSTOM',
        device: emailDevice,
        body: { name: 'open', source: 'API', properties: {} },
      }),
      'body.triggering_push',
      'body.triggering_push: required field missing (expected object)',
    ],
    [
      'top-level experiment_id of the wrong type',
      rtdsLine({ type: 'CONTROL', device, body: {}, experiment_id: 12 }),
      'experiment_id',
      'experiment_id: expected string, received number',
    ],
    [
      'unknown type without offset',
      rtdsLine({ type: 'CLICK', offset: undefined }),
      'offset',
      'offset: required field missing (expected string)',
    ],
    ['type not a string', rtdsLine({ type: 12 }), 'type', 'type: expected string, received number'],
    ['a JSON array', '[1,2]', '', '(root): expected object, received array'],
    ['a JSON string', '"SEND"', '', '(root): expected object, received string'],
  ])('%s', (_name, line, path, message) => {
    expect(parseRtdsLine(line)).toEqual({
      ok: false,
      error: { code: 'RECORD_SCHEMA_VIOLATION', path, message },
    });
  });

  it('lists the first three problems and counts the rest', () => {
    const line = rtdsLine({ id: 1, offset: 2, occurred: 3, processed: 4, body: 5 });
    expect(parseRtdsLine(line)).toEqual({
      ok: false,
      error: {
        code: 'RECORD_SCHEMA_VIOLATION',
        path: 'id',
        message:
          'id: expected string, received number; offset: expected string, received number; occurred: expected string, received number (+2 more)',
      },
    });
  });

  it.each([
    ['an empty line (keepalive)', '', 'invalid JSON: input is empty'],
    ['whitespace only', ' \r', 'invalid JSON: input is empty'],
    ['a truncated line', rtdsLine().slice(0, 40), /^invalid JSON: .*JSON/],
  ])('reports %s as RECORD_INVALID_JSON', (_name, line, message) => {
    const result = parseRtdsLine(line);
    if (result.ok) throw new Error('expected a failure');
    expect(result.error).toMatchObject({ code: 'RECORD_INVALID_JSON', path: '' });
    expect(result.error.message).toMatch(message);
  });

  it('reports a line over the size limit as RECORD_TOO_LARGE, counting UTF-8 bytes', () => {
    const line = rtdsLine({ body: { push_id: 'é'.repeat(100) } });
    const bytes = Buffer.byteLength(line);
    expect(parseRtdsLine(line, { maxBytes: bytes })).toMatchObject({ ok: true });
    expect(parseRtdsLine(line, { maxBytes: bytes - 1 })).toEqual({
      ok: false,
      error: {
        code: 'RECORD_TOO_LARGE',
        path: '',
        message: `input is ${bytes} bytes, the limit is ${bytes - 1}`,
      },
    });
  });

  it('never echoes field values (they may be personal data)', () => {
    const result = parseRtdsLine(rtdsLine({ occurred: 'alice@example.com' }));
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).not.toContain('alice');
  });

  it('accepts the builder event unchanged', () => {
    expect(parseRtdsLine(JSON.stringify(rtdsEvent()))).toMatchObject({ ok: true, event: { type: 'SEND' } });
  });
});

import { describe, expect, it } from 'vitest';
import { RTDS_FIXTURES } from '../../src/fixtures/index.js';
import { rtdsDeviceNamedUser } from '../../src/raw/rtds/device.js';
import { parseRtdsLine } from '../../src/raw/rtds/parse-rtds-line.js';
import { fieldAt } from './field-at.js';
import { rtdsLine } from './rtds-event-builder.js';

function fixtureText(name: string): string {
  const fixture = RTDS_FIXTURES.find((candidate) => candidate.name === name);
  if (fixture === undefined) throw new Error(`no fixture ${name}`);
  return fixture.text;
}

function parsed(line: string): unknown {
  const result = parseRtdsLine(line);
  if (!result.ok) throw new Error(result.error.message);
  return result.event;
}

const device = { channel: '1ef235f0-03d5-1384-893e-a19b5cd0d110', device_type: 'IOS' };
const smsDevice = { channel: 'a828de17-b315-4e80-9d2d-35a906afeacf', device_type: 'SMS' };
const emailDevice = {
  channel: 'b8519372-54ff-456d-9819-7faa92fe8b9d',
  device_type: 'EMAIL',
  delivery_address: 'a@example.com',
};

describe('reference/rtds.md A9: invalid JSON in the spec examples', () => {
  it('refuses trailing commas and the `"body:" {` typo as RECORD_INVALID_JSON, without throwing (fixtures hold the repaired lines)', () => {
    const trailingComma = fixtureText('FIRST_OPEN — first open event').replace(
      '"device_type": "IOS" }',
      '"device_type": "IOS", }',
    );
    const bodyTypo = fixtureText('CONTROL — control event').replace('"body": {', '"body:" {');
    for (const line of [trailingComma, bodyTypo]) {
      expect(parseRtdsLine(line)).toMatchObject({
        ok: false,
        error: { code: 'RECORD_INVALID_JSON', path: '' },
      });
    }
  });

  it('takes the last of duplicate "type" keys', () => {
    expect(parsed(fixtureText('UNINSTALL — uninstall event'))).toMatchObject({
      type: 'UNINSTALL',
      body: { decay: false },
    });
  });

  it('refuses objects concatenated on one line: NDJSON is one event per line', () => {
    const two = `${rtdsLine()} ${rtdsLine({ type: 'FIRST_OPT_IN', body: undefined })}`;
    expect(parseRtdsLine(two)).toMatchObject({ ok: false, error: { code: 'RECORD_INVALID_JSON' } });
  });
});

describe('reference/rtds.md A9: types that contradict the schema', () => {
  it('turns "true"/"false" into booleans where the spec says boolean', () => {
    const createAndSend = parsed(fixtureText('COMPLIANCE create_and_send — email Create and Send event'));
    expect(fieldAt(createAndSend, 'body.properties.channel_registered')).toBe(true);
    expect(parsed(rtdsLine({ type: 'UNINSTALL', device, body: { decay: 'FALSE' } }))).toMatchObject({
      body: { decay: false },
    });
    expect(parsed(rtdsLine({ body: { push_id: 'p', alerting: 'true' } }))).toMatchObject({
      body: { alerting: true },
    });
  });

  it('keeps "is_mobile": "true" as sent inside a custom event`s own properties', () => {
    const click = parsed(fixtureText('CUSTOM click — email click Custom Event'));
    expect(fieldAt(click, 'body.properties.is_mobile')).toBe('true');
    expect(fieldAt(click, 'body.properties.is_prefetched')).toBe('false');
  });

  it('accepts a number where the spec says string: "sender": 15551234567', () => {
    const report = parsed(fixtureText('CUSTOM dispatched — SMS delivery report Custom Event'));
    expect(fieldAt(report, 'body.properties.sender')).toBe(15551234567);
    const compliance = parsed(
      rtdsLine({
        type: 'COMPLIANCE',
        device: smsDevice,
        body: { event_type: 'opted_out', identifiers: { sender: 15558675309, msisdn: 15558968663 } },
      }),
    );
    expect(fieldAt(compliance, 'body.identifiers')).toEqual({ sender: '15558675309', msisdn: '15558968663' });
  });

  it('accepts bounce_class as string or integer', () => {
    const asString = parsed(fixtureText('COMPLIANCE bounce — email bounce event'));
    expect(fieldAt(asString, 'body.properties.bounce_class')).toBe(10);
    const asNumber = parsed(
      rtdsLine({
        type: 'COMPLIANCE',
        device: emailDevice,
        body: { event_type: 'bounce', properties: { bounce_class: 10 } },
      }),
    );
    expect(fieldAt(asNumber, 'body.properties.bounce_class')).toBe(10);
    const custom = parsed(fixtureText('CUSTOM bounce — email bounce Custom Event'));
    expect(fieldAt(custom, 'body.properties.bounce_class')).toBe('10');
  });

  it('keeps app attributes as the spec`s strings, rendering booleans and numbers as strings', () => {
    const event = parsed(
      rtdsLine({
        device: { ...device, attributes: { push_opt_in: true, locale_timezone: -25200, app_version: '542' } },
      }),
    );
    expect(fieldAt(event, 'device.attributes')).toEqual({
      push_opt_in: 'true',
      locale_timezone: '-25200',
      app_version: '542',
    });
  });
});

describe('reference/rtds.md A9: named_user versus named_user_id', () => {
  it('accepts either on email devices', () => {
    const withNamedUser = parsed(
      rtdsLine({
        type: 'COMPLIANCE',
        device: { ...emailDevice, named_user: 'mini_me' },
        body: { event_type: 'registration', properties: { registration_type: 'create' } },
      }),
    );
    const withNamedUserId = parsed(fixtureText('CUSTOM initial_open — email initial_open Custom Event'));
    expect(rtdsDeviceNamedUser(fieldAt(withNamedUser, 'device') as { named_user?: string })).toBe('mini_me');
    expect(rtdsDeviceNamedUser(fieldAt(withNamedUserId, 'device') as { named_user_id?: string })).toBe(
      'a_person',
    );
  });
});

describe('reference/rtds.md A9: fields outside body', () => {
  it('reads source and session_id at the top level of a CUSTOM event', () => {
    const event = parsed(fixtureText('CUSTOM purchased — Custom Event (entire payload on Android channel)'));
    expect(event).toMatchObject({
      source: 'SDK',
      session_id: 'adc0e12e-dfe8-4375-8121-5b21dbab87f4',
      body: { name: 'purchased' },
    });
  });

  it('types the top-level experiment_id of CONTROL and RICH_CONTROL and experiments of SEND', () => {
    expect(parsed(rtdsLine({ type: 'CONTROL', device, body: {}, experiment_id: 'e1' }))).toMatchObject({
      experiment_id: 'e1',
    });
    expect(parsed(rtdsLine({ type: 'RICH_CONTROL', device, body: {}, experiment_id: 'e2' }))).toMatchObject({
      experiment_id: 'e2',
    });
    expect(
      parsed(rtdsLine({ experiments: { experiment_id: 'e3', type: 'GLOBAL', variant_id: 2 } })),
    ).toMatchObject({
      experiments: { type: 'GLOBAL', variant_id: '2' },
    });
  });
});

describe('reference/rtds.md A9: schema versus example disagreements', () => {
  it('keeps undocumented identifiers (session_id, GA_CID)', () => {
    const close = parsed(fixtureText('CLOSE — close event'));
    expect(fieldAt(close, 'device.identifiers.GA_CID')).toBe('a61448e1-be63-43ee-84eb-19446ba743f0');
    expect(fieldAt(close, 'device.identifiers.session_id')).toBe('B147E0CE-272E-4047-A79C-30D02A2F213D');
  });

  it('accepts IN_APP_MESSAGE_EXPIRATION with and without a device', () => {
    const withDevice = parsed(fixtureText('IN_APP_MESSAGE_EXPIRATION — in-app message expiration event'));
    expect(fieldAt(withDevice, 'device.channel')).toBe('364a4e3f-170a-4f26-b0a1-11b280377dfe');
    expect(
      parsed(rtdsLine({ type: 'IN_APP_MESSAGE_EXPIRATION', device: undefined, body: { type: 'EXPIRED' } })),
    ).toMatchObject({
      type: 'IN_APP_MESSAGE_EXPIRATION',
    });
  });

  it('accepts from_page_identifier (example) and from_pager_identifier (schema) on IN_APP_PAGE_SWIPE', () => {
    for (const key of ['from_page_identifier', 'from_pager_identifier']) {
      expect(
        fieldAt(
          parsed(rtdsLine({ type: 'IN_APP_PAGE_SWIPE', device, body: { [key]: 'p1' } })),
          `body.${key}`,
        ),
      ).toBe('p1');
    }
  });
});

describe('reference/rtds.md A9: identifiers and offsets', () => {
  it.each([
    ['UUIDv4', '910fea50-5d42-4159-b702-024288f4e1d3'],
    ['UUIDv1', '51dd7c1c-5621-11e9-9601-0242539d70ef'],
    ['ms-timestamp prefixed', '00000169-4a14-67b2-1ddd-d9e733622c3a'],
    ['not a UUID at all', 'evt-42'],
  ])('accepts a %s id', (_kind, id) => {
    expect(parsed(rtdsLine({ id }))).toMatchObject({ id });
  });

  it.each([
    ['numeric', '1000001778910'],
    ['unpadded base64', 'MTIzNQ'],
    ['negative', '-1099401623'],
  ])('keeps a %s offset as the same string', (_kind, offset) => {
    expect(parsed(rtdsLine({ offset }))).toMatchObject({ offset });
  });
});

describe('reference/rtds.md A9: types and fields the spec does not have', () => {
  it('parses agent-tools` CLICK as a generic event and keeps push_address', () => {
    const event = parsed(fixtureText('CLICK — an event type the spec does not define'));
    expect(event).toMatchObject({ type: 'CLICK', device: { push_address: 'fcm:abc' } });
  });
});

describe('custom event values beyond JS number precision', () => {
  it('accepts them, even ones JSON.parse turns into Infinity', () => {
    const huge = rtdsLine({
      type: 'CUSTOM',
      device,
      body: { name: 'purchased', source: 'SDK', value: 0 },
    }).replace('"value":0', '"value":123456789012345678901234567890.123456');
    expect(parsed(huge)).toMatchObject({ type: 'CUSTOM', body: { name: 'purchased' } });
    const overflow = huge.replace('123456789012345678901234567890.123456', '1e400');
    expect(parsed(overflow)).toMatchObject({ body: { value: Number.POSITIVE_INFINITY } });
    expect(
      parsed(rtdsLine({ type: 'CUSTOM', device, body: { name: 'p', source: 'SDK', value: '239.85' } })),
    ).toMatchObject({
      body: { value: '239.85' },
    });
  });
});

import { describe, expect, it } from 'vitest';
import { CM_FIXTURES, RTDS_FIXTURES, SEGMENT_FIXTURES, type DeviceEvent } from '@pushstream/schemas';
import { normalizeRecord } from '../src/core/normalize.js';
import type { RawInput, RawSource } from '../src/core/raw-input.js';
import { TEST_CONTEXT, rawInput } from './support/context.js';

const SHOP = {
  airship: 'ISex_TTJRuarzs9-o_Gkhg',
  cm: '2b7c4d9e1f3a4c5b8d6e7f8091a2b3c4',
  track: 'wk_shop_3b9f0c',
};

function fixtureText(list: readonly { name: string; text: string }[], name: string): string {
  const found = list.find((fixture) => fixture.name === name);
  if (found === undefined) throw new Error(`no fixture ${name}`);
  return found.text;
}

function eventOf(source: RawSource, text: string, overrides: Partial<RawInput> = {}): DeviceEvent {
  const result = normalizeRecord(rawInput(source, text, overrides), TEST_CONTEXT);
  if (result.kind !== 'event') throw new Error(`expected an event, got ${JSON.stringify(result)}`);
  return result.event;
}

describe('Airship RTDS', () => {
  const key = `airship:${SHOP.airship}:364a4e3f-170a-4f26-b0a1-11b280377dfe`;

  it('maps the seed OPEN example field by field (stringly booleans, locale, OS, push attribution)', () => {
    const event = eventOf('airship-rtds', fixtureText(RTDS_FIXTURES, 'OPEN — open event'), {
      key,
      headers: { receivedAt: '2019-04-03T19:10:27.000Z', rtdsOffset: '1000022468589' },
    });
    expect(event).toMatchObject({
      eventId: '910fea50-5d42-1159-b702-024288f4e1d3',
      source: 'AIRSHIP',
      sourceType: 'OPEN',
      kind: 'OPENED',
      deviceKey: key,
      appKey: SHOP.airship,
      deviceId: '364a4e3f-170a-4f26-b0a1-11b280377dfe',
      platform: 'ANDROID',
      occurredAt: Date.parse('2019-04-03T18:59:02.246Z'),
      processedAt: Date.parse('2019-04-03T19:10:26.301Z'),
      receivedAt: Date.parse('2019-04-03T19:10:27.000Z'),
      profile: {
        appVersion: '1037.04c13d-master',
        appPackage: 'com.company_name.app_name',
        os: 'Android',
        osVersion: '9',
        deviceModel: 'Nokia 6.1',
        sdkVersion: '9.7.0',
        locale: 'en-US',
        language: 'en',
        country: 'US',
        timezone: 'America/Los_Angeles',
        pushOptIn: true,
        pushToken: null,
      },
      identity: { contactId: '982B35f2-0375-6384-893e-a19b5cd5R771', externalId: null, msisdn: null },
      pushId: 'c2f6c5c5-f353-49c0-b5f7-6e87cf9b1a06',
      sessionId: 'ad4ad05a-17f4-4eab-9c6f-d3f7fbf3cc25',
      lineage: { topic: 'test.raw.airship-rtds.v1', partition: 2, offset: 41, sourceOffset: '1000022468589' },
      app: { name: 'Shop', environment: 'production', sinks: ['infobip'] },
    });
    const detail = JSON.parse(event.detail) as Record<string, unknown>;
    // Mapped facts leave the detail; the rest (identifiers, unmapped attributes, body) stays.
    expect(detail).toMatchObject({
      body: { last_delivered: { push_id: '6e3339ce-529c-42e4-a2f6-7546f81c9828' } },
      device: {
        identifiers: { GA_CID: '90d56c80-f31f-49fd-87b0-20deb3d2602a' },
        attributes: {
          location_enabled: 'false',
          locale_timezone: '-25200',
          location_permission: 'ALWAYS_ALLOWED',
        },
      },
    });
    expect(detail).not.toHaveProperty('id');
    expect(JSON.stringify(detail)).not.toContain('Nokia 6.1');
  });

  it('turns "false" into false and leaves an unrecognised opt-in null', () => {
    const line = (optIn: string) =>
      JSON.stringify({
        id: 'e1',
        offset: '1',
        occurred: '2024-06-01T10:00:00Z',
        processed: '2024-06-01T10:00:01Z',
        type: 'CLOSE',
        device: { channel: 'c1', device_type: 'IOS', attributes: { push_opt_in: optIn } },
        body: { session_id: 's' },
      });
    expect(eventOf('airship-rtds', line('false'), { key: 'airship:A:c1' }).profile?.pushOptIn).toBe(false);
    expect(eventOf('airship-rtds', line('FALSE'), { key: 'airship:A:c1' }).profile?.pushOptIn).toBe(false);
    expect(eventOf('airship-rtds', line('maybe'), { key: 'airship:A:c1' }).profile?.pushOptIn).toBeNull();
  });

  it.each([
    ['BadDeviceToken', 'UNREGISTERED'],
    ['Uninstalled', 'UNREGISTERED'],
    ['MissingRegistration', 'UNREGISTERED'],
    ['Unauthorized', 'UNREGISTERED'],
    ['Unavailable', 'PUSH_FAILED'],
    ['MessageTooBig', 'PUSH_FAILED'],
    ['InvalidTtl', 'PUSH_FAILED'],
    ['InvalidPackageName', 'PUSH_FAILED'],
  ])('SEND_REJECTED with status %s is %s', (status, kind) => {
    const line = JSON.stringify({
      id: 'r1',
      offset: '1',
      occurred: '2024-06-01T10:00:00Z',
      processed: '2024-06-01T10:00:01Z',
      type: 'SEND_REJECTED',
      device: { channel: 'c1', device_type: 'IOS' },
      body: { push_id: 'p1', status },
    });
    const event = eventOf('airship-rtds', line, { key: 'airship:A:c1' });
    expect(event.kind).toBe(kind);
    expect(event.pushId).toBe('p1');
  });

  it.each([
    ['UNINSTALL', 'UNREGISTERED'],
    ['ASSOCIATION', 'IDENTIFIED'],
    ['DISSOCIATION', 'IDENTIFIED'],
  ])('CONTACT_CHANGE %s is %s', (changeType, kind) => {
    const line = JSON.stringify({
      id: 'cc1',
      offset: '1',
      occurred: '2024-06-01T10:00:00Z',
      processed: '2024-06-01T10:00:01Z',
      type: 'CONTACT_CHANGE',
      user: { contact_id: 'ct', named_user_id: 'nu' },
      device: { channel: 'c1', device_type: 'IOS' },
      body: { change_type: changeType },
    });
    const event = eventOf('airship-rtds', line, { key: 'airship:A:c1' });
    expect(event.kind).toBe(kind);
    expect(event.identity).toMatchObject({ contactId: 'ct', externalId: 'nu' });
  });

  it('writes the SMS msisdn of a COMPLIANCE registration in E.164', () => {
    const event = eventOf(
      'airship-compliance',
      fixtureText(RTDS_FIXTURES, 'COMPLIANCE registration — SMS registration event'),
      {
        key: 'airship:A:a828de17-b315-4e80-9d2d-35a906afeacf',
      },
    );
    expect(event).toMatchObject({ kind: 'INSTALLED', platform: 'SMS', identity: { msisdn: '+15558968663' } });
  });

  it('keeps an oversized CUSTOM value digit for digit in the detail', () => {
    const line = `{"id":"big1","offset":"9","occurred":"2024-06-01T10:00:00Z","processed":"2024-06-01T10:00:01Z","type":"CUSTOM","device":{"channel":"c1","device_type":"ANDROID"},"body":{"name":"purchase","value":123456789012345678901234.5,"source":"SDK"}}`;
    const event = eventOf('airship-rtds', line, { key: 'airship:A:c1' });
    expect(event.kind).toBe('ACTIVITY');
    expect(event.detail).toContain('"value":123456789012345678901234.5');
  });

  it('carries an unknown type through as OTHER with its whole body', () => {
    const line = `{"id":"u1","offset":"9","occurred":"2024-06-01T10:00:00Z","processed":"2024-06-01T10:00:01Z","type":"LIVE_ACTIVITY_UPDATE","device":{"channel":"c1","device_type":"IOS"},"body":{"activity_id":"a1","state":{"eta":5}},"schema_revision":4}`;
    const event = eventOf('airship-rtds', line, { key: 'airship:A:c1' });
    expect(event).toMatchObject({
      kind: 'OTHER',
      sourceType: 'LIVE_ACTIVITY_UPDATE',
      deviceId: 'c1',
      platform: 'IOS',
    });
    expect(JSON.parse(event.detail)).toEqual({
      body: { activity_id: 'a1', state: { eta: 5 } },
      schema_revision: 4,
    });
  });

  it('keys a device-less PUSH_BODY by its push id when the record had no key', () => {
    const event = eventOf('airship-rtds', fixtureText(RTDS_FIXTURES, 'PUSH_BODY — push body event'), {
      headers: { rtdsStream: `${SHOP.airship}:events:all` },
    });
    expect(event.deviceKey).toMatch(new RegExp(`^airship:${SHOP.airship}:push:`));
    expect(event).toMatchObject({ deviceId: null, platform: 'UNKNOWN', appKey: SHOP.airship });
  });

  it('leaves the app empty for an app key the registry does not list', () => {
    const event = eventOf('airship-rtds', fixtureText(RTDS_FIXTURES, 'OPEN — open event'), {
      key: 'airship:NOT-LISTED:x',
    });
    expect(event.app).toBeNull();
    expect(event.appKey).toBe('NOT-LISTED');
  });
});

describe('CM.com', () => {
  const key = `cm:${SHOP.cm}:inst1`;

  it('maps the seed ClientUpdated example: 0031 msisdn to E.164, iOs/Android names, language, authorization', () => {
    const text = fixtureText(CM_FIXTURES, 'ClientUpdated — Example Client updated event');
    const event = eventOf('cm-push', text, {
      key,
      headers: { sourceId: SHOP.cm, receivedAt: '2022-06-01T17:08:46.000Z' },
    });
    expect(event).toMatchObject({
      source: 'CM',
      sourceType: 'ClientUpdated',
      kind: 'UPDATED',
      deviceKey: key,
      appKey: SHOP.cm,
      deviceId: '<INSTALLATION_ID>',
      platform: 'ANDROID',
      occurredAt: Date.parse('2022-06-01T17:08:45Z'),
      processedAt: null,
      profile: {
        appPackage: 'com.cm.notifire',
        appVersion: '3.0.0',
        os: 'Android',
        osVersion: '12',
        deviceModel: 'SM-A515F',
        language: 'nl',
        locale: 'nl',
        country: null,
        pushOptIn: true,
      },
      identity: { msisdn: '+31612345678' },
      app: { name: 'Shop' },
    });
    expect(event.eventId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    // The same body again (a webhook redelivery) is the same event.
    expect(eventOf('cm-push', text, { key, headers: { sourceId: SHOP.cm }, offset: '99' }).eventId).toBe(
      event.eventId,
    );
  });

  it.each([
    ['iOs', 'IOS', 'iOS'],
    ['iPadOS', 'IOS', 'iPadOS'],
    ['Android', 'ANDROID', 'Android'],
    ['Tizen', 'UNKNOWN', 'Tizen'],
  ])('deviceOs %s is platform %s, os %s', (deviceOs, platform, os) => {
    const body = JSON.stringify({
      from: { number: 'inst1' },
      to: { number: SHOP.cm },
      event: {
        type: 'ClientInstalled',
        custom: { deviceOs, pushAuthorization: 'NotAuthorized', msisdn: '' },
      },
      timeUtc: '2024-06-01T10:00:00',
    });
    const event = eventOf('cm-push', body, { key, headers: { sourceId: SHOP.cm } });
    expect(event).toMatchObject({
      platform,
      profile: { os, pushOptIn: false },
      identity: null,
      kind: 'INSTALLED',
    });
  });

  it.each([
    ['ClientInstalled', 'INSTALLED'],
    ['ClientUpdated', 'UPDATED'],
    ['ClientUnregistered', 'UNREGISTERED'],
    ['MessageOpened', 'OPENED'],
    ['MessageDismissed', 'PUSH_DISMISSED'],
    ['MessageDelete', 'PUSH_DELETED'],
    ['MessageReceived', 'OTHER'],
  ])('%s is %s', (type, kind) => {
    const event = type.startsWith('Client')
      ? { type, custom: { clientId: 'x' } }
      : { type, reference: 'ref-1' };
    const body = JSON.stringify({
      from: { number: 'inst1' },
      to: { number: SHOP.cm },
      event,
      timeUtc: '2024-06-01T10:00:00',
    });
    const mapped = eventOf('cm-push', body, { key, headers: { sourceId: SHOP.cm } });
    expect(mapped.kind).toBe(kind);
    if (!type.startsWith('Client')) expect(mapped.pushId).toBe('ref-1');
  });

  it('derives different ids for different messages of the same second, and uses CM’s own event id when sent', () => {
    const body = (reference: string, extra: object = {}) =>
      JSON.stringify({
        from: { number: 'inst1' },
        to: { number: SHOP.cm },
        event: { type: 'MessageOpened', reference },
        timeUtc: '2024-06-01T10:00:00',
        ...extra,
      });
    const a = eventOf('cm-push', body('m1'), { key, headers: { sourceId: SHOP.cm } });
    const b = eventOf('cm-push', body('m2'), { key, headers: { sourceId: SHOP.cm } });
    expect(a.eventId).not.toBe(b.eventId);
    // Hyphenated and plain spellings of the app key name the same app and event.
    const hyphenated = eventOf('cm-push', body('m1'), {
      key,
      headers: { sourceId: '2b7c4d9e-1f3a-4c5b-8d6e-7f8091a2b3c4' },
    });
    expect(hyphenated.eventId).toBe(a.eventId);
    expect(hyphenated.app?.name).toBe('Shop');
    const withId = eventOf('cm-push', body('m1', { reference: 'evt-7' }), {
      key,
      headers: { sourceId: SHOP.cm },
    });
    expect(withId.eventId).toBe('evt-7');
  });
});

describe('Segment / Intilery track', () => {
  it('maps a register push: install, platform, FCM token, device id as key, no customer before sign-in', () => {
    const text = fixtureText(
      SEGMENT_FIXTURES,
      'register push — the seed template filled in (push accepted, not signed in)',
    );
    const event = eventOf('track', text, {
      key: 'track:wk_3b9f0c:fcm-dev-6b1e0c2f9a',
      headers: { sourceId: 'wk_3b9f0c' },
    });
    expect(event).toMatchObject({
      source: 'TRACK',
      sourceType: 'register push',
      kind: 'INSTALLED',
      deviceId: 'fcm-dev-6b1e0c2f9a',
      platform: 'ANDROID',
      appKey: 'wk_3b9f0c',
      profile: { pushToken: 'dQw4w9WgXcQ:APA91bH0k3x', pushOptIn: true },
      identity: null,
      app: null,
    });
  });

  it('maps identify traits: customer id, email, phone in E.164, stringly push opt-in', () => {
    const message = {
      type: 'identify',
      userId: 'cust-1',
      messageId: 'mid-1',
      timestamp: '2024-06-01T10:00:00.000Z',
      traits: { email: 'a@example.nl', phone: '06 12345678', pushOptIn: 'true' },
      context: {
        device: { id: 'dev-1' },
        locale: 'nl_NL',
        timezone: 'Europe/Amsterdam',
        os: { name: 'iOS', version: '17.5' },
      },
    };
    const event = eventOf('track', JSON.stringify(message), {
      key: 'track:wk:dev-1',
      headers: { sourceId: SHOP.track },
    });
    expect(event).toMatchObject({
      eventId: 'mid-1',
      kind: 'IDENTIFIED',
      platform: 'IOS',
      deviceId: 'dev-1',
      identity: { externalId: 'cust-1', email: 'a@example.nl', msisdn: '+31612345678' },
      profile: {
        locale: 'nl-NL',
        language: 'nl',
        country: 'NL',
        timezone: 'Europe/Amsterdam',
        pushOptIn: true,
        os: 'iOS',
        osVersion: '17.5',
      },
      app: { name: 'Shop' },
    });
  });

  it.each([
    ['Application Updated', 'UPDATED'],
    ['Push Notification Tapped', 'PUSH_OPENED'],
    ['Application Opened', 'ACTIVITY'],
    ['Application Installed', 'ACTIVITY'],
    ['Order Completed', 'ACTIVITY'],
  ])('track "%s" is %s', (name, kind) => {
    const message = { type: 'track', event: name, anonymousId: 'anon-1', messageId: `m-${name}` };
    expect(eventOf('track', JSON.stringify(message), { headers: { sourceId: SHOP.track } }).kind).toBe(kind);
  });

  it.each([
    ['screen', 'ACTIVITY'],
    ['page', 'ACTIVITY'],
    ['group', 'IDENTIFIED'],
    ['hologram', 'OTHER'],
  ])('a %s call is %s', (type, kind) => {
    const message = { type, anonymousId: 'anon-1', messageId: `m-${type}` };
    expect(eventOf('track', JSON.stringify(message), { headers: { sourceId: SHOP.track } }).kind).toBe(kind);
  });

  it('applies the batch envelope’s root context under the item’s own', () => {
    const item = {
      type: 'track',
      event: 'Application Opened',
      userId: 'u1',
      messageId: 'b1',
      context: { os: { version: '14' } },
    };
    const envelope = JSON.stringify({
      batch: [],
      context: { os: { name: 'Android', version: '13' }, locale: 'de-DE' },
      writeKey: SHOP.track,
    });
    const event = eventOf('track', JSON.stringify(item), {
      headers: { sourceId: SHOP.track, batchEnvelope: envelope },
    });
    expect(event).toMatchObject({
      platform: 'ANDROID',
      profile: { os: 'Android', osVersion: '14', language: 'de', country: 'DE' },
    });
  });

  it('derives a stable id for a message without messageId, ignoring when it was uploaded', () => {
    const message = (sentAt: string) =>
      JSON.stringify({ type: 'track', event: 'X', userId: 'u1', timestamp: '2024-06-01T10:00:00Z', sentAt });
    const a = eventOf('track', message('2024-06-01T10:00:05Z'), { headers: { sourceId: SHOP.track } });
    const b = eventOf('track', message('2024-06-01T10:09:00Z'), { headers: { sourceId: SHOP.track } });
    expect(a.eventId).toBe(b.eventId);
    expect(a.deviceKey).toBe(`track:${SHOP.track}:u1`);
  });
});

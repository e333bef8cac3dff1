import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRtdsSimulator, type RtdsSimulator } from '../../../src/index.js';
import { eventLine, openStream } from './stream-client.js';

const NOW = Date.parse('2026-06-01T12:00:00.000Z');
let sim: RtdsSimulator;
let total = 0;

const fixtures = [
  eventLine({
    id: 'ios-open',
    type: 'OPEN',
    device: { channel: 'c-ios', ios_channel: 'c-ios', device_type: 'IOS', named_user_id: 'alice' },
  }),
  eventLine({
    id: 'android-send',
    type: 'SEND',
    device: { channel: 'c-android', device_type: 'ANDROID' },
    body: { push_id: 'p-1', group_id: 'g-1' },
  }),
  eventLine({
    id: 'web-click',
    type: 'WEB_CLICK',
    device: { channel: 'c-web', device_type: 'WEB' },
    body: { push_id: 'p-2' },
  }),
  eventLine({
    id: 'email-compliance',
    type: 'COMPLIANCE',
    device: { channel: 'c-email', device_type: 'EMAIL', named_user: 'bob' },
    body: { event_type: 'registration' },
  }),
  eventLine({
    id: 'push-body',
    type: 'PUSH_BODY',
    device: undefined,
    body: { push_id: 'p-1', resource: 'PUSH' },
  }),
  eventLine({
    id: 'android-open-direct',
    type: 'OPEN',
    occurred: new Date(NOW - 1000).toISOString(),
    device: { channel: 'c-android', device_type: 'ANDROID', attributes: { app_version: '12.4.1' } },
    user: { contact_id: 'contact-9', named_user_id: 'carol' },
    body: {
      triggering_push: { push_id: 'p-3', group_id: 'g-3' },
      campaigns: { categories: ['spring_sale', 'vip'] },
    },
  }),
  eventLine({
    id: 'sms-custom',
    type: 'CUSTOM',
    device: { channel: 'c-sms', device_type: 'SMS' },
    body: { name: 'delivery_report', interaction_type: 'delivery_report', value: 7 },
  }),
];

beforeAll(async () => {
  const population = Array.from({ length: 400 }, (_, i) =>
    eventLine({
      id: `bulk-${i}`,
      type: 'SCREEN_VIEWED',
      device: { channel: `device-${i % 97}`, device_type: 'IOS' },
    }),
  );
  sim = await startRtdsSimulator({ events: [...fixtures, ...population], now: () => NOW, keepaliveMs: 30 });
  total = fixtures.length + population.length;
});
afterAll(async () => {
  await sim.close();
});

/** Ids of the events a request with these filters/subset gets from the whole retained log. */
async function idsFor(extra: Record<string, unknown>, expected?: number): Promise<string[]> {
  const stream = await openStream(sim, {
    body: { start: 'EARLIEST', enable_offset_updates: true, ...extra },
  });
  expect(stream.status).toBe(200);
  // An OFFSET_UPDATE carrying the last offset proves the whole log was considered.
  const last = sim.stats().events.lastOffset;
  await stream.waitForEvents(expected ?? 0);
  const { waitFor } = await import('../../../src/wait-for.js');
  await waitFor(
    'the OFFSET_UPDATE after the last offset',
    () => stream.events().some((event) => event.type === 'OFFSET_UPDATE' && event.offset === last),
    { timeoutMs: 3000, intervalMs: 10 },
  );
  stream.close();
  return stream
    .events()
    .filter((event) => event.type !== 'OFFSET_UPDATE')
    .map((event) => String(event.id));
}

describe('RTDS simulator: filters', () => {
  it('types and device_types (lower-case in the filter, upper-case on events)', async () => {
    expect(await idsFor({ filters: [{ types: ['OPEN'] }] })).toEqual(['ios-open', 'android-open-direct']);
    expect(await idsFor({ filters: [{ device_types: ['android'] }] })).toEqual([
      'android-send',
      'android-open-direct',
    ]);
    expect(await idsFor({ filters: [{ types: ['OPEN'], device_types: ['android'] }] })).toEqual([
      'android-open-direct',
    ]);
  });

  it('an array of filters is an OR', async () => {
    expect(await idsFor({ filters: [{ types: ['WEB_CLICK'] }, { device_types: ['sms', 'email'] }] })).toEqual(
      ['web-click', 'email-compliance', 'sms-custom'],
    );
  });

  it('devices, users and notifications', async () => {
    expect(
      await idsFor({ filters: [{ devices: [{ channel: 'c-web' }, { named_user_id: 'alice' }] }] }),
    ).toEqual(['ios-open', 'web-click']);
    expect(
      await idsFor({ filters: [{ devices: [{ ios_channel: 'c-ios' }, { named_user_id: 'bob' }] }] }),
    ).toEqual(['ios-open', 'email-compliance']);
    expect(await idsFor({ filters: [{ users: [{ contact_id: 'contact-9' }] }] })).toEqual([
      'android-open-direct',
    ]);
    expect(await idsFor({ filters: [{ notifications: [{ push_id: 'p-1' }] }] })).toEqual([
      'android-send',
      'push-body',
    ]);
    expect(await idsFor({ filters: [{ notifications: { group_id: 'g-3' } }] })).toEqual([
      'android-open-direct',
    ]);
  });

  it('latency drops events that occurred longer ago than it', async () => {
    expect(await idsFor({ filters: [{ latency: 5000 }] })).toEqual(['android-open-direct']);
  });

  it('JSON predicates: and / not / scope / is_present / array_contains / version_matches / ranges', async () => {
    const androidOpens = {
      and: [
        { scope: ['device'], key: 'device_type', value: { equals: 'ANDROID' } },
        { key: 'type', value: { equals: 'OPEN' } },
      ],
    };
    expect(await idsFor({ filters: [{ predicates: [androidOpens] }] })).toEqual(['android-open-direct']);
    const direct = { key: 'triggering_push', scope: ['body'], value: { is_present: true } };
    expect(await idsFor({ filters: [{ types: ['OPEN'], predicates: direct }] })).toEqual([
      'android-open-direct',
    ]);
    const category = {
      key: 'categories',
      scope: ['body', 'campaigns'],
      value: { array_contains: { value: { equals: 'spring_sale' } } },
    };
    expect(await idsFor({ filters: [{ predicates: [category] }] })).toEqual(['android-open-direct']);
    const version = {
      key: 'app_version',
      scope: ['device', 'attributes'],
      value: { version_matches: '[12.0,13.0)' },
    };
    expect(await idsFor({ filters: [{ predicates: [version] }] })).toEqual(['android-open-direct']);
    const notDelivered = {
      and: [
        { scope: 'body', key: 'interaction_type', value: { equals: 'delivery_report' } },
        { not: { scope: 'body', key: 'value', value: { at_least: 10 } } },
      ],
    };
    expect(await idsFor({ filters: [{ predicates: [notDelivered] }] })).toEqual(['sms-custom']);
  });

  it('refuses malformed predicates with 400', async () => {
    for (const predicate of [
      { and: [] },
      { key: 'type' },
      { key: 'type', value: { resembles: 'OPEN' } },
      { key: 'type', value: { equals: 1 }, extra: 1 },
    ]) {
      const stream = await openStream(sim, {
        body: { start: 'EARLIEST', filters: [{ predicates: [predicate] }] },
      });
      expect({ predicate, status: stream.status }).toEqual({ predicate, status: 400 });
    }
  });
});

describe('RTDS simulator: subsets', () => {
  it('PARTITION selections split the stream disjointly and completely, each device in one partition', async () => {
    const count = 4;
    const parts: string[][] = [];
    for (let selection = 0; selection < count; selection++) {
      parts.push(await idsFor({ subset: { type: 'PARTITION', count, selection } }));
    }
    const all = parts.flat();
    expect(all).toHaveLength(total);
    expect(new Set(all).size).toBe(total);
    for (const part of parts) expect(part.length).toBeGreaterThan(total / count / 2);
    const partitionOf = new Map<string, number>();
    for (const [selection, ids] of parts.entries()) {
      for (const id of ids.filter((i) => i.startsWith('bulk-'))) {
        const device = `device-${Number(id.slice(5)) % 97}`;
        expect(partitionOf.get(device) ?? selection).toBe(selection);
        partitionOf.set(device, selection);
      }
    }
  });

  it('SAMPLE returns about the proportion, the same events every time', async () => {
    const first = await idsFor({ subset: { type: 'SAMPLE', proportion: 0.3 } });
    const again = await idsFor({ subset: { type: 'SAMPLE', proportion: 0.3 } });
    expect(again).toEqual(first);
    expect(first.length).toBeGreaterThan(total * 0.15);
    expect(first.length).toBeLessThan(total * 0.45);
    expect(await idsFor({ subset: { type: 'SAMPLE', proportion: 0 } })).toEqual([]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HEADERS, createAppRegistry } from '@pushstream/runtime';
import {
  committedTotal,
  readTopic,
  startIntilerySimulator,
  testKafka,
  waitFor,
  type IntilerySimulator,
} from '@pushstream/test-kit';
import { PARTNER_HEADERS, type PartnersSource } from '../src/index.js';
import { deviceState, identity, juneDay, profile } from './support/device-states.js';
import { infraBrokers } from './support/infra-env.js';
import { simulatedIntilery } from './support/intilery-partners.js';
import { startSinkHarness, type SinkHarness } from './support/sink-harness.js';

const DEVICES = 5000;
const WRITE_KEY = 'track-shop-key';
const REJECTED_DEVICE = 'fcm-rejected';

/**
 * Device i (`fcm-i`): installed with token tok-i-1 and push accepted (userId = device id); then signed in
 * as cust-i with an email (identify + register push), even devices with a refreshed token tok-i-2; every
 * tenth (i % 10 == 3) instead declines push and stays anonymous; every fifth unregisters at the end.
 */
function statesOf(i: number): Record<string, unknown>[] {
  const deviceId = `fcm-${i}`;
  const base = {
    deviceKey: `track:${WRITE_KEY}:${deviceId}`,
    appKey: WRITE_KEY,
    deviceId,
    source: 'TRACK',
    platform: i % 2 === 0 ? 'ANDROID' : 'IOS',
  } as const;
  const anonymous = i % 10 === 3;
  const states = [
    deviceState({
      ...base,
      status: 'INSTALLED',
      version: 1,
      installedAt: juneDay(1),
      lastSeenAt: juneDay(1),
      pushOptIn: true,
      profile: profile({ pushToken: `tok-${i}-1`, pushOptIn: true }),
    }),
    deviceState({
      ...base,
      status: 'ACTIVE',
      version: 2,
      installedAt: juneDay(1),
      lastSeenAt: juneDay(2),
      pushOptIn: !anonymous,
      profile: profile({ pushToken: `tok-${i}-${i % 2 === 0 ? 2 : 1}`, pushOptIn: !anonymous }),
      identity: anonymous ? null : identity({ externalId: `cust-${i}`, email: `c${i}@example.nl` }),
    }),
  ];
  if (i % 5 === 0) {
    states.push(
      deviceState({
        ...base,
        status: 'UNREGISTERED',
        version: 3,
        installedAt: juneDay(1),
        lastSeenAt: juneDay(3),
        unregisteredAt: juneDay(3),
        profile: profile({ pushToken: `tok-${i}-2` }),
        identity: identity({ externalId: `cust-${i}`, email: `c${i}@example.nl` }),
      }),
    );
  }
  return states;
}

describe('intilery sink: 5k devices against the simulator under faults', () => {
  const test = testKafka(infraBrokers());
  let harness: SinkHarness;
  let sim: IntilerySimulator;
  let partners: PartnersSource;
  const registry = createAppRegistry([
    { name: 'Shop', environment: 'production', appKeys: { track: WRITE_KEY }, sinks: ['intilery'] },
  ]);
  let produced = 0;

  beforeAll(async () => {
    harness = await startSinkHarness('intilery');
    sim = await startIntilerySimulator({
      hangMs: 1500,
      faults: {
        rate: 0.3,
        seed: 11,
        kinds: [
          { kind: 'status', status: 500 },
          { kind: 'status', status: 502 },
          { kind: 'status', status: 503 },
          { kind: 'status', status: 504 },
          { kind: 'status', status: 429, retryAfter: 1 },
          { kind: 'timeout' },
          { kind: 'timeout', afterApply: true },
          { kind: 'reset' },
        ],
      },
    });
    sim.failUser(REJECTED_DEVICE, 'userId must not be empty');
    partners = simulatedIntilery(sim, 'Shop');
    const byVersion: Record<string, unknown>[][] = [[], [], []];
    for (let i = 0; i < DEVICES; i++) statesOf(i).forEach((state, v) => byVersion[v]?.push(state));
    const rejected = deviceState({
      deviceKey: `track:${WRITE_KEY}:${REJECTED_DEVICE}`,
      appKey: WRITE_KEY,
      deviceId: REJECTED_DEVICE,
      source: 'TRACK',
      platform: 'ANDROID',
      status: 'ACTIVE',
      version: 1,
      lastSeenAt: juneDay(1),
      profile: profile({ pushToken: 'tok-rejected' }),
    });
    const all = [...byVersion.flat(), rejected];
    produced = all.length;
    await harness.produce(all);
  });

  afterAll(async () => {
    await harness.close();
    await sim.close();
  });

  it('ends with exactly the expected registrations and traits, in per-device order, within the rate limit', async () => {
    const settings = harness.settings();
    expect(settings.rateLimit).toBe(100);
    const sink = await harness.start({ registry, partners, settings });
    await waitFor(
      'every device state committed',
      async () => (await committedTotal(test, settings.groupId, harness.stateTopic)) === produced,
      { timeoutMs: 150_000, intervalMs: 500, lastSeen: () => sim.stats() },
    );
    await sink.stop();

    const stats = sim.stats();
    expect(stats.rateLimited).toBe(0);
    expect(stats.faultsInjected).toBeGreaterThan(10);
    for (let i = 0; i < DEVICES; i++) {
      const anonymous = i % 10 === 3;
      expect(sim.device(`fcm-${i}`), `fcm-${i}`).toMatchObject({
        deviceId: `fcm-${i}`,
        fcmToken: `tok-${i}-${i % 2 === 0 ? 2 : 1}`,
        deviceType: i % 2 === 0 ? 'Android' : 'iOS',
        ...(anonymous ? { anonymousId: `fcm-${i}` } : { userId: `cust-${i}` }),
      });
      expect(sim.traits(`cust-${i}`), `cust-${i}`).toEqual(
        anonymous ? undefined : { email: `c${i}@example.nl` },
      );
    }
    expect(sim.device(REJECTED_DEVICE)).toBeUndefined();

    // Per-device order of the events that took effect: first registration as the device, then identify,
    // then the registration as the customer.
    const byDevice = new Map<string, string[]>();
    for (const event of sim.events()) {
      const device =
        event.event === 'identify'
          ? `fcm-${event.userId?.slice('cust-'.length) ?? ''}`
          : String(event.properties?.deviceId);
      const label =
        event.event === 'identify' ? 'identify' : `push:${event.userId ?? `anon:${event.anonymousId ?? ''}`}`;
      byDevice.set(device, [...(byDevice.get(device) ?? []), label]);
    }
    for (let i = 0; i < DEVICES; i++) {
      const expected =
        i % 10 === 3
          ? [`push:fcm-${i}`, `push:anon:fcm-${i}`]
          : [`push:fcm-${i}`, 'identify', `push:cust-${i}`];
      expect(byDevice.get(`fcm-${i}`), `fcm-${i} events`).toEqual(expected);
    }
    expect(sim.requests().some((request) => request.action === 'batch' && request.status === 200)).toBe(true);

    const dead = await readTopic(test, harness.dlqTopic);
    expect(dead.map((record) => [record.key, record.headers[HEADERS.errorCode]])).toEqual([
      [`track:${WRITE_KEY}:${REJECTED_DEVICE}`, 'PARTNER_REJECTED'],
    ]);
    expect(dead[0]?.headers[PARTNER_HEADERS.status]).toBe('400');
    expect(JSON.parse(dead[0]?.headers[PARTNER_HEADERS.response] ?? '{}')).toEqual({
      success: false,
      message: 'userId must not be empty',
    });
    const acks = await readTopic(test, harness.ackTopic);
    expect(new Set(acks.map((ack) => ack.key)).size).toBe(DEVICES);

    const exposition = await harness.runtime.metrics.registry.metrics();
    expect(exposition).toContain('pushstream_sink_devices_out_of_sync{target="intilery"} 1');
    expect(exposition).toMatch(/pushstream_partner_retries_total\{target="intilery"\} [1-9]/);
    expect(exposition).toMatch(
      /pushstream_partner_requests_total\{target="intilery",operation="batch",status_class="2xx"\} [1-9]/,
    );
    console.log(
      `intilery 5k: ${stats.requests} requests, ${sim.events().length} events applied, ${stats.duplicatesDropped} duplicates dropped, ${stats.faultsInjected} faults, peak ${stats.peakPerSecond}/s, 0 rate-limited`,
    );
  });

  it('makes zero calls when device-state.v1 is replayed from the beginning', async () => {
    // Faults off: with them, the one request the replay needs could meet a random 429/503 first and be retried.
    sim.setFaults(undefined);
    const before = sim.stats().requests;
    const settings = harness.settings();
    const sink = await harness.start({ registry, partners, settings });
    await waitFor(
      'the replay committed',
      async () => (await committedTotal(test, settings.groupId, harness.stateTopic)) === produced,
      { timeoutMs: 60_000, intervalMs: 300 },
    );
    await sink.stop();
    // Only the device Intilery rejected is tried again (and dead-lettered again): alone (1 request), or in a
    // batch that Intilery refuses as a whole and the sink then splits per device (2 requests).
    const replayed = sim.requests().slice(before);
    expect(replayed.length).toBeGreaterThanOrEqual(1);
    expect(replayed.length).toBeLessThanOrEqual(2);
    expect(replayed.every((request) => request.status === 400)).toBe(true);
    expect(replayed.every((request) => JSON.stringify(request.body).includes(REJECTED_DEVICE))).toBe(true);
  });
});

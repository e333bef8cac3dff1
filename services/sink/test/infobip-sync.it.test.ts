import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppRegistry } from '@pushstream/runtime';
import {
  committedTotal,
  readTopic,
  startInfobipSimulator,
  testKafka,
  waitFor,
  type InfobipRequestRecord,
  type InfobipSimulator,
} from '@pushstream/test-kit';
import { parsePartners, type PartnersSource } from '../src/index.js';
import { deviceState, identity, juneDay } from './support/device-states.js';
import { infraBrokers } from './support/infra-env.js';
import { startSinkHarness, type SinkHarness } from './support/sink-harness.js';

const DEVICES = 5000;
const OTHER_APP_DEVICES = 100;
const SHOP_CM_KEY = 'cm-shop-key';
const OTHER_CM_KEY = 'cm-other-key';

/** Device i: group by i % 5 — 0 unregisters at the end, 4 is identified by phone, the rest by externalId. */
function statesOf(i: number): Record<string, unknown>[] {
  const deviceKey = `cm:${SHOP_CM_KEY}:reg-${i}`;
  const base = {
    deviceKey,
    appKey: SHOP_CM_KEY,
    deviceId: `reg-${i}`,
    source: 'CM',
    platform: 'ANDROID',
  } as const;
  const who =
    i % 50 === 1
      ? identity({ externalId: 'NULL' })
      : i % 5 === 4
        ? identity({ msisdn: `+3161${String(i).padStart(7, '0')}` })
        : identity({ externalId: `cust-${i}` });
  const states = [
    deviceState({
      ...base,
      status: 'INSTALLED',
      version: 1,
      installedAt: juneDay(1),
      lastSeenAt: juneDay(1),
    }),
    deviceState({
      ...base,
      status: 'ACTIVE',
      version: 2,
      installedAt: juneDay(1),
      lastSeenAt: juneDay(2),
      lastOpenedAt: juneDay(2),
      identity: who,
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
        lastOpenedAt: juneDay(2),
        unregisteredAt: juneDay(3),
        identity: who,
      }),
    );
  }
  return states;
}

describe('infobip sink: 5k devices against the simulator under faults', () => {
  const test = testKafka(infraBrokers());
  let harness: SinkHarness;
  let sim: InfobipSimulator;
  let partners: PartnersSource;
  const registry = createAppRegistry([
    { name: 'Shop', environment: 'production', appKeys: { cm: SHOP_CM_KEY }, sinks: ['infobip'] },
    { name: 'Other', environment: 'production', appKeys: { cm: OTHER_CM_KEY }, sinks: [] },
  ]);
  let produced = 0;

  beforeAll(async () => {
    harness = await startSinkHarness('infobip');
    sim = await startInfobipSimulator({
      rateLimit: { perSecond: 1000 },
      hangMs: 1500,
      faults: {
        rate: 0.3,
        seed: 7,
        kinds: [
          { kind: 'status', status: 500 },
          { kind: 'status', status: 503 },
          { kind: 'status', status: 429 },
          { kind: 'status', status: 429, retryAfter: 1 },
          { kind: 'timeout' },
          { kind: 'timeout', afterApply: true },
          { kind: 'reset' },
        ],
      },
    });
    sim.register(Array.from({ length: DEVICES }, (_, i) => `reg-${i}`));
    const account = { baseUrl: sim.url, apiKey: sim.apiKey(), appCode: sim.appCode };
    const config = parsePartners(JSON.stringify({ infobip: { Shop: account } }), 'test');
    partners = { current: () => config, reload: () => ({ changed: false }) };
    // Versions of one device interleave with other devices, as the sessionizer would emit them.
    const byVersion: Record<string, unknown>[][] = [[], [], []];
    for (let i = 0; i < DEVICES; i++) statesOf(i).forEach((state, v) => byVersion[v]?.push(state));
    const others = Array.from({ length: OTHER_APP_DEVICES }, (_, i) =>
      deviceState({
        deviceKey: `cm:${OTHER_CM_KEY}:other-${i}`,
        appKey: OTHER_CM_KEY,
        deviceId: `other-${i}`,
        source: 'CM',
        platform: 'IOS',
        status: 'ACTIVE',
        version: 1,
        lastSeenAt: juneDay(1),
      }),
    );
    const all = [...byVersion.flat(), ...others];
    produced = all.length;
    await harness.produce(all);
  });

  afterAll(async () => {
    await harness.close();
    await sim.close();
  });

  it('ends with exactly the expected registrations, in per-device order, within the rate limit', async () => {
    const settings = harness.settings({ rateLimit: 800, rateBurst: 80, concurrency: 32 });
    const sink = await harness.start({ registry, partners, settings });
    await waitFor(
      'every device state committed',
      async () => (await committedTotal(test, settings.groupId, harness.stateTopic)) === produced,
      { timeoutMs: 150_000, intervalMs: 500, lastSeen: () => sim.stats() },
    );
    await sink.stop();

    const stats = sim.stats();
    expect(stats.rateLimited).toBe(0);
    expect(stats.faultsInjected).toBeGreaterThan(1000);
    for (let i = 0; i < DEVICES; i++) {
      const registration = sim.registration(`reg-${i}`);
      const unregistered = i % 5 === 0;
      expect(registration?.registrationEnabled, `reg-${i} enabled`).toBe(!unregistered);
      expect(registration?.additionalData, `reg-${i} attributes`).toEqual({
        lifecycleState: unregistered ? 'UNREGISTERED' : 'ACTIVE',
        installedAt: '2024-06-01',
        lastSeenAt: unregistered ? '2024-06-03' : '2024-06-02',
        lastOpenedAt: '2024-06-02',
        reinstallCount: 0,
        ...(unregistered ? { unregisteredAt: '2024-06-03' } : {}),
      });
      const person =
        unregistered || i % 50 === 1
          ? null
          : i % 5 === 4
            ? { phones: [`3161${String(i).padStart(7, '0')}`], emails: [] }
            : { externalId: `cust-${i}`, phones: [], emails: [] };
      expect(registration?.person, `reg-${i} person`).toEqual(person);
    }
    const requests = sim.requests();
    expect(requests.some((request) => request.registrationId?.startsWith('other-') === true)).toBe(false);
    expect(
      requests.some((request) =>
        JSON.stringify(request.body ?? null)
          .toLowerCase()
          .includes('"null"'),
      ),
    ).toBe(false);
    expect(requests.every((request) => request.headers.authorization === `App ${sim.apiKey()}`)).toBe(true);
    expect(requests.every((request) => request.headers.appcode === sim.appCode)).toBe(true);

    // Per-device order: the attributes of applied PATCHes never go back in time, and an unregistered
    // device's last applied identity call is the depersonalize.
    const applied = new Map<string, InfobipRequestRecord[]>();
    for (const request of requests) {
      if (!request.applied || request.registrationId === undefined) continue;
      applied.set(request.registrationId, [...(applied.get(request.registrationId) ?? []), request]);
    }
    for (let i = 0; i < DEVICES; i++) {
      const calls = applied.get(`reg-${i}`) ?? [];
      const seen = calls
        .filter((call) => call.operation === 'patch')
        .map((call) => (call.body as { additionalData: { lastSeenAt: string } }).additionalData.lastSeenAt);
      expect(seen, `reg-${i} patch order`).toEqual([...seen].sort());
      if (i % 5 === 0 && i % 50 !== 1) {
        expect(calls.filter((call) => call.operation !== 'patch').at(-1)?.operation, `reg-${i}`).toBe(
          'depersonalize',
        );
      }
    }

    const acks = await readTopic(test, harness.ackTopic);
    expect(new Set(acks.map((ack) => ack.key)).size).toBe(DEVICES);
    expect(await readTopic(test, harness.dlqTopic)).toEqual([]);

    const exposition = await harness.runtime.metrics.registry.metrics();
    expect(exposition).toContain('pushstream_sink_devices_out_of_sync{target="infobip"} 0');
    expect(exposition).toContain('pushstream_partner_auth_failed{target="infobip"} 0');
    expect(exposition).toMatch(/pushstream_partner_retries_total\{target="infobip"\} [1-9]/);
    expect(exposition).toMatch(
      /pushstream_partner_requests_total\{target="infobip",operation="patch",status_class="5xx"\} [1-9]/,
    );
    expect(exposition).toMatch(
      /pushstream_partner_requests_total\{target="infobip",operation="patch",status_class="timeout"\} [1-9]/,
    );
    expect(exposition).toMatch(
      /pushstream_partner_rate_limit_wait_seconds_total\{target="infobip"\} [0-9.]*[1-9]/,
    );
    console.log(
      `infobip 5k: ${stats.requests} requests, ${stats.faultsInjected} faults injected, peak ${stats.peakPerSecond}/s, 0 rate-limited`,
    );
  });

  it('makes zero calls when device-state.v1 is replayed from the beginning', async () => {
    const before = sim.stats().requests;
    const settings = harness.settings({ rateLimit: 800, rateBurst: 80 });
    const sink = await harness.start({ registry, partners, settings });
    await waitFor(
      'the replay committed',
      async () => (await committedTotal(test, settings.groupId, harness.stateTopic)) === produced,
      { timeoutMs: 60_000, intervalMs: 300 },
    );
    await sink.stop();
    expect(sim.stats().requests).toBe(before);
    const exposition = await harness.runtime.metrics.registry.metrics();
    expect(exposition).toContain('pushstream_sink_devices_out_of_sync{target="infobip"} 0');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppRegistry } from '@pushstream/runtime';
import {
  committedTotal,
  readTopic,
  startIntilerySimulator,
  testKafka,
  waitFor,
  type IntilerySimulator,
} from '@pushstream/test-kit';
import type { PartnersSource } from '../src/index.js';
import { deviceState, identity, juneDay, profile } from './support/device-states.js';
import { infraBrokers } from './support/infra-env.js';
import { simulatedIntilery } from './support/intilery-partners.js';
import { startSinkHarness, type SinkHarness } from './support/sink-harness.js';

const AIRSHIP_KEY = 'ISex_TTJRuarzs9-o_Gkhg';
const WRITE_KEY = 'wk_shop_3b9f0c';
const CHANNEL = '5c6ffb14-714e-4dbb-9545-f8740eb83002';
const FCM_DEVICE = 'fcm-dev-0a1b2c3d4e';

/**
 * One app with both an Airship and a track source, synced to Intilery. Its Airship device has the state the
 * sessionizer derives from RTDS events (channel id, app attributes, named user; no push token: RTDS carries
 * none); its track device has the state a `register push` gives (FCM device id and token).
 */
describe('intilery sink: RTDS-originated and track-originated devices of one app', () => {
  const test = testKafka(infraBrokers());
  let harness: SinkHarness;
  let sim: IntilerySimulator;
  let partners: PartnersSource;
  const registry = createAppRegistry([
    {
      name: 'Shop',
      environment: 'production',
      appKeys: { airship: AIRSHIP_KEY, track: WRITE_KEY },
      sinks: ['infobip', 'intilery'],
    },
  ]);
  const states = [
    deviceState({
      deviceKey: `airship:${AIRSHIP_KEY}:${CHANNEL}`,
      appKey: AIRSHIP_KEY,
      deviceId: CHANNEL,
      source: 'AIRSHIP',
      platform: 'ANDROID',
      status: 'ACTIVE',
      version: 3,
      installedAt: juneDay(1),
      lastSeenAt: juneDay(2),
      pushOptIn: true,
      profile: profile({ appVersion: '5.2.1', os: 'Android', osVersion: '14', pushOptIn: true }),
      identity: identity({ externalId: 'cust-rtds', contactId: 'cebdfb31-3163-410b-b15a-2966eb4d31ac' }),
    }),
    deviceState({
      deviceKey: `track:${WRITE_KEY}:${FCM_DEVICE}`,
      appKey: WRITE_KEY,
      deviceId: FCM_DEVICE,
      source: 'TRACK',
      platform: 'ANDROID',
      status: 'ACTIVE',
      version: 2,
      installedAt: juneDay(1),
      lastSeenAt: juneDay(2),
      pushOptIn: true,
      profile: profile({ pushToken: 'tok-track-1', pushOptIn: true }),
      identity: identity({ externalId: 'cust-track', email: 'track@example.nl' }),
    }),
  ];

  beforeAll(async () => {
    harness = await startSinkHarness('intilery');
    sim = await startIntilerySimulator();
    partners = simulatedIntilery(sim, 'Shop');
    await harness.produce(states);
  });

  afterAll(async () => {
    await harness.close();
    await sim.close();
  });

  it('registers the track device (identify + register push) and commits the RTDS device without a call', async () => {
    const settings = harness.settings();
    const sink = await harness.start({ registry, partners, settings });
    await waitFor(
      'both device states committed',
      async () => (await committedTotal(test, settings.groupId, harness.stateTopic)) === states.length,
      { timeoutMs: 60_000, intervalMs: 200, lastSeen: () => sim.stats() },
    );
    await sink.stop();

    expect(sim.events().map((event) => [event.event, event.userId, event.properties?.deviceId])).toEqual([
      ['identify', 'cust-track', undefined],
      ['register push', 'cust-track', FCM_DEVICE],
    ]);
    expect(sim.device(FCM_DEVICE)).toMatchObject({ fcmToken: 'tok-track-1', deviceType: 'Android' });
    expect(sim.device(CHANNEL)).toBeUndefined();
    expect(JSON.stringify(sim.requests().map((request) => request.body))).not.toContain(CHANNEL);

    const acks = await readTopic(test, harness.ackTopic);
    expect(acks.map((ack) => ack.key)).toEqual([`track:${WRITE_KEY}:${FCM_DEVICE}`]);
    expect(await readTopic(test, harness.dlqTopic)).toEqual([]);
    // The RTDS device is counted as not applicable, with the reason, rather than silently passed over.
    const notApplicable = await harness.metrics.notApplicable.get();
    expect(
      notApplicable.values
        .filter((sample) => sample.value > 0)
        .map((sample) => [sample.labels, sample.value]),
    ).toEqual([[{ target: 'intilery', reason: 'no-fcm-token' }, 1]]);
  });
});

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HEADERS, createAppRegistry } from '@pushstream/runtime';
import {
  committedTotal,
  readTopic,
  startInfobipSimulator,
  testKafka,
  waitFor,
  type InfobipSimulator,
} from '@pushstream/test-kit';
import { PARTNER_HEADERS, partnersSource } from '../src/index.js';
import { deviceState, identity, juneDay } from './support/device-states.js';
import { infraBrokers } from './support/infra-env.js';
import { startSinkHarness, type SinkHarness } from './support/sink-harness.js';

const CM_KEY = 'cm-shop-key';

function active(
  id: string,
  version: number,
  who: ReturnType<typeof identity> | null = null,
): Record<string, unknown> {
  return deviceState({
    deviceKey: `cm:${CM_KEY}:${id}`,
    appKey: CM_KEY,
    deviceId: id,
    source: 'CM',
    platform: 'IOS',
    status: 'ACTIVE',
    version,
    lastSeenAt: juneDay(5),
    identity: who,
  });
}

describe('infobip sink: credentials, permanent errors, erasure', () => {
  const test = testKafka(infraBrokers());
  const registry = createAppRegistry([
    { name: 'Shop', environment: 'production', appKeys: { cm: CM_KEY }, sinks: ['infobip'] },
  ]);
  let harness: SinkHarness;
  let sim: InfobipSimulator;
  let credentialsFile: string;
  const writeCredentials = (apiKey: string) =>
    writeFileSync(
      credentialsFile,
      JSON.stringify({ infobip: { Shop: { baseUrl: sim.url, apiKey, appCode: sim.appCode } } }),
    );
  const metric = async (name: string) =>
    (await harness.runtime.metrics.registry.getSingleMetric(name)?.get())?.values.find(
      (value) => value.labels.target === 'infobip',
    )?.value;

  beforeAll(async () => {
    harness = await startSinkHarness('infobip');
    sim = await startInfobipSimulator();
    credentialsFile = join(mkdtempSync(join(tmpdir(), 'sink-it-')), 'partners.json');
  });

  afterAll(async () => {
    await harness.close();
    await sim.close();
  });

  it('pauses on 401 without dead-lettering, and resumes once the credentials file is fixed', async () => {
    const ids = Array.from({ length: 20 }, (_, i) => `auth-${i}`);
    sim.register(ids);
    writeCredentials('expired-key');
    const settings = harness.settings({ authRetryMs: 300 });
    const partners = partnersSource({ SINK_PARTNERS_FILE: credentialsFile });
    await harness.produce(ids.map((id) => active(id, 1, identity({ externalId: `cust-${id}` }))));
    const sink = await harness.start({ registry, partners, settings });

    await waitFor('the auth alert', async () => (await metric('pushstream_partner_auth_failed')) === 1);
    await waitFor('a few slow probes', () => sim.stats().unauthorized >= 4, { timeoutMs: 10_000 });
    expect(await committedTotal(test, settings.groupId, harness.stateTopic)).toBe(0);
    // One request per device in flight got the 401; after that only the prober calls, once per authRetryMs.
    expect(sim.stats().unauthorized).toBeLessThan(ids.length + 15);

    writeCredentials(sim.apiKey());
    await waitFor(
      'every device committed after the fix',
      async () => (await committedTotal(test, settings.groupId, harness.stateTopic)) === ids.length,
      { timeoutMs: 30_000 },
    );
    expect(await metric('pushstream_partner_auth_failed')).toBe(0);
    for (const id of ids) {
      expect(sim.registration(id)?.person).toEqual({ externalId: `cust-${id}`, phones: [], emails: [] });
    }
    expect(await readTopic(test, harness.dlqTopic)).toEqual([]);
    await sink.stop();
  });

  it('dead-letters permanent errors with the partner body, keeps going, and handles erasure', async () => {
    sim.register(['ok-1', 'merge-1', 'restricted-1', 'ok-2']);
    sim.failIdentity('cust-merge', 'USER_MERGE_INTERRUPTED');
    sim.failIdentity('cust-restricted', 'USER_DATA_RESTRICTED');
    const partners = partnersSource({ SINK_PARTNERS_FILE: credentialsFile });
    const settings = harness.settings();
    await harness.produce([
      active('ok-1', 1, identity({ externalId: 'cust-ok-1' })),
      active('merge-1', 1, identity({ externalId: 'cust-merge' })),
      active('restricted-1', 1, identity({ externalId: 'cust-restricted' })),
      active('unknown-1', 1),
      deviceState({
        deviceKey: `cm:${CM_KEY}:unknown-2`,
        appKey: CM_KEY,
        deviceId: 'unknown-2',
        source: 'CM',
        platform: 'IOS',
        status: 'UNREGISTERED',
        version: 4,
        lastSeenAt: juneDay(6),
        unregisteredAt: juneDay(6),
      }),
      active('ok-2', 1, identity({ msisdn: '+31612345678' })),
      { tombstone: `cm:${CM_KEY}:auth-0` },
    ]);
    const sink = await harness.start({ registry, partners, settings });
    const produced = 20 + 7;
    await waitFor(
      'every record committed',
      async () => (await committedTotal(test, settings.groupId, harness.stateTopic)) === produced,
      { timeoutMs: 30_000 },
    );
    await sink.stop();

    const dead = await readTopic(test, harness.dlqTopic);
    const byKey = new Map(dead.map((record) => [record.key, record.headers]));
    expect([...byKey.keys()].sort()).toEqual([
      `cm:${CM_KEY}:merge-1`,
      `cm:${CM_KEY}:restricted-1`,
      `cm:${CM_KEY}:unknown-1`,
    ]);
    const merge = byKey.get(`cm:${CM_KEY}:merge-1`);
    expect(merge?.[HEADERS.errorCode]).toBe('PARTNER_MERGE_CONFLICT');
    expect(merge?.[PARTNER_HEADERS.operation]).toBe('personalize');
    expect(merge?.[PARTNER_HEADERS.status]).toBe('400');
    expect(JSON.parse(merge?.[PARTNER_HEADERS.response] ?? '{}')).toEqual({
      requestError: {
        serviceException: {
          messageId: 'USER_MERGE_INTERRUPTED',
          text: 'User update violates unique key constraint',
        },
      },
    });
    const restricted = byKey.get(`cm:${CM_KEY}:restricted-1`);
    expect(restricted?.[HEADERS.errorCode]).toBe('PARTNER_REJECTED');
    expect(restricted?.[PARTNER_HEADERS.errorCode]).toBe('USER_DATA_RESTRICTED');
    expect(restricted?.[PARTNER_HEADERS.retryable]).toBe('false');
    const unknown = byKey.get(`cm:${CM_KEY}:unknown-1`);
    expect(unknown?.[PARTNER_HEADERS.errorCode]).toBe('48013');
    expect(JSON.parse(unknown?.[PARTNER_HEADERS.response] ?? '{}')).toEqual({
      errorCode: 48013,
      errorMessage: 'Push registration not found',
    });
    // An unregistered device whose registration is gone is done, not dead-lettered.
    expect(byKey.has(`cm:${CM_KEY}:unknown-2`)).toBe(false);

    expect(sim.registration('ok-1')?.person).toEqual({ externalId: 'cust-ok-1', phones: [], emails: [] });
    expect(sim.registration('ok-2')?.person).toEqual({
      externalId: undefined,
      phones: ['31612345678'],
      emails: [],
    });
    // The PATCH before the failed personalize went through.
    expect(sim.registration('merge-1')?.additionalData.lifecycleState).toBe('ACTIVE');
    // Erasure: disabled, depersonalized, our attributes removed, acknowledgement tombstoned.
    expect(sim.registration('auth-0')).toMatchObject({
      registrationEnabled: false,
      person: null,
      additionalData: {},
    });
    const acks = await readTopic(test, harness.ackTopic);
    expect(acks.filter((ack) => ack.key === `cm:${CM_KEY}:auth-0`).map((ack) => ack.value === null)).toEqual([
      false,
      true,
    ]);
    expect(acks.map((ack) => ack.key)).toContain(`cm:${CM_KEY}:unknown-2`);
    expect(await metric('pushstream_sink_devices_out_of_sync')).toBe(3);
  });
});

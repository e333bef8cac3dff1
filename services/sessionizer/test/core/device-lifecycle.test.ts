import { describe, expect, it } from 'vitest';
import type { DeviceEvent, DeviceState, EventKind } from '@pushstream/schemas';
import {
  DAY_MS,
  DEFAULT_CORE_CONFIG,
  KIND_RULES,
  expire,
  step,
  type LifecycleConfig,
} from '../../src/core/index.js';
import { deviceEvent } from '../fixtures/device-event.js';

const T0 = Date.UTC(2026, 5, 1);
const KEY = 'airship:app:dev';
const config: LifecycleConfig = DEFAULT_CORE_CONFIG.lifecycle;

function run(
  events: readonly DeviceEvent[],
  nowMs = T0 + DAY_MS,
  lifecycle = config,
): DeviceState | undefined {
  let state: DeviceState | undefined;
  for (const event of events) state = step(state, event, { nowMs, config: lifecycle }).state;
  return state;
}

let counter = 0;
function ev(kind: EventKind, atMs: number, fields: Partial<DeviceEvent> = {}): DeviceEvent {
  counter += 1;
  return deviceEvent({ eventId: `ev-${counter}`, kind, deviceKey: KEY, occurredAt: atMs, ...fields });
}

describe('kind → transition table', () => {
  it.each<[EventKind[], string, number]>([
    [['PUSH_SENT'], 'INSTALLED', 0],
    [['INSTALLED'], 'INSTALLED', 0],
    [['INSTALLED', 'OPENED'], 'ACTIVE', 0],
    [['INSTALLED', 'OPENED', 'INSTALLED'], 'ACTIVE', 0],
    [['OPENED', 'UNREGISTERED'], 'UNREGISTERED', 0],
    [['OPENED', 'UNREGISTERED', 'INSTALLED'], 'INSTALLED', 1],
    [['OPENED', 'UNREGISTERED', 'PUSH_OPENED'], 'UNREGISTERED', 0],
    [['OPENED', 'UNREGISTERED', 'ACTIVITY', 'PUSH_SENT', 'CLOSED'], 'UNREGISTERED', 0],
    [['UNREGISTERED', 'OPENED', 'UNREGISTERED', 'INSTALLED', 'OPENED'], 'ACTIVE', 2],
  ])('%j → %s with %i reinstalls', (kinds, status, reinstalls) => {
    const state = run(kinds.map((kind, index) => ev(kind, T0 + index * 60_000)));
    expect(state?.status).toBe(status);
    expect(state?.reinstallCount).toBe(reinstalls);
  });

  it('maps every kind of the DeviceEvent schema', () => {
    expect(Object.keys(KIND_RULES).sort()).toMatchInlineSnapshot(`
      [
        "ACTIVITY",
        "CLOSED",
        "IDENTIFIED",
        "INSTALLED",
        "OPENED",
        "OPTED_IN",
        "OPTED_OUT",
        "OTHER",
        "PUSH_DELETED",
        "PUSH_DISMISSED",
        "PUSH_FAILED",
        "PUSH_OPENED",
        "PUSH_SENT",
        "UNREGISTERED",
        "UPDATED",
      ]
    `);
  });

  it('reads a kind it does not know as OTHER', () => {
    const state = run([ev('OPENED', T0), ev('SOMETHING_NEW' as EventKind, T0 + 1000)]);
    expect(state?.lastSignOfLifeAt).toBe(T0);
    expect(state?.lastSeenAt).toBe(T0 + 1000);
  });
});

describe('merge by event time', () => {
  it('a late, older event never overwrites newer facts', () => {
    const state = run([
      ev('UPDATED', T0 + 2000, { profile: { ...profile(), appVersion: '2.0' }, identity: ids('user-new') }),
      ev('CLOSED', T0, { profile: { ...profile(), appVersion: '1.0' }, identity: ids('user-old') }),
    ]);
    expect(state?.profile?.appVersion).toBe('2.0');
    expect(state?.identity?.externalId).toBe('user-new');
    expect(state?.lastSeenAt).toBe(T0 + 2000);
    expect(state?.firstSeenAt).toBe(T0);
  });

  it('fields absent from an event keep their value; an opt-out at the same time as an opt-in wins', () => {
    const state = run([
      ev('UPDATED', T0, { profile: { ...profile(), timezone: 'Europe/Amsterdam', pushOptIn: true } }),
      ev('OPTED_OUT', T0),
      ev('UPDATED', T0 + 10, { profile: { ...profile(), appVersion: '3.1' } }),
    ]);
    expect(state?.profile).toMatchObject({
      timezone: 'Europe/Amsterdam',
      appVersion: '3.1',
      pushOptIn: false,
    });
    expect(state?.pushOptIn).toBe(false);
  });

  it('OPTED_IN after OPTED_OUT opts the device back in', () => {
    const state = run([ev('OPTED_OUT', T0), ev('OPTED_IN', T0 + 5)]);
    expect(state?.pushOptIn).toBe(true);
    expect(state?.fieldUpdatedAt.pushOptIn).toBe(T0 + 5);
  });

  it('counts distinct opens; a duplicate open (same id) counts once', () => {
    const open = ev('OPENED', T0);
    const state = run([open, ev('OPENED', T0 + 60_000), open, ev('PUSH_OPENED', T0 + 120_000)]);
    expect(state?.openCount).toBe(2);
    expect(state?.lastOpenedAt).toBe(T0 + 60_000);
  });

  it('emits nothing for an event that changes no fact: a late push send, a replayed open', () => {
    const open = ev('OPENED', T0);
    const state = run([open, ev('OPENED', T0 + 60_000)]);
    const lateSend = step(state, ev('PUSH_SENT', T0 + 30_000), { nowMs: T0 + DAY_MS, config });
    expect(lateSend).toEqual({ state, outputs: [] });
    expect(step(state, open, { nowMs: T0 + DAY_MS, config })).toEqual({ state, outputs: [] });
  });
});

describe('the reorder horizon (the documented order-dependent rule)', () => {
  const horizon = { ...config, reorderHorizonMs: DAY_MS };

  it('orders lifecycle events exactly within the horizon', () => {
    const inOrder = run(
      [ev('OPENED', T0), ev('UNREGISTERED', T0 + 1000), ev('OPENED', T0 + 2000)],
      T0,
      horizon,
    );
    expect(inOrder?.reinstallCount).toBe(1);
    const late = run([ev('OPENED', T0), ev('OPENED', T0 + 2000), ev('UNREGISTERED', T0 + 1000)], T0, horizon);
    expect(late?.reinstallCount).toBe(1);
    expect(late?.status).toBe('ACTIVE');
  });

  it('an unregister older than the horizon moves unregisteredAt but no longer the status', () => {
    const state = run(
      [ev('OPENED', T0), ev('OPENED', T0 + 3 * DAY_MS), ev('UNREGISTERED', T0 + DAY_MS)],
      T0 + 4 * DAY_MS,
      horizon,
    );
    expect(state?.status).toBe('ACTIVE');
    expect(state?.reinstallCount).toBe(0);
    expect(state?.unregisteredAt).toBe(T0 + DAY_MS);
    expect(state?.lifecycle.foldedBefore).toBe(T0 + 2 * DAY_MS);
  });

  it('an open older than the horizon is counted even when it is a duplicate', () => {
    const old = ev('OPENED', T0);
    const state = run([old, ev('OPENED', T0 + 3 * DAY_MS), old], T0 + 4 * DAY_MS, horizon);
    expect(state?.openCount).toBe(3);
  });
});

describe('staleness', () => {
  it('is measured from the last sign of life, not from push sends or unregistrations', () => {
    const state = run([ev('OPENED', T0), ev('PUSH_SENT', T0 + 40 * DAY_MS)], T0 + 41 * DAY_MS);
    expect(state).toMatchObject({ softStale: true, hardStale: false, lastSignOfLifeAt: T0 });
  });

  it('expire flips the flags at wall-clock time and bumps the version; a sign of life clears them', () => {
    const fresh = run([ev('OPENED', T0)], T0);
    if (fresh === undefined) throw new Error('no state');
    expect(expire(fresh, T0 + 29 * DAY_MS, config).outputs).toEqual([]);
    const soft = expire(fresh, T0 + 30 * DAY_MS, config);
    expect(soft.state).toMatchObject({ softStale: true, hardStale: false, version: fresh.version + 1 });
    const hard = expire(soft.state ?? fresh, T0 + 61 * DAY_MS, config);
    expect(hard.state).toMatchObject({ softStale: true, hardStale: true, version: fresh.version + 2 });
    const back = step(hard.state, ev('OPENED', T0 + 61 * DAY_MS), { nowMs: T0 + 61 * DAY_MS, config });
    expect(back.state).toMatchObject({ softStale: false, hardStale: false });
  });
});

describe('erasure', () => {
  it('an admin erase request drops the device and emits a tombstone', () => {
    const state = run([ev('OPENED', T0)]);
    const result = step(state, ev('OTHER', T0 + 1, { sourceType: 'pushstream.erase' }), {
      nowMs: T0,
      config,
    });
    expect(result).toEqual({ state: undefined, outputs: [{ type: 'tombstone', deviceKey: KEY }] });
  });

  it('matches configured rules on kind and detail paths', () => {
    const rules = [{ sourceType: 'COMPLIANCE', detail: { 'body.event_type': 'uninstall' } }];
    const erase = ev('UNREGISTERED', T0, {
      sourceType: 'COMPLIANCE',
      detail: JSON.stringify({ body: { event_type: 'uninstall' } }),
    });
    const keep = ev('UNREGISTERED', T0, {
      sourceType: 'COMPLIANCE',
      detail: JSON.stringify({ body: { event_type: 'opted_out' } }),
    });
    const lifecycle = { ...config, erasure: rules };
    expect(step(undefined, erase, { nowMs: T0, config: lifecycle }).outputs).toEqual([
      { type: 'tombstone', deviceKey: KEY },
    ]);
    expect(step(undefined, keep, { nowMs: T0, config: lifecycle }).state?.status).toBe('UNREGISTERED');
  });

  it('ignores events without a device', () => {
    expect(step(undefined, ev('PUSH_SENT', T0, { deviceId: null }), { nowMs: T0, config })).toEqual({
      state: undefined,
      outputs: [],
    });
  });
});

function profile() {
  return {
    appVersion: null,
    appPackage: null,
    os: null,
    osVersion: null,
    deviceModel: null,
    sdkVersion: null,
    locale: null,
    language: null,
    country: null,
    timezone: null,
    pushOptIn: null,
    pushToken: null,
  };
}

function ids(externalId: string) {
  return { externalId, contactId: null, msisdn: null, email: null, anonymousId: null };
}

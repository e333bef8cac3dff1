import { describe, expect, it } from 'vitest';
import {
  createRtdsStream,
  createTraffic,
  foldStatus,
  type LifecycleEffect,
} from '../../src/generator/index.js';
import { parseRtdsLine } from '../../src/raw/rtds/parse-rtds-line.js';
import { fieldAt } from '../raw/field-at.js';

const effects = (...list: LifecycleEffect[]) => list.map((effect) => ({ effect }));

describe('foldStatus', () => {
  it.each([
    [[], 'INSTALLED', 0],
    [['install'], 'INSTALLED', 0],
    [['none'], 'INSTALLED', 0],
    [['install', 'open'], 'ACTIVE', 0],
    [['install', 'open', 'install'], 'ACTIVE', 0],
    [['open', 'unregister'], 'UNREGISTERED', 0],
    [['install', 'unregister', 'none'], 'UNREGISTERED', 0],
    [['install', 'unregister', 'open'], 'ACTIVE', 1],
    [['install', 'unregister', 'install', 'unregister', 'install'], 'INSTALLED', 2],
  ] as const)('%j → %s, %i reinstalls', (list, status, reinstallCount) => {
    expect(foldStatus(effects(...list))).toEqual({ status, reinstallCount });
  });
});

describe('device lifecycles', () => {
  const traffic = createTraffic({
    seed: 'lifecycle',
    devices: 300,
    lifecycle: { uninstallRate: 0.08, reinstallRate: 0.5, meanReinstallGapMs: 3_600_000 },
    rtds: { events: 8000 },
    cm: { events: 2000 },
  });
  const truth = traffic.rtds.groundTruth();
  const events = [...traffic.rtds.records()].flatMap((record) => {
    if (record.kind !== 'event' || record.duplicate) return [];
    const result = parseRtdsLine(record.line);
    return result.ok ? [{ record, event: result.event }] : [];
  });

  it('install with FIRST_OPEN, except devices installed before the start', () => {
    const preinstalled = traffic.population().filter((device) => device.preinstalled).length;
    expect(preinstalled).toBeGreaterThan(0);
    expect(truth.eventTypes.FIRST_OPEN).toBeGreaterThan(0);
    expect(truth.eventTypes.FIRST_OPEN).toBeLessThanOrEqual(300 - preinstalled);
    for (const device of truth.devices.values()) {
      const firstOpens = device.events.filter((event) => event.type === 'FIRST_OPEN');
      expect(firstOpens.length).toBeLessThanOrEqual(1);
      if (firstOpens[0] !== undefined) expect(device.events[0]?.type).toBe('FIRST_OPEN');
    }
  });

  it('open sessions, some from a push, closed by a CLOSE with the same session id', () => {
    const pushOpens = events.filter(
      ({ event }) => event.type === 'OPEN' && fieldAt(event, 'body.triggering_push.push_id') !== undefined,
    );
    expect(pushOpens.length).toBeGreaterThan(0);
    const sent = new Set(
      events
        .filter(({ event }) => event.type === 'PUSH_BODY')
        .map(({ event }) => fieldAt(event, 'body.push_id')),
    );
    for (const { event } of pushOpens)
      expect(sent.has(fieldAt(event, 'body.triggering_push.push_id'))).toBe(true);
    const opened = new Set(
      events
        .filter(({ event }) => event.type === 'OPEN')
        .map(({ event }) => fieldAt(event, 'body.session_id')),
    );
    const closes = events.filter(({ event }) => event.type === 'CLOSE');
    expect(closes.length).toBeGreaterThan(0);
    const matched = closes.filter(({ event }) => opened.has(fieldAt(event, 'body.session_id')));
    expect(matched.length / closes.length).toBeGreaterThan(0.95);
  });

  it('change attributes and tags, and sign in', () => {
    for (const type of [
      'ATTRIBUTE_OPERATION',
      'TAG_CHANGE',
      'CONTACT_CHANGE',
      'SEND',
      'CUSTOM',
      'SCREEN_VIEWED',
      'WEB_SESSION',
    ]) {
      expect(truth.eventTypes[type], type).toBeGreaterThan(0);
    }
    const appVersions = new Map<string, Set<unknown>>();
    for (const { event } of events) {
      const channel = fieldAt(event, 'device.channel');
      const version = fieldAt(event, 'device.attributes.app_version');
      if (typeof channel !== 'string' || version === undefined) continue;
      appVersions.set(channel, (appVersions.get(channel) ?? new Set()).add(version));
    }
    expect([...appVersions.values()].some((versions) => versions.size > 1)).toBe(true);
  });

  it('uninstall through UNINSTALL or a SEND_REJECTED of an invalid token, and some come back', () => {
    const unregisteredBy = new Set(
      [...truth.devices.values()].flatMap((device) =>
        device.events.filter((event) => event.effect === 'unregister').map((event) => event.type),
      ),
    );
    expect(unregisteredBy).toEqual(new Set(['UNINSTALL', 'SEND_REJECTED']));
    expect(truth.statusCounts.UNREGISTERED).toBeGreaterThan(0);
    expect([...truth.devices.values()].some((device) => device.reinstallCount > 0)).toBe(true);
    const cm = traffic.cm.groundTruth();
    expect([...cm.devices.values()].some((device) => device.reinstallCount > 0)).toBe(true);
  });

  it('spread over every platform', () => {
    const platforms = new Set([...truth.devices.values()].map((device) => device.platform));
    expect(platforms).toEqual(new Set(['IOS', 'ANDROID', 'AMAZON', 'WEB']));
  });

  it('keep device keys per source as DESIGN.md §2 writes them', () => {
    const summary = traffic.summary();
    for (const device of summary.cm.devices.values())
      expect(device.deviceKey).toMatch(/^cm:[0-9a-f]{32}:[0-9a-f]{32}$/);
    for (const device of summary.track.devices.values())
      expect(device.deviceKey).toMatch(/^track:wk_\w+:fcm-dev-[0-9a-f]{10}$/);
    expect(new Set([...summary.cm.devices.values()].map((device) => device.platform))).toEqual(
      new Set(['IOS', 'ANDROID']),
    );
  });
});

describe('a stream for ever', () => {
  it('keeps going lazily with an unlimited budget', () => {
    const lines = createRtdsStream({ devices: 20, rtds: { events: Number.POSITIVE_INFINITY } }).lines();
    let count = 0;
    for (const _line of lines) if (++count === 5000) break;
    expect(count).toBe(5000);
  });
});

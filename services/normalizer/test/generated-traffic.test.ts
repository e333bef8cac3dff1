import { describe, expect, it } from 'vitest';
import { DEFAULT_APPS } from '@pushstream/schemas';
import { lifecycleEffectOf } from '../src/core/kind/event-kind.js';
import { normalizeRecord } from '../src/core/normalize.js';
import { TEST_CONTEXT } from './support/context.js';
import { rawInputOf } from './support/raw-input-of.js';
import { generateRawRecords } from './support/raw-traffic.js';

const APP_KEY = DEFAULT_APPS[0]?.airshipAppKey ?? 'missing';
const records = generateRawRecords({
  seed: 'normalizer-unit',
  devices: 300,
  rtdsEvents: 4000,
  cmEvents: 1500,
  trackMessages: 1500,
  appKey: APP_KEY,
  endMs: Date.UTC(2024, 6, 1),
});

describe('generated traffic of every source against the generator’s ground truth', () => {
  const results = records.map((record, index) => ({
    record,
    result: normalizeRecord(rawInputOf(record, index), TEST_CONTEXT),
  }));
  const events = results.flatMap(({ record, result }) =>
    result.kind === 'event' ? [{ record, event: result.event }] : [],
  );

  it('normalizes every record (the connector only writes valid events)', () => {
    const problems = results
      .filter(({ result }) => result.kind !== 'event')
      .map(({ record, result }) => [record.truth.type, result]);
    expect(problems).toEqual([]);
    expect(new Set(records.map((record) => record.source))).toEqual(
      new Set(['airship-rtds', 'cm-push', 'track']),
    );
  });

  it('gives each event the source’s id (RTDS id, Segment messageId) and CM events one derived id per unique event', () => {
    const cmIds = new Map<string, string>();
    for (const { record, event } of events) {
      if (record.source === 'cm-push') {
        const known = cmIds.get(record.truth.truthId);
        if (known === undefined) cmIds.set(record.truth.truthId, event.eventId);
        else expect(event.eventId).toBe(known);
      } else {
        expect(event.eventId).toBe(record.truth.truthId);
      }
    }
    expect(new Set(cmIds.values()).size).toBe(cmIds.size);
    expect(cmIds.size).toBeGreaterThan(1000);
  });

  it('maps every kind so that its lifecycle effect is the generator’s (DESIGN.md section 5)', () => {
    const mismatches = events
      .filter(({ record, event }) => lifecycleEffectOf(event.kind) !== record.truth.effect)
      .map(
        ({ record, event }) =>
          `${record.source} ${record.truth.type} → ${event.kind}, expected ${record.truth.effect}`,
      );
    expect([...new Set(mismatches)]).toEqual([]);
    const effects = new Set(events.map(({ record }) => record.truth.effect));
    expect(effects).toEqual(new Set(['install', 'open', 'unregister', 'none']));
  });

  it('keeps the device key and platform of the ground truth and names every app', () => {
    for (const { record, event } of events) {
      if (record.truth.deviceKey !== undefined) expect(event.deviceKey).toBe(record.truth.deviceKey);
      // CM names the OS only in the profile data of ClientInstalled/ClientUpdated; other events say nothing.
      const saysPlatform = record.source !== 'cm-push' || record.value.toString().includes('"deviceOs"');
      if (record.truth.platform !== undefined && saysPlatform)
        expect(event.platform, record.truth.type).toBe(record.truth.platform);
      else if (record.truth.platform !== undefined) expect(event.platform).toBe('UNKNOWN');
      expect(event.app?.name).toMatch(/^(Shop|News|Bank)$/);
    }
  });

  it('marks duplicates: the duplicates of a source id carry the same eventId as the original', () => {
    const firstSeen = new Set<string>();
    let duplicates = 0;
    for (const { record, event } of events) {
      if (firstSeen.has(event.eventId)) {
        duplicates += 1;
        expect(record.truth.duplicate).toBe(true);
      } else {
        expect(record.truth.duplicate).toBe(false);
        firstSeen.add(event.eventId);
      }
    }
    expect(duplicates).toBe(records.filter((record) => record.truth.duplicate).length);
  });
});

import { afterAll, describe, expect, inject, it } from 'vitest';
import type { DeviceSession, DeviceState } from '@pushstream/schemas';
import { uniqueName, waitFor } from '@pushstream/test-kit';
import { MINUTE_MS } from '../../src/core/index.js';
import { deviceEvent } from '../fixtures/device-event.js';
import { SessionizerHarness } from '../support/sessionizer-harness.js';

describe('the sessionizer wall-clock sweeps and erasure against real Kafka', () => {
  const infra = inject('infra');
  const harness = new SessionizerHarness(infra, `${uniqueName('sweep')}.`, uniqueName('sessionizer'));
  afterAll(() => harness.stopAll());

  it('closes a silent device session (SWEEP), flags staleness by wall clock, and tombstones an erasure', async () => {
    await harness.provision();
    const child = harness.start('sessionizer-sweeps', {
      // Stream time never passes gap + grace here: only the wall-clock sweep can close the session.
      SESSION_GAP_MS: String(30 * MINUTE_MS),
      SESSION_GRACE_MS: String(5 * MINUTE_MS),
      SESSION_SILENCE_CLOSE_MS: '1500',
      SESSION_SWEEP_INTERVAL_MS: '500',
      // Generous, so the events (produced once the member is ready) are processed well before they go stale.
      SOFT_STALE_MS: '15000',
      HARD_STALE_MS: '600000',
      STALE_SWEEP_INTERVAL_MS: '500',
      ERASURE_RULES: JSON.stringify([{ sourceType: 'COMPLIANCE', detail: { event_type: 'uninstall' } }]),
    });
    await child.waitForLine('partitions restored', (line) => line.msg === 'restored partition state');
    const now = Date.now();
    const device = 'cm:app-1:silent-device';
    const erased = 'airship:app-1:erased-device';
    await harness.produce(
      [
        deviceEvent({
          eventId: 'open-1',
          kind: 'OPENED',
          deviceKey: device,
          occurredAt: now,
          pushId: 'push-9',
        }),
        deviceEvent({ eventId: 'screen-1', kind: 'ACTIVITY', deviceKey: device, occurredAt: now + 1000 }),
        deviceEvent({ eventId: 'install-2', kind: 'INSTALLED', deviceKey: erased, occurredAt: now }),
        deviceEvent({
          eventId: 'compliance-uninstall',
          kind: 'UNREGISTERED',
          sourceType: 'COMPLIANCE',
          detail: JSON.stringify({ event_type: 'uninstall' }),
          deviceKey: erased,
          occurredAt: now + 2000,
        }),
      ].map((event) => ({ event })),
    );
    const sessions = await waitFor(
      'the swept session',
      async () => {
        const written: DeviceSession[] = await harness.sessions().catch(() => []);
        return written.length > 0 ? written : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 500, lastSeen: () => child.tail(5) },
    );
    expect(sessions).toEqual([
      expect.objectContaining({
        sessionId: `${device}:${now}`,
        deviceKey: device,
        startedAt: now,
        endedAt: now + 1000,
        durationMs: 1000,
        eventCount: 2,
        openingPushId: 'push-9',
        closeReason: 'SWEEP',
      }),
    ]);
    const states = await waitFor(
      'the soft-stale flag set by the sweep',
      async () => {
        const records = (await harness.stateRecords()).filter((record) => record.key === device);
        return records.some((record) => record.state?.softStale === true) ? records : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 500, lastSeen: () => child.tail(5) },
    );
    const versions = states
      .map((record) => record.state)
      .filter((state): state is DeviceState => state !== null);
    expect(versions.map((state) => [state.version, state.softStale, state.hardStale])).toEqual([
      [1, false, false],
      [2, false, false],
      [3, true, false],
    ]);
    const erasedRecords = (await harness.stateRecords()).filter((record) => record.key === erased);
    expect(erasedRecords.map((record) => record.state?.status ?? null)).toEqual(['INSTALLED', null]);
  }, 120_000);
});

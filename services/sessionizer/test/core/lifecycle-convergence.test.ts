import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DeviceEvent, DeviceState } from '@pushstream/schemas';
import { foldStatus } from '@pushstream/schemas';
import {
  DAY_MS,
  DEFAULT_CORE_CONFIG,
  factsOf,
  kindRule,
  step,
  type LifecycleConfig,
} from '../../src/core/index.js';
import {
  HISTORY_START,
  byEventTime,
  deviceHistory,
  shuffledWithDuplicates,
} from '../fixtures/history-arbitrary.js';

const NOW = HISTORY_START + 45 * DAY_MS;
const config: LifecycleConfig = { ...DEFAULT_CORE_CONFIG.lifecycle, reorderHorizonMs: 30 * DAY_MS };

function fold(
  events: readonly DeviceEvent[],
  lifecycle = config,
): { state: DeviceState | undefined; emitted: number } {
  let state: DeviceState | undefined;
  let emitted = 0;
  for (const event of events) {
    const result = step(state, event, { nowMs: NOW, config: lifecycle });
    state = result.state;
    emitted += result.outputs.length;
  }
  return { state, emitted };
}

function facts(state: DeviceState | undefined) {
  if (state === undefined) throw new Error('no state');
  return factsOf(state);
}

describe('lifecycle convergence (property)', () => {
  it('shuffled and duplicated histories reach the state of the in-order history', () => {
    fc.assert(
      fc.property(
        deviceHistory('airship:app:d1').chain((events) =>
          fc.tuple(fc.constant(events), shuffledWithDuplicates(events)),
        ),
        ([inOrder, shuffled]) => {
          expect(facts(fold(shuffled).state)).toEqual(facts(fold(inOrder).state));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('status and reinstalls match the generator ground truth (foldStatus over event-time order)', () => {
    fc.assert(
      fc.property(deviceHistory('airship:app:d2', { spanMs: 20 * DAY_MS }), (events) => {
        const effects = [...events]
          .sort(byEventTime)
          .map((event) => ({ effect: kindRule(event.kind).effect, at: event.occurredAt }));
        // foldStatus folds in the given order; ties at one millisecond follow the core's rank.
        const rank = { install: 0, open: 1, unregister: 2, none: 3 } as const;
        effects.sort((a, b) => a.at - b.at || rank[a.effect] - rank[b.effect]);
        const truth = foldStatus(effects);
        const state = facts(fold(events).state);
        expect({ status: state.status, reinstallCount: state.reinstallCount }).toEqual(truth);
      }),
      { numRuns: 300 },
    );
  });

  it('replaying any events already applied changes nothing and emits nothing', () => {
    fc.assert(
      fc.property(
        deviceHistory('airship:app:d3').chain((events) =>
          fc.tuple(fc.constant(events), shuffledWithDuplicates(events)),
        ),
        ([events, replay]) => {
          const final = fold(events).state;
          let state = final;
          for (const event of replay) {
            const result = step(state, event, { nowMs: NOW, config });
            expect(result.outputs).toEqual([]);
            state = result.state;
          }
          expect(state).toBe(final);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('emits on every change and increments the version once per emission', () => {
    fc.assert(
      fc.property(deviceHistory('airship:app:d4'), (events) => {
        const { state, emitted } = fold(events);
        expect(state?.version).toBe(emitted);
      }),
      { numRuns: 100 },
    );
  });

  it('converges with the default 7-day horizon when histories fit in it', () => {
    fc.assert(
      fc.property(
        deviceHistory('airship:app:d5', { spanMs: 7 * DAY_MS }).chain((events) =>
          fc.tuple(fc.constant(events), shuffledWithDuplicates(events)),
        ),
        ([inOrder, shuffled]) => {
          const lifecycle = DEFAULT_CORE_CONFIG.lifecycle;
          expect(facts(fold(shuffled, lifecycle).state)).toEqual(facts(fold(inOrder, lifecycle).state));
        },
      ),
      { numRuns: 200 },
    );
  });
});

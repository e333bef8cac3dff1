import type { DeviceEvent } from '@pushstream/schemas';

/** The normalized meaning of an event (DeviceEvent `kind`). */
export type EventKind = DeviceEvent['kind'];

/**
 * What a kind does to a device's lifecycle (DESIGN.md section 5): only INSTALLED registers, only OPENED
 * is an open, only UNREGISTERED unregisters; every other kind is information. The kind mapping is built so
 * that this holds for every source, which the tests check against the traffic generator's ground truth.
 */
export function lifecycleEffectOf(kind: EventKind): 'install' | 'open' | 'unregister' | 'none' {
  switch (kind) {
    case 'INSTALLED':
      return 'install';
    case 'OPENED':
      return 'open';
    case 'UNREGISTERED':
      return 'unregister';
    default:
      return 'none';
  }
}

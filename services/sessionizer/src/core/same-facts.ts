import type { DeviceState } from '@pushstream/schemas';

/** Structural equality of plain decoded values (objects, arrays, primitives). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, index) => deepEqual(item, b[index]));
  }
  if (Array.isArray(b)) return false;
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left);
  if (keys.length !== Object.keys(right).length) return false;
  return keys.every((key) => Object.hasOwn(right, key) && deepEqual(left[key], right[key]));
}

const BOOKKEEPING = new Set<keyof DeviceState>(['version', 'updatedAt']);

/** True when two states hold the same facts: everything but `version` and `updatedAt` is equal. */
export function sameFacts(a: DeviceState, b: DeviceState): boolean {
  for (const key of Object.keys(a) as (keyof DeviceState)[]) {
    if (BOOKKEEPING.has(key)) continue;
    if (!deepEqual(a[key], b[key])) return false;
  }
  return true;
}

/** The facts of a state, without the emission bookkeeping (for convergence comparisons). */
export function factsOf(state: DeviceState): Omit<DeviceState, 'version' | 'updatedAt'> {
  const { version: _version, updatedAt: _updatedAt, ...facts } = state;
  return facts;
}

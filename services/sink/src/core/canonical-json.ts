import { createHash } from 'node:crypto';

/** A JSON value as the sink builds partner states (no undefined inside). */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/**
 * JSON with object keys sorted at every level and undefined members dropped: equal values give equal
 * text, so the text (and its hash) can be compared across processes and replays.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const member = (value as Record<string, unknown>)[key];
      if (member !== undefined) out[key] = sortKeys(member);
    }
    return out;
  }
  return value;
}

/** SHA-256 (hex) of the canonical JSON of `value`. */
export function desiredHash(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}

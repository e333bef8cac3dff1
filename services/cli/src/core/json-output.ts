/**
 * Turns decoded values into JSON-safe ones for `--json`: Buffers become `{ "base64": … }`, bigints
 * decimal strings, Dates ISO strings, Maps objects; everything else is kept.
 */
export function toJsonSafe(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return value.toString();
  if (Buffer.isBuffer(value)) return { base64: value.toString('base64') };
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Map) return Object.fromEntries([...value].map(([k, v]) => [String(k), toJsonSafe(v)]));
  if (Array.isArray(value)) return value.map(toJsonSafe);
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJsonSafe(v)]));
  }
  return value;
}

/** One JSON document per line (scripts read `--json` output line by line or as one document). */
export function jsonLine(value: unknown): string {
  return `${JSON.stringify(toJsonSafe(value))}\n`;
}

/** ISO-8601 of a time in ms, or null. */
export function isoTime(ms: number | null | undefined): string | null {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return null;
  return new Date(ms).toISOString();
}

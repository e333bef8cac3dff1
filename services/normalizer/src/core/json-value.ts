/** A JSON object as parsed (values unknown until checked). */
export type JsonObject = Record<string, unknown>;

/** True for a plain JSON object (not null, not an array). */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value as a non-empty string, else undefined. */
export function nonEmptyText(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim().length > 0 ? value : undefined;
}

/** A shallow copy of `object` without `keys`; undefined when nothing is left. */
export function withoutKeys(object: unknown, keys: readonly string[]): JsonObject | undefined {
  if (!isJsonObject(object)) return undefined;
  const rest: JsonObject = {};
  for (const [key, value] of Object.entries(object)) if (!keys.includes(key)) rest[key] = value;
  return Object.keys(rest).length > 0 ? rest : undefined;
}

/** Drops entries whose value is undefined (JSON.stringify would drop them anyway; this keeps `{}` checks honest). */
export function compactObject(object: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(object)) if (value !== undefined) out[key] = value;
  return out;
}

/** JSON with object keys sorted at every level: equal values give equal text, whatever the key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (!isJsonObject(value)) return value;
  const sorted: JsonObject = {};
  for (const key of Object.keys(value).sort()) sorted[key] = sortKeys(value[key]);
  return sorted;
}

const LONG_DIGIT_RUN = /\d{16}/;

interface RawJsonApi {
  rawJSON(text: string): unknown;
}

/** `parsed` itself, or `text` parsed again keeping oversized numbers exact when it has any (see below). */
export function exactJson(text: string, parsed: unknown): unknown {
  return LONG_DIGIT_RUN.test(text) ? parseJsonPreservingNumbers(text) : parsed;
}

/**
 * Parses JSON text keeping numbers JavaScript cannot hold exactly (a CUSTOM event `value` of 20 digits) as
 * their original digits, so the `detail` written from it loses nothing. Only text with a 16-digit run pays
 * for the reviver; other text is a plain JSON.parse. Throws like JSON.parse.
 */
export function parseJsonPreservingNumbers(text: string): unknown {
  if (!LONG_DIGIT_RUN.test(text)) return JSON.parse(text);
  const json = JSON as unknown as RawJsonApi & JSON;
  return JSON.parse(text, (_key, value: unknown, context?: { source?: string }) => {
    if (typeof value === 'number' && context?.source !== undefined && !isExactNumber(value, context.source))
      return json.rawJSON(context.source);
    return value;
  });
}

function isExactNumber(value: number, source: string): boolean {
  return String(value) === source || (Number.isSafeInteger(value) && !/[.eE]/.test(source));
}

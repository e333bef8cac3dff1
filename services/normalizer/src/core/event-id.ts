import { v5 as uuidv5 } from 'uuid';
import { canonicalJson } from './json-value.js';

/** The UUIDv5 namespace of pushstream-derived event ids (a fixed random UUID; never change it). */
export const EVENT_ID_NAMESPACE = '6f1d7a2e-3c4b-4f8e-9a51-0d2c7b8e4f13';

/** A deterministic event id: the UUIDv5 of the canonical JSON of `parts`. */
export function derivedEventId(parts: readonly unknown[]): string {
  return uuidv5(canonicalJson(parts), EVENT_ID_NAMESPACE);
}

/** CM.com app keys and installation ids are GUIDs written with or without hyphens, in any case. */
export function guidForm(value: string): string {
  return value.replaceAll('-', '').toLowerCase();
}

/**
 * The id of a CM.com event, which carries none (only CM's newer documentation adds a top-level
 * `reference`, used as is): UUIDv5 of (source, app, installation, type, time, message reference or the
 * profile data). A redelivered webhook is byte for byte the same request, so it gets the same id.
 */
export function cmEventId(parts: {
  readonly appKey: string;
  readonly installationId: string;
  readonly type: string;
  readonly timeUtc: string;
  readonly reference?: string | undefined;
  readonly messageReference?: string | undefined;
  readonly custom?: unknown;
}): string {
  if (parts.reference !== undefined && parts.reference.trim() !== '') return parts.reference;
  return derivedEventId([
    'CM',
    guidForm(parts.appKey),
    guidForm(parts.installationId),
    parts.type,
    parts.timeUtc,
    parts.messageReference ?? parts.custom ?? null,
  ]);
}

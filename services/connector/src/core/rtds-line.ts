/** What one line of the RTDS stream is, as far as routing needs to know. */
export type RtdsLine =
  /** A blank keepalive line. */
  | { readonly kind: 'keepalive' }
  /** OFFSET_UPDATE: advances the checkpoint, never published. */
  | { readonly kind: 'offset-update'; readonly offset: string }
  /** An event to publish as-is. */
  | {
      readonly kind: 'event';
      readonly id: string;
      readonly type: string;
      readonly offset: string;
      /** Kafka key: `airship:<appKey>:<channel>`, or a namespaced fallback for device-less events. */
      readonly key: string;
    }
  /** Not an RTDS event (bad JSON, no offset): dead-lettered with its bytes, never dropped silently. */
  | {
      readonly kind: 'invalid';
      readonly code: 'RECORD_INVALID_JSON' | 'RECORD_SCHEMA_VIOLATION';
      readonly reason: string;
    };

type Json = Record<string, unknown>;

/**
 * Reads only `type`, `id`, `offset` and the device/user identifiers of a line — the connector publishes
 * the original bytes, so large numbers elsewhere in the event (custom event values) are never touched.
 * Key fallbacks for events without a device follow rtds.md D: contact id, named user, push id.
 */
export function readRtdsLine(line: Buffer, appKey: string): RtdsLine {
  if (isBlank(line)) return { kind: 'keepalive' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(line.toString('utf8'));
  } catch (error) {
    return {
      kind: 'invalid',
      code: 'RECORD_INVALID_JSON',
      reason: `not JSON: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
    return { kind: 'invalid', code: 'RECORD_SCHEMA_VIOLATION', reason: 'not a JSON object' };
  const event = parsed as Json;
  const offset = text(event.offset);
  if (offset === undefined)
    return { kind: 'invalid', code: 'RECORD_SCHEMA_VIOLATION', reason: 'no string offset' };
  const type = text(event.type) ?? '';
  if (type === 'OFFSET_UPDATE') return { kind: 'offset-update', offset };
  const id = text(event.id);
  if (id === undefined)
    return {
      kind: 'invalid',
      code: 'RECORD_SCHEMA_VIOLATION',
      reason: `${type || 'event'} at offset ${offset} has no id`,
    };
  return {
    kind: 'event',
    id,
    type,
    offset,
    key: deviceKey(event, appKey) ?? `airship:${appKey}:event:${id}`,
  };
}

function deviceKey(event: Json, appKey: string): string | undefined {
  const device = object(event.device);
  const channel = text(device?.channel);
  if (channel !== undefined) return `airship:${appKey}:${channel}`;
  const user = object(event.user);
  const contact = text(user?.contact_id);
  if (contact !== undefined) return `airship:${appKey}:contact:${contact}`;
  const namedUser = text(user?.named_user_id) ?? text(device?.named_user_id) ?? text(device?.named_user);
  if (namedUser !== undefined) return `airship:${appKey}:named-user:${namedUser}`;
  const pushId = text(object(event.body)?.push_id);
  if (pushId !== undefined) return `airship:${appKey}:push:${pushId}`;
  return undefined;
}

function isBlank(line: Buffer): boolean {
  for (const byte of line) if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0d) return false;
  return true;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

function object(value: unknown): Json | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined;
}

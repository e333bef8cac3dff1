/** What the simulator reads from an event line to route it: filters, subsets, offsets. */
export interface EventFields {
  readonly type: string | undefined;
  readonly id: string | undefined;
  readonly offset: string | undefined;
  /** `device.device_type`, lower-cased like the `device_types` filter values. */
  readonly deviceType: string | undefined;
  /** `device.channel` and the legacy `ios_channel` / `android_channel` / `amazon_channel`. */
  readonly channels: readonly string[];
  /** `device.named_user_id`, or `device.named_user` as email compliance events spell it. */
  readonly deviceNamedUser: string | undefined;
  readonly contactId: string | undefined;
  readonly userNamedUser: string | undefined;
  /** Push ids of the body and of its `triggering_push`. */
  readonly pushIds: readonly string[];
  readonly groupIds: readonly string[];
  /** `occurred` in epoch ms, if it parses. */
  readonly occurredMs: number | undefined;
  /** The key PARTITION and SAMPLE subsets hash: the device, else the push, else the event. */
  readonly subsetKey: string;
}

/** Reads the routing fields of one NDJSON event line; throws a SyntaxError unless it is a JSON object. */
export function readEventFields(line: string): EventFields {
  const event = asRecord(JSON.parse(line) as unknown);
  if (event === undefined) throw new SyntaxError('an RTDS event line must be a JSON object');
  const device = asRecord(event.device);
  const user = asRecord(event.user);
  const body = asRecord(event.body);
  const triggering = asRecord(body?.triggering_push);
  const channels = ['channel', 'ios_channel', 'android_channel', 'amazon_channel']
    .map((key) => text(device?.[key]))
    .filter((value): value is string => value !== undefined);
  const pushIds = [text(body?.push_id), text(triggering?.push_id)].filter(isText);
  const groupIds = [text(body?.group_id), text(triggering?.group_id)].filter(isText);
  const occurred = text(event.occurred);
  const occurredMs = occurred === undefined ? Number.NaN : Date.parse(occurred);
  const id = text(event.id);
  return {
    type: text(event.type),
    id,
    offset: text(event.offset),
    deviceType: text(device?.device_type)?.toLowerCase(),
    channels,
    deviceNamedUser: text(device?.named_user_id) ?? text(device?.named_user),
    contactId: text(user?.contact_id),
    userNamedUser: text(user?.named_user_id),
    pushIds,
    groupIds,
    occurredMs: Number.isNaN(occurredMs) ? undefined : occurredMs,
    subsetKey: channels[0] ?? pushIds[0] ?? id ?? line,
  };
}

/** The value as a plain object, or undefined. */
export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function isText(value: string | undefined): value is string {
  return value !== undefined;
}

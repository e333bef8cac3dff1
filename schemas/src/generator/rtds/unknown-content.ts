import type { Prng } from '../prng.js';
import { randomUuid } from '../random-ids.js';
import type { TailParts } from './rtds-draft.js';

/** Event types Airship does not document (yet): consumers must carry them through untouched. */
export const UNKNOWN_RTDS_TYPES = [
  'LIVE_ACTIVITY_UPDATE',
  'NOTIFICATION_PERMISSION_CHANGE',
  'WALLET_PASS_INSTALL',
  'IN_APP_COUNTDOWN_VIEW',
  'FEATURE_FLAG_EXPOSURE',
] as const;

interface UnknownField {
  readonly where: 'top' | 'body' | 'device';
  readonly key: string;
  readonly value: (rng: Prng) => unknown;
}

/** Field names no RTDS schema uses, in the places Airship adds fields. */
const UNKNOWN_FIELDS: readonly UnknownField[] = [
  { where: 'top', key: 'ingest_region', value: (rng) => rng.pick(['us-east-1', 'eu-west-1']) },
  { where: 'top', key: 'schema_revision', value: (rng) => rng.int(2, 9) },
  {
    where: 'body',
    key: 'delivery_surface',
    value: (rng) => rng.pick(['lock_screen', 'banner', 'notification_center']),
  },
  { where: 'body', key: 'relevance_score', value: (rng) => Math.round(rng.float() * 1000) / 1000 },
  {
    where: 'body',
    key: 'experiment_buckets',
    value: (rng) => [
      { id: `exp-${rng.int(1, 40)}`, bucket: rng.pick(['a', 'b', 'control']), sticky: rng.chance(0.5) },
    ],
  },
  {
    where: 'device',
    key: 'sdk_features',
    value: (rng) => ({ live_activities: rng.chance(0.5), max_payload: 4096 }),
  },
];

/** Adds one or two undocumented fields to an event; returns the new parts and the paths added. */
export function withUnknownFields(
  rng: Prng,
  parts: TailParts,
): { parts: TailParts; fields: readonly string[] } {
  const usable = UNKNOWN_FIELDS.filter(
    (field) =>
      field.where === 'top' ||
      (field.where === 'body' && parts.body !== undefined) ||
      (field.where === 'device' && parts.device !== undefined),
  );
  const chosen = new Set<UnknownField>([rng.pick(usable)]);
  if (rng.chance(0.3)) chosen.add(rng.pick(usable));
  let result: TailParts = parts;
  const fields: string[] = [];
  for (const field of chosen) {
    const value = field.value(rng);
    if (field.where === 'top') {
      result = { ...result, extras: { ...result.extras, [field.key]: value } };
      fields.push(field.key);
    } else if (field.where === 'body') {
      result = { ...result, body: { ...result.body, [field.key]: value } };
      fields.push(`body.${field.key}`);
    } else if (result.device !== undefined) {
      result = {
        ...result,
        device: `${result.device.slice(0, -1)},${JSON.stringify(field.key)}:${JSON.stringify(value)}}`,
      };
      fields.push(`device.${field.key}`);
    }
  }
  return { parts: result, fields };
}

/** The parts of an event of an undocumented type for a device (or for none). */
export function unknownTypeParts(rng: Prng, device: string | undefined, user: string | undefined): TailParts {
  const type = rng.pick(UNKNOWN_RTDS_TYPES);
  return {
    type,
    device,
    user,
    body: {
      activity_id: randomUuid(rng),
      state: rng.pick(['started', 'updated', 'ended']),
      payload: { score: rng.int(0, 100), flags: ['beta', rng.pick(['x', 'y'])], ratio: 0.25, note: null },
    },
    extras: { schema_revision: rng.int(2, 9) },
  };
}

import { z } from 'zod';

/** A documented enumeration that stays open: the known values are typed, newer values still parse. */
export type OpenEnum<Known extends string> = Known | (string & Record<never, never>);

/**
 * A string field whose documented values are `known`. Sources add values without notice (the Airship spec's
 * own examples use `interaction_type: "url"` and `source: "api"`), so an unknown value is not a violation.
 */
export function openEnum<const Known extends string>(known: readonly Known[]) {
  return z
    .string()
    .describe(`documented values: ${known.join(', ')}`)
    .transform((value): OpenEnum<Known> => value);
}

/** A boolean that may arrive as `"true"`/`"false"`; the output is always a boolean. */
export const lenientBoolean = z.preprocess((value) => {
  if (typeof value !== 'string') return value;
  const text = value.trim().toLowerCase();
  if (text === 'true') return true;
  if (text === 'false') return false;
  return value;
}, z.boolean());

/** A string that may arrive as a JSON number or boolean (`"sender": 15551234567`); the output is a string. */
export const lenientString = z.preprocess(
  (value) =>
    (typeof value === 'number' && Number.isFinite(value)) || typeof value === 'boolean'
      ? String(value)
      : value,
  z.string(),
);

const NUMERIC_TEXT = /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/;

/** A number that may arrive as a numeric string (`"bounce_class": "10"`); the output is a number. */
export const lenientNumber = z.preprocess(
  (value) => (typeof value === 'string' && NUMERIC_TEXT.test(value.trim()) ? Number(value) : value),
  z.number(),
);

/** A non-empty string identifier. */
export const nonEmptyString = z.string().min(1);

/** An ISO-8601 date-time; fractional digits vary and an offset or a missing zone is tolerated. */
export const isoDateTime = z.iso.datetime({ offset: true, local: true });

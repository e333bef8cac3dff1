import { z } from 'zod';

/**
 * A schema that picks the schema to apply from the input itself — a discriminated union whose discriminator
 * may be nested or missing and whose last resort is a fallback schema. Only the chosen schema's issues are
 * reported, so an error names the field that broke, not every alternative that did not match.
 */
export function dispatchSchema<Out>(choose: (value: unknown) => z.ZodType<Out>) {
  return z.unknown().transform((value, ctx): Out => {
    const result = choose(value).safeParse(value);
    if (result.success) return result.data;
    for (const issue of result.error.issues) ctx.addIssue({ ...issue });
    return z.NEVER;
  });
}

/** The value of `key` when `value` is a JSON object, else `undefined`. */
export function fieldOf(value: unknown, key: string): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  return Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined;
}

import { z } from 'zod';
import { dispatchSchema } from './dispatch-schema.js';

/**
 * A list the spec declares as an object although its examples send an array (`forms`, `viewed_pages`,
 * `responses`); both forms are accepted, a single object is kept as it came.
 */
export function objectOrList<Item>(item: z.ZodType<Item>) {
  const list = z.array(item);
  return dispatchSchema<Item | Item[]>((value) => (Array.isArray(value) ? list : item));
}

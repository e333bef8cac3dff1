import { z } from 'zod';

/**
 * zod building blocks for environment variables, which are always strings: they coerce and explain
 * what a valid value looks like.
 */

/** A boolean written as true/false/1/0/yes/no (any case). */
export const envBoolean = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.enum(['true', 'false', '1', '0', 'yes', 'no'], { error: 'expected true or false' }))
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

/** A positive integer number of something (ms, bytes, count). */
export const envPositiveInt = z.coerce
  .number({ error: 'expected a whole number' })
  .int('expected a whole number')
  .positive('expected a number greater than 0');

/** A TCP port; 0 asks the OS for a free one. */
export const envPort = z.coerce
  .number({ error: 'expected a port number' })
  .int('expected a port number')
  .min(0, 'expected a port between 0 and 65535')
  .max(65535, 'expected a port between 0 and 65535');

/** A comma-separated list of host:port pairs. */
export const envHostPortList = z
  .string()
  .trim()
  .min(1, 'expected host:port[,host:port…]')
  .transform((value) =>
    value
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry.length > 0),
  )
  .pipe(
    z
      .array(z.string().regex(/^[^\s:/]+:\d{1,5}$/, 'expected host:port[,host:port…]'))
      .min(1, 'expected at least one host:port'),
  );

/** An http(s) URL. */
export const envUrl = z.url({ protocol: /^https?$/, error: 'expected an http:// or https:// URL' });

/** A non-empty string. */
export const envString = z.string().trim().min(1, 'must not be empty');

import type { Prng } from '../prng.js';

/** Placeholder for an oversized number in a body; replaced by the digits once the JSON text exists. */
export const BIG_VALUE_MARK = '__pushstream_big_value__';

/** Digits of a money amount far beyond 2^53, with the six decimals Airship keeps. */
export function bigCustomValue(rng: Prng): string {
  let digits = String(rng.int(1, 9));
  const length = rng.int(17, 30);
  while (digits.length < length) digits += String(rng.int(0, 9));
  let decimals = '';
  for (let index = 0; index < 6; index++) decimals += String(rng.int(0, 9));
  return `${digits}.${decimals}`;
}

/**
 * Writes `digits` where the placeholder is: JSON.stringify can only write numbers a double holds, and the
 * point is a value that loses precision when a consumer parses it.
 */
export function insertBigValue(json: string, digits: string): string {
  return json.replace(`"${BIG_VALUE_MARK}"`, digits);
}

import type { Prng } from './prng.js';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const BASE64URL = `${BASE62}-_`;

/** A random UUID in version-4 layout (`xxxxxxxx-xxxx-4xxx-[89ab]xxx-xxxxxxxxxxxx`). */
export function randomUuid(rng: Prng): string {
  const hex = rng.hex(32);
  const variant = '89ab'.charAt(rng.int(0, 3));
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * An Airship-style event id whose first 48 bits are the event time in hex milliseconds
 * (`00000169-4a14-67b2-…` decodes to its `occurred`), the third id format the spec's examples use.
 */
export function timePrefixedId(rng: Prng, timeMs: number): string {
  const time = Math.max(0, Math.floor(timeMs)).toString(16).padStart(12, '0').slice(-12);
  const hex = rng.hex(20);
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-${hex.slice(0, 4)}-${hex.slice(4, 8)}-${hex.slice(8, 20)}`;
}

/** A UUID in version-1 layout (time-based, like `51dd7c1c-5621-11e9-9601-0242539d70ef`). */
export function timeBasedUuid(rng: Prng, timeMs: number): string {
  // 100 ns intervals since 1582-10-15, as version-1 UUIDs count them.
  const ticks = BigInt(Math.floor(timeMs)) * 10_000n + 0x01b21dd213814000n + BigInt(rng.int(0, 9999));
  const hex = ticks.toString(16).padStart(15, '0').slice(-15);
  const low = hex.slice(7, 15);
  const mid = hex.slice(3, 7);
  const high = hex.slice(0, 3);
  const clock = (0x8000 | rng.int(0, 0x3fff)).toString(16);
  return `${low}-${mid}-1${high}-${clock}-${rng.hex(12)}`;
}

/** The ids RTDS events carry: mostly UUIDv4, some time-prefixed, some UUIDv1 (all three appear in the spec). */
export function rtdsEventId(rng: Prng, timeMs: number): string {
  const roll = rng.float();
  if (roll < 0.7) return randomUuid(rng);
  if (roll < 0.9) return timePrefixedId(rng, timeMs);
  return timeBasedUuid(rng, timeMs);
}

/** A GUID written without hyphens, as CM.com sends installation ids and app keys. */
export function hyphenlessGuid(rng: Prng): string {
  return rng.hex(32);
}

/** `length` random base62 characters (Airship app keys look like this). */
export function base62(rng: Prng, length: number): string {
  let text = '';
  for (let index = 0; index < length; index++) text += BASE62.charAt(rng.int(0, 61));
  return text;
}

/** `length` random base64url characters. */
export function base64url(rng: Prng, length: number): string {
  let text = '';
  for (let index = 0; index < length; index++) text += BASE64URL.charAt(rng.int(0, 63));
  return text;
}

/** An FCM registration token: `<instance id>:APA91b<payload>`. */
export function fcmToken(rng: Prng): string {
  return `${base64url(rng, 22)}:APA91b${base64url(rng, 134)}`;
}

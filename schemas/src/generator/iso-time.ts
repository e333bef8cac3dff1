/** Milliseconds since the epoch as ISO-8601 UTC with milliseconds (`2024-06-01T08:15:02.123Z`). */
export function isoTime(ms: number): string {
  return new Date(ms).toISOString();
}

/** Milliseconds as CM.com writes `timeUtc`: `yyyy-MM-ddTHH:mm:ss`, UTC, no zone, no fraction. */
export function cmTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19);
}

/** A time option as epoch milliseconds; a string must be an ISO-8601 date-time. */
export function toEpochMs(time: string | number | Date): number {
  const ms = typeof time === 'number' ? time : typeof time === 'string' ? Date.parse(time) : time.getTime();
  if (!Number.isFinite(ms)) throw new RangeError(`not a time: ${String(time)}`);
  return ms;
}

/** One second in milliseconds. */
export const SECOND = 1000;
/** One minute in milliseconds. */
export const MINUTE = 60 * SECOND;
/** One hour in milliseconds. */
export const HOUR = 60 * MINUTE;
/** One day in milliseconds. */
export const DAY = 24 * HOUR;

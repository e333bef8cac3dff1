const ZONE = /(Z|[+-]\d{2}:?\d{2})$/i;
const FRACTION = /\.(\d+)/;

/**
 * Milliseconds since the epoch of an ISO-8601 date-time that sources write loosely: any number of fraction
 * digits (`…21.12Z`, `…45.106123Z`), and no zone at all (CM's `timeUtc`, which is UTC by contract). Undefined
 * when the text is not a date-time.
 */
export function parseUtcMs(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  let iso = text.trim();
  iso = iso.replace(FRACTION, (_match, digits: string) => `.${digits.slice(0, 3).padEnd(3, '0')}`);
  if (!ZONE.test(iso)) iso = `${iso}Z`;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? undefined : ms;
}

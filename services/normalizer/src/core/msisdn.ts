import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

/** How a source writes phone numbers. */
export type MsisdnStyle =
  /** Airship: international digits without `+` (`15558968663`). */
  | 'international-digits'
  /** CM.com, Segment traits: `00` international prefix, `+…`, or a national number of the default region. */
  | 'dialled';

/**
 * A phone number in E.164 (`+31612345678`), or null when the text is empty or not a possible number.
 * `00` is read as the international prefix (CM sends `0031…`); other numbers without `+` are national
 * numbers of `defaultRegion`, unless the source writes international digits.
 */
export function toE164(
  raw: string | null | undefined,
  defaultRegion: CountryCode,
  style: MsisdnStyle = 'dialled',
): string | null {
  if (raw === null || raw === undefined) return null;
  const compact = raw.replace(/[\s().-]/g, '');
  if (compact === '') return null;
  let text = compact;
  if (text.startsWith('00')) text = `+${text.slice(2)}`;
  else if (style === 'international-digits' && !text.startsWith('+')) text = `+${text}`;
  const number = text.startsWith('+')
    ? parsePhoneNumberFromString(text)
    : parsePhoneNumberFromString(text, defaultRegion);
  return number?.isPossible() === true ? number.number : null;
}

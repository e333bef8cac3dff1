/**
 * An external id Infobip can take: trimmed, not empty, at most 256 characters, and never a spelling of
 * "null" (Infobip reads "null", "Null", "NULL" as JSON null, seed:004).
 */
export function usableExternalId(value: string | null | undefined): string | undefined {
  const text = value?.trim();
  if (text === undefined || text === '' || text.length > 256) return undefined;
  if (text.toLowerCase() === 'null' || text.toLowerCase() === 'undefined') return undefined;
  return text;
}

/** E.164 as Infobip writes it: the digits without '+', 8 to 15 of them (undefined otherwise). */
export function infobipPhoneNumber(msisdn: string | null | undefined): string | undefined {
  if (msisdn === null || msisdn === undefined) return undefined;
  const text = msisdn.trim();
  if (!/^\+?\d{8,15}$/.test(text)) return undefined;
  return text.replace(/^\+/, '');
}

/** E.164 with '+' (Segment/Intilery `phone` trait); undefined when the value is not a number. */
export function e164(msisdn: string | null | undefined): string | undefined {
  const digits = infobipPhoneNumber(msisdn);
  return digits === undefined ? undefined : `+${digits}`;
}

/** A plausible email address (trimmed, at most 255 characters); undefined otherwise. */
export function usableEmail(value: string | null | undefined): string | undefined {
  const text = value?.trim();
  if (text === undefined || text.length > 255 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text)) return undefined;
  return text;
}

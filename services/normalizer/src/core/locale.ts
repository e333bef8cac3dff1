/** A locale split into its parts; null parts were not in it. */
export interface LocaleParts {
  /** BCP 47 tag, e.g. `nl-NL`. */
  readonly locale: string | null;
  /** ISO 639 language, lower case. */
  readonly language: string | null;
  /** ISO 3166-1 alpha-2 region (or UN M.49 digits), upper case. */
  readonly country: string | null;
}

const NONE: LocaleParts = { locale: null, language: null, country: null };

/**
 * Splits a locale tag as sources write it (`en-US`, `en_US`, `nl`, `zh-Hant-TW`) into language and
 * country; an unparseable tag gives nulls rather than a guess.
 */
export function splitLocale(tag: string | undefined): LocaleParts {
  if (tag === undefined || tag.trim() === '') return NONE;
  try {
    const locale = new Intl.Locale(tag.trim().replaceAll('_', '-'));
    return {
      locale: locale.baseName,
      language: locale.language === 'und' ? null : locale.language,
      country: locale.region ?? null,
    };
  } catch {
    return NONE;
  }
}

/** A locale from separate language and country codes (Airship `locale_language_code` / `locale_country_code`). */
export function joinLocale(language: string | undefined, country: string | undefined): LocaleParts {
  const lang = language?.trim() ?? '';
  const region = country?.trim() ?? '';
  if (lang === '' && region === '') return NONE;
  if (lang === '') return { locale: null, language: null, country: region.toUpperCase() };
  const parts = splitLocale(region === '' ? lang : `${lang}-${region}`);
  return parts.locale === null ? { locale: null, language: lang.toLowerCase(), country: null } : parts;
}

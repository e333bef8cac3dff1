import { describe, expect, it } from 'vitest';
import { parseUtcMs } from '../src/core/event-time.js';
import { joinLocale, splitLocale } from '../src/core/locale.js';
import { toE164 } from '../src/core/msisdn.js';
import { normalizeOsName, normalizePlatform } from '../src/core/platform.js';
import { toBoolean } from '../src/core/stringly.js';

describe('platform and OS names', () => {
  it.each([
    ['iOs', 'IOS'],
    ['ios', 'IOS'],
    ['IOS', 'IOS'],
    ['iPadOS', 'IOS'],
    ['Android', 'ANDROID'],
    ['ANDROID', 'ANDROID'],
    ['amazon', 'AMAZON'],
    ['Fire OS', 'AMAZON'],
    ['WEB', 'WEB'],
    ['EMAIL', 'EMAIL'],
    ['sms', 'SMS'],
    ['OPEN', 'OPEN'],
    ['Web', 'WEB'],
    ['blackberry', 'UNKNOWN'],
    [undefined, 'UNKNOWN'],
  ])('%s → %s', (value, platform) => {
    expect(normalizePlatform(value)).toBe(platform);
  });

  it.each([
    ['iOs', 'iOS'],
    ['IOS', 'iOS'],
    ['iPadOS', 'iPadOS'],
    ['android', 'Android'],
    ['Mac OS X', 'macOS'],
    ['  Tizen ', 'Tizen'],
    ['', null],
  ])('OS %j → %j', (value, os) => {
    expect(normalizeOsName(value)).toBe(os);
  });
});

describe('locales', () => {
  it.each([
    ['en-US', { locale: 'en-US', language: 'en', country: 'US' }],
    ['en_us', { locale: 'en-US', language: 'en', country: 'US' }],
    ['nl', { locale: 'nl', language: 'nl', country: null }],
    ['zh-Hant-TW', { locale: 'zh-Hant-TW', language: 'zh', country: 'TW' }],
    ['es-419', { locale: 'es-419', language: 'es', country: '419' }],
    ['not a locale!', { locale: null, language: null, country: null }],
    ['', { locale: null, language: null, country: null }],
  ])('%j splits into %j', (tag, parts) => {
    expect(splitLocale(tag)).toEqual(parts);
  });

  it('joins Airship language and country codes', () => {
    expect(joinLocale('en', 'US')).toEqual({ locale: 'en-US', language: 'en', country: 'US' });
    expect(joinLocale('nl', '')).toEqual({ locale: 'nl', language: 'nl', country: null });
    expect(joinLocale('', 'gb')).toEqual({ locale: null, language: null, country: 'GB' });
    expect(joinLocale(undefined, undefined)).toEqual({ locale: null, language: null, country: null });
  });
});

describe('msisdn to E.164', () => {
  it.each([
    ['0031612345678', 'NL', 'dialled', '+31612345678'],
    ['+31 6 12345678', 'NL', 'dialled', '+31612345678'],
    ['0612345678', 'NL', 'dialled', '+31612345678'],
    ['06-1234 5678', 'NL', 'dialled', '+31612345678'],
    ['0044 7911 123456', 'NL', 'dialled', '+447911123456'],
    ['07911 123456', 'GB', 'dialled', '+447911123456'],
    ['15558968663', 'NL', 'international-digits', '+15558968663'],
    ['31612345678', 'US', 'international-digits', '+31612345678'],
    ['', 'NL', 'dialled', null],
    ['12', 'NL', 'dialled', null],
    ['not a number', 'NL', 'dialled', null],
  ] as const)('%j (region %s, %s) → %j', (raw, region, style, e164) => {
    expect(toE164(raw, region, style)).toBe(e164);
  });

  it('gives null for null and undefined', () => {
    expect(toE164(null, 'NL')).toBeNull();
    expect(toE164(undefined, 'NL')).toBeNull();
  });
});

describe('stringly booleans', () => {
  it.each([
    ['true', true],
    ['TRUE', true],
    [' false ', false],
    ['1', true],
    ['0', false],
    ['yes', true],
    ['no', false],
    [true, true],
    [false, false],
    [1, true],
    [0, false],
    ['maybe', null],
    ['', null],
    [null, null],
    [undefined, null],
    [2, null],
  ])('%j → %j', (value, expected) => {
    expect(toBoolean(value)).toBe(expected);
  });
});

describe('event times', () => {
  it.each([
    ['2019-03-04T19:00:45.106Z', Date.UTC(2019, 2, 4, 19, 0, 45, 106)],
    ['2019-03-29T21:42:21.12Z', Date.UTC(2019, 2, 29, 21, 42, 21, 120)],
    ['2019-03-29T21:42:21.123456Z', Date.UTC(2019, 2, 29, 21, 42, 21, 123)],
    ['2022-06-01T17:08:45', Date.UTC(2022, 5, 1, 17, 8, 45)],
    ['2022-06-01T19:08:45+02:00', Date.UTC(2022, 5, 1, 17, 8, 45)],
    ['yesterday', undefined],
    [undefined, undefined],
  ])('%j → %j (zone-less times are UTC)', (text, ms) => {
    expect(parseUtcMs(text)).toBe(ms);
  });
});

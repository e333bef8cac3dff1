import { describe, expect, it } from 'vitest';
import { comparableText, matchesFilter, parseCondition, valueAtPath } from '../src/core/record-filter.js';

const record = {
  key: 'cm:app:1',
  timestampMs: 1000,
  value: {
    kind: 'OPENED',
    platform: 'IOS',
    version: 3,
    pushOptIn: true,
    profile: { os: 'iOS', osVersion: null },
  },
};

describe('tail filters', () => {
  it('parses = and != conditions with dotted paths', () => {
    expect(parseCondition('kind=OPENED')).toEqual({ path: ['kind'], op: '=', expected: 'OPENED' });
    expect(parseCondition('profile.os!=Android')).toEqual({
      path: ['profile', 'os'],
      op: '!=',
      expected: 'Android',
    });
    expect(parseCondition('detail=a=b')).toEqual({ path: ['detail'], op: '=', expected: 'a=b' });
    expect(parseCondition('note=')).toEqual({ path: ['note'], op: '=', expected: '' });
    expect(() => parseCondition('kind')).toThrow('--where expects <field>=<value>');
    expect(() => parseCondition('=x')).toThrow('--where expects');
    expect(() => parseCondition('a..b=x')).toThrow('--where expects');
  });

  it('finds values at paths and compares them as text', () => {
    expect(valueAtPath(record.value, ['profile', 'os'])).toBe('iOS');
    expect(valueAtPath(record.value, ['profile', 'missing'])).toBeUndefined();
    expect(valueAtPath(record.value, ['kind', 'deeper'])).toBeUndefined();
    expect(comparableText(3)).toBe('3');
    expect(comparableText(true)).toBe('true');
    expect(comparableText(null)).toBe('null');
    expect(comparableText({ a: 1 })).toBe('{"a":1}');
    expect(comparableText(undefined)).toBeUndefined();
  });

  it('requires every filter to hold', () => {
    const where = (text: string) => ({ where: [parseCondition(text)] });
    expect(matchesFilter(record, where('kind=OPENED'))).toBe(true);
    expect(matchesFilter(record, where('kind=CLOSED'))).toBe(false);
    expect(matchesFilter(record, where('version=3'))).toBe(true);
    expect(matchesFilter(record, where('pushOptIn=true'))).toBe(true);
    expect(matchesFilter(record, where('profile.osVersion=null'))).toBe(true);
    expect(matchesFilter(record, where('platform!=IOS'))).toBe(false);
    expect(matchesFilter(record, where('missing!=x'))).toBe(true);
    expect(matchesFilter(record, where('missing=x'))).toBe(false);
    expect(matchesFilter(record, { key: 'cm:app:1', where: [] })).toBe(true);
    expect(matchesFilter(record, { key: 'cm:app:2', where: [] })).toBe(false);
    expect(matchesFilter(record, { sinceMs: 1000, where: [] })).toBe(true);
    expect(matchesFilter(record, { sinceMs: 1001, where: [] })).toBe(false);
    expect(
      matchesFilter(record, {
        key: 'cm:app:1',
        sinceMs: 0,
        where: [parseCondition('kind=OPENED'), parseCondition('platform=WEB')],
      }),
    ).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import {
  parseChoice,
  parseCount,
  parseGroupOverrides,
  parseOffset,
  parseSince,
} from '../src/core/parse-args.js';
import { UsageError } from '../src/core/usage-error.js';

const NOW = Date.parse('2026-11-22T12:00:00Z');

describe('argument parsing', () => {
  it('reads counts and refuses what is not a whole number at least the minimum', () => {
    expect(parseCount('25', '--limit')).toBe(25);
    expect(parseCount('0', '--events', 0)).toBe(0);
    expect(() => parseCount('0', '--limit')).toThrow('--limit must be at least 1, got "0"');
    expect(() => parseCount('ten', '--limit')).toThrow('--limit must be a whole number, got "ten"');
    expect(() => parseCount('1.5', '--limit')).toThrow(UsageError);
  });

  it('keeps offsets as exact decimal strings, 64-bit included', () => {
    expect(parseOffset('9007199254740993', 'offset')).toBe('9007199254740993');
    expect(parseOffset('007', 'offset')).toBe('7');
    expect(() => parseOffset('-1', 'offset')).toThrow('offset must be a non-negative whole number, got "-1"');
    expect(() => parseOffset('9223372036854775808', 'offset')).toThrow(UsageError);
  });

  it('reads --since as a duration back from now or as an ISO time', () => {
    expect(parseSince('15m', NOW)).toBe(NOW - 15 * 60_000);
    expect(parseSince('2h', NOW)).toBe(NOW - 2 * 3_600_000);
    expect(parseSince('7d', NOW)).toBe(NOW - 7 * 86_400_000);
    expect(parseSince('1w', NOW)).toBe(NOW - 604_800_000);
    expect(parseSince('30s', NOW)).toBe(NOW - 30_000);
    expect(parseSince('2026-11-20T10:00:00Z', NOW)).toBe(Date.parse('2026-11-20T10:00:00Z'));
    expect(parseSince('2026-11-20', NOW)).toBe(Date.parse('2026-11-20'));
    expect(() => parseSince('yesterday', NOW)).toThrow(
      /--since must be an ISO date\/time .* got "yesterday"/,
    );
    expect(() => parseSince('5y', NOW)).toThrow(UsageError);
  });

  it('accepts only listed choices and names them in the error', () => {
    expect(parseChoice('sink', ['normalizer', 'sink'] as const, 'service')).toBe('sink');
    expect(() => parseChoice('sinc', ['normalizer', 'sink'] as const, 'service')).toThrow(
      'unknown service "sinc": expected one of normalizer, sink',
    );
  });

  it('reads --group stage=group pairs', () => {
    expect(parseGroupOverrides(['sink=my.sink', 'normalizer = n1'], ['sink', 'normalizer'])).toEqual(
      new Map([
        ['sink', 'my.sink'],
        ['normalizer', 'n1'],
      ]),
    );
    expect(() => parseGroupOverrides(['sink'], ['sink'])).toThrow(
      '--group expects <stage>=<group id>, got "sink"',
    );
    expect(() => parseGroupOverrides(['sink='], ['sink'])).toThrow(UsageError);
    expect(() => parseGroupOverrides(['nope=x'], ['sink'])).toThrow('unknown stage in --group "nope"');
  });
});

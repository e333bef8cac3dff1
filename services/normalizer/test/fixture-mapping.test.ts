import { describe, expect, it } from 'vitest';
import { CM_FIXTURES, RTDS_FIXTURES, SEGMENT_FIXTURES, type RawFixture } from '@pushstream/schemas';
import { normalizeRecord } from '../src/core/normalize.js';
import type { RawSource } from '../src/core/raw-input.js';
import { TEST_CONTEXT, rawInput } from './support/context.js';
import { CM_EXPECTED, RTDS_EXPECTED, TRACK_EXPECTED } from './support/fixture-expectations.js';

const KEYS: Record<RawSource, string> = {
  'airship-rtds': 'airship:APP:device',
  'airship-compliance': 'airship:APP:device',
  'cm-push': 'cm:APP:device',
  track: 'track:WK:device',
};

function outcome(source: RawSource, fixture: RawFixture): string {
  const result = normalizeRecord(
    rawInput(source, fixture.text, { key: KEYS[source], headers: { sourceId: 'APP' } }),
    TEST_CONTEXT,
  );
  if (result.kind === 'event') return `${result.event.kind} ${result.event.platform}`;
  return result.kind === 'reject' ? `REJECT ${result.code}` : 'SKIP';
}

const TABLES = [
  ['airship-rtds', RTDS_FIXTURES, RTDS_EXPECTED],
  ['cm-push', CM_FIXTURES, CM_EXPECTED],
  ['track', SEGMENT_FIXTURES, TRACK_EXPECTED],
] as const;

describe.each(TABLES)('every %s fixture of the seeds and references', (source, fixtures, expected) => {
  it('has an expectation, and nothing else does', () => {
    expect(Object.keys(expected).sort()).toEqual(fixtures.map((fixture) => fixture.name).sort());
  });

  it.each(fixtures.map((fixture) => [fixture.name, fixture] as const))('%s', (name, fixture) => {
    expect(outcome(source, fixture)).toBe(expected[name]);
  });

  it('rejects exactly the fixtures the schemas reject, with their code', () => {
    for (const fixture of fixtures) {
      if (!fixture.expected.ok) expect(outcome(source, fixture)).toBe(`REJECT ${fixture.expected.code}`);
      else expect(outcome(source, fixture)).not.toMatch(/^REJECT/);
    }
  });
});

describe('the compliance stream', () => {
  it('maps its COMPLIANCE lines like the event stream does', () => {
    for (const fixture of RTDS_FIXTURES.filter((item) => item.name.startsWith('COMPLIANCE'))) {
      expect(outcome('airship-compliance', fixture)).toBe(RTDS_EXPECTED[fixture.name]);
    }
  });
});

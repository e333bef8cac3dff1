import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CM_FIXTURES,
  RTDS_FIXTURES,
  SEGMENT_BATCH_FIXTURES,
  SEGMENT_FIXTURES,
} from '../../src/fixtures/index.js';
import { parseCmRequest } from '../../src/raw/cm/parse-cm.js';
import type { ParseFailure, ParseResult } from '../../src/raw/parse-result.js';
import { parseRtdsLine } from '../../src/raw/rtds/parse-rtds-line.js';
import { parseSegmentRequest } from '../../src/raw/segment/parse-segment.js';
import type { SegmentBatchResult } from '../../src/raw/segment/segment-batch.js';
import { mutatedText } from './fuzz-mutations.js';

const RUNS_PER_EXAMPLE = 300;
const SEED = 20240611;

/** A failure is well formed: a known code and, for a schema violation, a message that starts with the failing path. */
function checkFailure(failure: ParseFailure): void {
  const { code, message, path } = failure.error;
  expect(['RECORD_INVALID_JSON', 'RECORD_SCHEMA_VIOLATION']).toContain(code);
  if (code === 'RECORD_SCHEMA_VIOLATION')
    expect(message.startsWith(`${path === '' ? '(root)' : path}: `), message).toBe(true);
  else expect(message).toMatch(/^invalid JSON: /);
}

function checkResult(result: ParseResult<unknown> | SegmentBatchResult): void {
  if (!result.ok) {
    checkFailure(result);
    return;
  }
  if ('items' in result) for (const item of result.items) if (!item.ok) checkFailure(item);
}

const sources = [
  { name: 'RTDS', fixtures: RTDS_FIXTURES, parse: parseRtdsLine },
  { name: 'CM.com', fixtures: CM_FIXTURES, parse: parseCmRequest },
  { name: 'Segment', fixtures: [...SEGMENT_FIXTURES, ...SEGMENT_BATCH_FIXTURES], parse: parseSegmentRequest },
] as const;

describe.each(sources)(
  'mutated $name examples parse or fail with a named field, never throw',
  ({ fixtures, parse }) => {
    it.each(fixtures.map((fixture) => [fixture.name, fixture.text] as const))('%s', (_name, text) => {
      fc.assert(
        fc.property(mutatedText(text), (mutated) => {
          checkResult(parse(mutated));
        }),
        { seed: SEED, numRuns: RUNS_PER_EXAMPLE },
      );
    });
  },
);

describe('the mutations exercise all outcomes', () => {
  it('yield valid events, schema violations and invalid JSON for a SEND line', () => {
    const send = RTDS_FIXTURES.find((fixture) => fixture.name === 'SEND — send event');
    if (send === undefined) throw new Error('no SEND fixture');
    const outcomes = new Set(
      fc.sample(mutatedText(send.text), { seed: SEED, numRuns: RUNS_PER_EXAMPLE }).map((text) => {
        const result = parseRtdsLine(text);
        return result.ok ? 'ok' : result.error.code;
      }),
    );
    expect([...outcomes].sort()).toEqual(['RECORD_INVALID_JSON', 'RECORD_SCHEMA_VIOLATION', 'ok']);
  });
});

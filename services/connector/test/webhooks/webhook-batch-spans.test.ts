import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findBatchSpans } from '../../src/core/webhook-batch-spans.js';

function itemTexts(text: string): string[] | undefined {
  const body = Buffer.from(text, 'utf8');
  return findBatchSpans(body)?.items.map((span) => body.subarray(span.start, span.end).toString('utf8'));
}

describe('batch item spans', () => {
  it('cuts each item out byte for byte: big numbers, escapes, spacing and multi-byte text survive', () => {
    const items = [
      '{"n":12345678901234567890123,"f":1.50,"e":1E+2}',
      '{ "s" : "caf\\u00e9 \\"q\\" ]}," , "ü":"😀" }',
      '[1, [2, {"batch": [9]}]]',
      '"plain"',
      '-0.0',
      'null',
    ];
    const text = `{"sentAt":"x",\n  "batch" : [ ${items.join(' ,\n ')} ] , "context":{"batch":[]}}`;
    expect(itemTexts(text)).toEqual(items);
  });

  it('gives the array span, so the envelope is the body without its items', () => {
    const text = '{"a":1,"batch":[ {"x":1}, {"y":2} ],"b":[2]}';
    const body = Buffer.from(text);
    const spans = findBatchSpans(body);
    expect(spans?.array).toEqual({ start: text.indexOf('['), end: text.indexOf(']') + 1 });
    if (spans === undefined) return;
    const envelope = Buffer.concat([
      body.subarray(0, spans.array.start + 1),
      body.subarray(spans.array.end - 1),
    ]);
    expect(envelope.toString()).toBe('{"a":1,"batch":[],"b":[2]}');
  });

  it('reads member names as JSON.parse does: escaped names, and the last duplicate wins', () => {
    expect(itemTexts('{"\\u0062atch":[1,2]}')).toEqual(['1', '2']);
    expect(itemTexts('{"batch":[1],"batch":[2,3]}')).toEqual(['2', '3']);
    expect(itemTexts('{"batch":[1],"batch":null}')).toBeUndefined();
    expect(itemTexts('{"batch":[]}')).toEqual([]);
  });

  it('finds nothing when the root is not an object with a batch array', () => {
    for (const text of [
      '[{"batch":[1]}]',
      '{"batches":[1]}',
      '{"x":{"batch":[1]}}',
      '"batch"',
      '{}',
      '',
      '{"batch":{"0":1}}',
    ]) {
      expect(itemTexts(text), text).toBeUndefined();
    }
  });

  it('never spins on text that is not JSON', () => {
    for (const text of [
      '{"batch":[}]}',
      '{"batch":[,,]}',
      '{"batch":[',
      '{"batch"',
      '{"a":]',
      '{"batch":["x]}',
    ]) {
      expect(() => itemTexts(text)).not.toThrow();
    }
  });

  it('agrees with JSON.parse on random batches in random layouts', () => {
    const space = fc.constantFrom('', ' ', '\n', '\t', '\r\n  ');
    fc.assert(
      fc.property(
        fc.array(fc.jsonValue(), { maxLength: 8 }),
        fc.array(fc.tuple(fc.string(), fc.jsonValue()), { maxLength: 3 }),
        fc.integer({ min: 0, max: 3 }),
        space,
        space,
        (items, others, indent, before, after) => {
          const rendered = items.map((item) => JSON.stringify(item, null, indent));
          const extra = others.map(
            ([name, value]) => `${JSON.stringify(name)}${before}:${after}${JSON.stringify(value)}`,
          );
          const batch = `"batch"${before}:${after}[${before}${rendered.join(`${after},${before}`)}${after}]`;
          const text = `${before}{${after}${[...extra, batch].join(`${before},${after}`)}${before}}${after}`;
          const parsed = JSON.parse(text) as { batch: unknown[] };
          const texts = itemTexts(text);
          if (others.some(([name]) => name === 'batch')) return;
          expect(texts).toEqual(rendered);
          expect(texts?.map((item) => JSON.parse(item) as unknown)).toEqual(parsed.batch);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

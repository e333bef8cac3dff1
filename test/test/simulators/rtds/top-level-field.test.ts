import { describe, expect, it } from 'vitest';
import { topLevelValueSpan, withTopLevelString } from '../../../src/simulators/rtds/top-level-field.js';

describe('top-level field rewriting of event lines', () => {
  it('finds the top-level key, not a nested one of the same name', () => {
    const line = '{"body":{"offset":"nested","list":[{"offset":1}]},"type":"X","offset":"42"}';
    const span = topLevelValueSpan(line, 'offset');
    expect(span === undefined ? undefined : line.slice(span.start, span.end)).toBe('"42"');
    expect(topLevelValueSpan('{"body":{"offset":"nested"}}', 'offset')).toBeUndefined();
  });

  it('copes with whitespace, escapes and non-string values', () => {
    const line = '{ "id" : "a\\"b}" , "value" : 12345678901234567890123 , "offset" : 7 }';
    const span = topLevelValueSpan(line, 'value');
    expect(span === undefined ? undefined : line.slice(span.start, span.end)).toBe('12345678901234567890123');
    expect(withTopLevelString(line, 'offset', '8')).toBe(
      '{ "id" : "a\\"b}" , "value" : 12345678901234567890123 , "offset" : "8" }',
    );
  });

  it('inserts a missing field first, keeping every other byte', () => {
    expect(withTopLevelString('{"type":"OPEN","n":1.50}', 'offset', '9')).toBe(
      '{"offset":"9","type":"OPEN","n":1.50}',
    );
    expect(withTopLevelString('{ }', 'offset', '9')).toBe('{"offset":"9" }');
  });
});

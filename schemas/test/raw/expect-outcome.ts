import { expect } from 'vitest';
import type { ExpectedOutcome } from '../../src/fixtures/fixture-types.js';
import type { ParseResult } from '../../src/raw/parse-result.js';
import { fieldAt } from './field-at.js';

/** Asserts a parse result against a fixture's expected outcome: type and every listed field, or code and path. */
export function expectOutcome(
  result: ParseResult<unknown>,
  expected: ExpectedOutcome,
  typeOf: (event: unknown) => unknown,
): void {
  if (!expected.ok) {
    expect(result.ok, JSON.stringify(result)).toBe(false);
    if (!result.ok)
      expect({ code: result.error.code, path: result.error.path }).toEqual({
        code: expected.code,
        path: expected.path,
      });
    return;
  }
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  expect(typeOf(result.event)).toBe(expected.type);
  for (const [path, value] of Object.entries(expected.fields)) {
    expect(fieldAt(result.event, path), path).toEqual(value);
  }
}

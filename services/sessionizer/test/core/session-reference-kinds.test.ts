import { describe, expect, it } from 'vitest';
import { APP_OPEN_KINDS, SESSION_ACTIVITY_KINDS } from '@pushstream/test-kit';
import { KIND_RULES } from '../../src/core/index.js';

/**
 * The session reference of the test kit (used by the property tests, this service's integration test and
 * the end-to-end audit) lists its activity and open kinds itself, to stay independent of the core: both
 * lists must still say what the core's kind table says.
 */
describe('the test kit session reference and the core kind table', () => {
  const kinds = Object.keys(KIND_RULES) as (keyof typeof KIND_RULES)[];

  it('agree on which kinds are session activity', () => {
    expect(kinds.filter((kind) => SESSION_ACTIVITY_KINDS.has(kind))).toEqual(
      kinds.filter((kind) => KIND_RULES[kind].sessionActivity),
    );
  });

  it('agree on which kinds open the app', () => {
    expect(kinds.filter((kind) => APP_OPEN_KINDS.has(kind))).toEqual(
      kinds.filter((kind) => KIND_RULES[kind].effect === 'open'),
    );
  });
});

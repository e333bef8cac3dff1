import { describe, expect, it } from 'vitest';
import { groupIndexesByKey } from '../src/index.js';

describe('groupIndexesByKey', () => {
  it('groups input positions by key in first-seen order, null keys together', () => {
    const keys = ['a', 'b', null, 'a', 'c', null, 'b', 'a'];
    const groups = groupIndexesByKey(keys.map((key) => ({ key: key === null ? null : Buffer.from(key) })));
    expect([...groups]).toEqual([
      ['a', [0, 3, 7]],
      ['b', [1, 6]],
      [null, [2, 5]],
      ['c', [4]],
    ]);
  });

  it('keeps binary keys apart byte for byte', () => {
    const groups = groupIndexesByKey([
      { key: Buffer.from([0xff, 0x01]) },
      { key: Buffer.from([0xfe, 0x01]) },
      { key: Buffer.from([0xff, 0x01]) },
    ]);
    expect([...groups.values()]).toEqual([[0, 2], [1]]);
  });
});

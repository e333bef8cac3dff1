import { describe, expect, it } from 'vitest';
import { clusterId } from '../../src/infra/local-kafka.js';

describe('clusterId', () => {
  it('draws ids in Kafka format that the storage tool cannot mistake for an option', () => {
    // Without the redraw, 1 in 64 ids starts with '-': 5,000 draws would all but certainly hit one.
    const ids = Array.from({ length: 5_000 }, () => clusterId());
    expect(ids.filter((id) => id.startsWith('-'))).toEqual([]);
    expect(ids.every((id) => /^[A-Za-z0-9_-]{22}$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

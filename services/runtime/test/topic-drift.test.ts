import { describe, expect, it } from 'vitest';
import { TOPOLOGY, resolveTopics } from '@pushstream/schemas';
import { topicDrift } from '../src/index.js';

const [events, state] = resolveTopics(
  TOPOLOGY.filter((topic) => topic.name === 'device-events.v1' || topic.name === 'device-state.v1'),
  { prefix: 'ps.', replicationFactor: 1 },
);
if (events === undefined || state === undefined) throw new Error('topology lacks device topics');

describe('topicDrift', () => {
  it('finds nothing when partitions and configs match', () => {
    expect(
      topicDrift(events, {
        partitions: 6,
        configs: { 'cleanup.policy': 'delete', 'retention.ms': String(30 * 86_400_000) },
      }),
    ).toEqual([]);
  });

  it('names each difference with expected and actual values', () => {
    expect(topicDrift(state, { partitions: 3, configs: { 'cleanup.policy': 'delete' } })).toEqual([
      'ps.device-state.v1: has 3 partitions, the topology declares 6 (keys would map to other partitions; fix the topic or the partition config)',
      'ps.device-state.v1: cleanup.policy is "delete", expected "compact"',
    ]);
  });

  it('reports a missing config as unset', () => {
    expect(topicDrift(events, { partitions: 6, configs: { 'cleanup.policy': 'delete' } })).toEqual([
      `ps.device-events.v1: retention.ms is unset, expected "${30 * 86_400_000}"`,
    ]);
  });

  it('compares cleanup.policy as a set', () => {
    const both = { ...state, requiredConfigs: { 'cleanup.policy': 'compact,delete' } };
    expect(topicDrift(both, { partitions: 6, configs: { 'cleanup.policy': 'delete, compact' } })).toEqual([]);
  });
});

describe('resolveTopics', () => {
  it('applies prefix, replication and partition overrides', () => {
    const [resolved] = resolveTopics(
      TOPOLOGY.filter((topic) => topic.name === 'device-events.v1'),
      {
        prefix: 'acme.',
        replicationFactor: 3,
        partitions: { 'device-events.v1': 24 },
      },
    );
    expect(resolved).toMatchObject({
      fullName: 'acme.device-events.v1',
      partitions: 24,
      replicationFactor: 3,
      requiredConfigs: { 'cleanup.policy': 'delete' },
    });
  });
});

import { describe, expect, it } from 'vitest';
import { STAGES, SINK_TARGETS, TOPOLOGY, topicSpec } from '../src/index.js';

describe('topology declaration', () => {
  it('declares every topic of DESIGN.md section 2 once', () => {
    const names = TOPOLOGY.map((topic) => topic.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual([
      'raw.airship-rtds.v1',
      'raw.airship-compliance.v1',
      'raw.cm-push.v1',
      'raw.track.v1',
      'device-events.v1',
      'device-state.v1',
      'device-sessions.v1',
      'open-sessions.v1',
      ...SINK_TARGETS.map((target) => `sink-acks.${target}.v1`),
      'connector-checkpoints.v1',
      'normalizer-dedupe.airship-rtds.v1',
      'normalizer-dedupe.airship-compliance.v1',
      'normalizer-dedupe.cm-push.v1',
      'normalizer-dedupe.track.v1',
      ...STAGES.map((stage) => `dlq.${stage}.v1`),
    ]);
  });

  it('versions every topic name and gives delete topics a retention', () => {
    for (const topic of TOPOLOGY) {
      expect(topic.name).toMatch(/^[a-z0-9.-]+\.v\d+$/);
      expect(topic.partitions).toBeGreaterThan(0);
      if (topic.cleanupPolicy === 'delete') expect(topic.retentionMs, topic.name).toBeGreaterThan(0);
      else expect(topic.retentionMs, topic.name).toBeUndefined();
    }
  });

  it('keeps state topics compacted and raw topics as bytes', () => {
    expect(topicSpec('device-state.v1').cleanupPolicy).toBe('compact');
    expect(topicSpec('connector-checkpoints.v1').cleanupPolicy).toBe('compact');
    expect(topicSpec('sink-acks.infobip.v1').cleanupPolicy).toBe('compact');
    expect(topicSpec('raw.cm-push.v1').value.format).toBe('bytes');
    expect(topicSpec('device-events.v1').value).toMatchObject({
      format: 'avro',
      schema: 'pushstream.DeviceEvent',
    });
  });

  it('refuses an undeclared name', () => {
    expect(() => topicSpec('device-events.v2')).toThrow(
      'topic device-events.v2 is not in the topology declaration',
    );
  });
});

import { describe, expect, it } from 'vitest';
import { isoTime, jsonLine, toJsonSafe } from '../src/core/json-output.js';
import { redactText } from '../src/core/redact-output.js';
import { renderFields, renderTable } from '../src/core/render-table.js';
import { tailRanges } from '../src/core/tail-start.js';
import {
  declaredTopic,
  resolveTopicArgument,
  stageGroups,
  stageInputTopics,
} from '../src/core/topology-view.js';
import { decodePlainValue, parseValueFormat, resolveValueFormat } from '../src/core/value-format.js';
import { TOPOLOGY, topicSpec } from '@pushstream/schemas';

describe('output formatting', () => {
  it('renders tables with right-aligned grouped numbers and - for null', () => {
    const text = renderTable(
      ['topic', 'records'],
      [
        ['a', 1234567],
        ['bb', null],
        ['c', 5],
      ],
    );
    expect(text).toContain('1,234,567');
    expect(text).toMatch(/│ bb +│ - +│/);
    expect(text).toContain('│ c     │         5 │');
    expect(text.endsWith('\n')).toBe(true);
    expect(
      renderFields([
        ['status', 'ACTIVE'],
        ['opens', 3],
      ]),
    ).toMatch(/status +│ ACTIVE/);
  });

  it('makes decoded values JSON-safe', () => {
    expect(
      toJsonSafe({ b: Buffer.from('hi'), n: 10n, d: new Date(0), m: new Map([['k', 1]]), u: undefined }),
    ).toEqual({
      b: { base64: 'aGk=' },
      n: '10',
      d: '1970-01-01T00:00:00.000Z',
      m: { k: 1 },
      u: null,
    });
    expect(jsonLine({ a: 1 })).toBe('{"a":1}\n');
    expect(isoTime(0)).toBe('1970-01-01T00:00:00.000Z');
    expect(isoTime(null)).toBeNull();
  });

  it('redacts URL credentials and secret values wherever they appear', () => {
    expect(redactText('registry at http://ops:s3cret@reg:8080/apis unreachable', [])).toBe(
      'registry at http://[redacted]@reg:8080/apis unreachable',
    );
    expect(redactText('SASL failed for password hunter2!', ['hunter2'])).toBe(
      'SASL failed for password [redacted]!',
    );
    expect(redactText('abcd abc', ['abc', 'abcd'])).toBe('[redacted] [redacted]');
    expect(redactText('nothing here', ['', 'x-y'])).toBe('nothing here');
  });
});

describe('tail windows', () => {
  const offsets = [
    { partition: 0, low: '0', high: '100' },
    { partition: 1, low: '95', high: '98' },
  ];
  it('reads the last records of each partition by default, up to the end seen at the start', () => {
    expect(tailRanges(offsets, { fromBeginning: false, follow: false, limit: 10 })).toEqual([
      { partition: 0, from: '90', until: '100' },
      { partition: 1, from: '95', until: '98' },
    ]);
  });
  it('starts at the log start, the --since offsets, or the end when following', () => {
    expect(tailRanges(offsets, { fromBeginning: true, follow: false, limit: 10 })[0]).toEqual({
      partition: 0,
      from: '0',
      until: '100',
    });
    expect(
      tailRanges(offsets, {
        fromBeginning: false,
        sinceOffsets: new Map([[0, '42']]),
        follow: true,
        limit: 10,
      }),
    ).toEqual([
      { partition: 0, from: '42' },
      { partition: 1, from: '98' },
    ]);
    expect(tailRanges(offsets, { fromBeginning: false, follow: true, limit: 10 })).toEqual([
      { partition: 0, from: '100' },
      { partition: 1, from: '98' },
    ]);
  });
});

describe('topics and formats', () => {
  it('prefixes declared topic names and keeps other names as written', () => {
    expect(resolveTopicArgument('device-events.v1', 'ps.', TOPOLOGY)).toBe('ps.device-events.v1');
    expect(resolveTopicArgument('ps.device-events.v1', 'ps.', TOPOLOGY)).toBe('ps.device-events.v1');
    expect(resolveTopicArgument('other', 'ps.', TOPOLOGY)).toBe('other');
    expect(declaredTopic('ps.device-state.v1', 'ps.', TOPOLOGY)?.name).toBe('device-state.v1');
    expect(declaredTopic('x.device-state.v1', 'ps.', TOPOLOGY)).toBeUndefined();
  });

  it('knows each stage input and group name candidates', () => {
    expect(stageInputTopics('normalizer', TOPOLOGY)).toEqual([
      'raw.airship-rtds.v1',
      'raw.airship-compliance.v1',
      'raw.cm-push.v1',
      'raw.track.v1',
    ]);
    expect(stageInputTopics('sink', TOPOLOGY)).toEqual(['device-state.v1']);
    expect(stageInputTopics('connector', TOPOLOGY)).toEqual([]);
    expect(stageGroups('sink', 'pushstream.')).toEqual([
      'pushstream.sink.infobip',
      'pushstream.sink.intilery',
    ]);
    expect(stageGroups('normalizer', 'pushstream.')).toEqual(['pushstream.normalizer']);
    expect(stageGroups('sessionizer', '')).toEqual(['sessionizer']);
    expect(stageGroups('sink', 'p.', 'mine')).toEqual(['mine']);
  });

  it('decodes values by declaration, request or content', () => {
    const avroBytes = Buffer.from([0, 0, 0, 0, 1, 2]);
    expect(resolveValueFormat('auto', topicSpec('device-events.v1'), Buffer.from('{}'))).toBe('avro');
    expect(resolveValueFormat('auto', topicSpec('raw.cm-push.v1'), avroBytes)).toBe('json');
    expect(resolveValueFormat('auto', undefined, avroBytes)).toBe('avro');
    expect(resolveValueFormat('auto', undefined, Buffer.from('x'))).toBe('json');
    expect(resolveValueFormat('hex', topicSpec('device-events.v1'), avroBytes)).toBe('hex');
    expect(decodePlainValue(Buffer.from('{"a":1}'), 'json')).toEqual({ a: 1 });
    expect(decodePlainValue(Buffer.from('not json'), 'json')).toBe('not json');
    expect(decodePlainValue(Buffer.from('{"a":1}'), 'text')).toBe('{"a":1}');
    expect(decodePlainValue(Buffer.from('hi'), 'hex')).toBe('6869');
    expect(parseValueFormat('AVRO')).toBe('avro');
    expect(() => parseValueFormat('xml')).toThrow(
      '--format must be one of auto, avro, json, text, hex, got "xml"',
    );
  });
});

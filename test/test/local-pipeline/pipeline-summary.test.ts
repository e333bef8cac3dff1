import { describe, expect, it } from 'vitest';
import { parsePrometheusText, sumBy, sumOf } from '../../src/local-pipeline/prometheus-text.js';
import { renderSummary, summarizePipeline } from '../../src/local-pipeline/pipeline-summary.js';

const NORMALIZER = `# HELP pushstream_records_consumed_total Records fetched from input topics.
# TYPE pushstream_records_consumed_total counter
pushstream_records_consumed_total{stage="normalizer",topic="p.raw.cm-push.v1"} 120
pushstream_records_consumed_total{stage="normalizer",topic="p.raw.airship-rtds.v1"} 880
pushstream_records_produced_total{stage="normalizer",topic="p.device-events.v1"} 950
pushstream_records_produced_total{stage="normalizer",topic="p.normalizer-dedupe.airship-rtds.v1"} 940
pushstream_records_produced_total{stage="normalizer",topic="p.dlq.normalizer.v1"} 3
pushstream_dead_lettered_total{stage="normalizer",reason="RECORD_INVALID_JSON"} 3
pushstream_consumer_lag{stage="normalizer",topic="p.raw.cm-push.v1",partition="0"} 7
pushstream_consumer_lag{stage="normalizer",topic="p.raw.cm-push.v1",partition="1"} 5
pushstream_dedupe_dropped_total{stage="normalizer"} 47
pushstream_batch_duration_seconds_bucket{stage="normalizer",le="+Inf"} 12
weird line without value
`;

const SESSIONIZER = `pushstream_devices{stage="sessionizer",status="ACTIVE"} 10
pushstream_devices{stage="sessionizer",status="UNREGISTERED"} 2
`;

const SINK = `pushstream_partner_requests_total{target="infobip",operation="patch",status_class="2xx"} 4
pushstream_partner_requests_total{target="infobip",operation="personalize",status_class="2xx"} 3
pushstream_partner_requests_total{target="intilery",operation="batch",status_class="5xx"} 1
`;

describe('parsePrometheusText', () => {
  it('reads names, labels (escapes included) and values, skipping comments and junk', () => {
    const samples = parsePrometheusText(
      `${NORMALIZER}m{a="x\\"y",b="1\\\\2"} 1.5e3\nm_inf{} +Inf 1700000000000\n`,
    );
    expect(samples).toHaveLength(12);
    expect(samples.at(-2)).toEqual({ name: 'm', labels: { a: 'x"y', b: '1\\2' }, value: 1500 });
    expect(samples.at(-1)).toEqual({ name: 'm_inf', labels: {}, value: Infinity });
    expect(sumOf(samples, 'pushstream_records_consumed_total')).toBe(1000);
    expect(sumOf(samples, 'pushstream_consumer_lag', { partition: '1' })).toBe(5);
    expect([...sumBy(samples, 'pushstream_records_consumed_total', 'topic')]).toEqual([
      ['p.raw.cm-push.v1', 120],
      ['p.raw.airship-rtds.v1', 880],
    ]);
  });
});

describe('summarizePipeline', () => {
  it('adds up each stage, the device statuses and the partner calls', () => {
    const summary = summarizePipeline([
      { service: 'normalizer', samples: parsePrometheusText(NORMALIZER) },
      { service: 'sessionizer', samples: parsePrometheusText(SESSIONIZER) },
      { service: 'sink', samples: parsePrometheusText(SINK) },
      { service: 'connector', error: 'ECONNREFUSED' },
    ]);
    expect(summary.stages[0]).toEqual({
      service: 'normalizer',
      up: true,
      inbound: 1000,
      produced: 950,
      deadLettered: 3,
      lag: 12,
      extra: [['dedupe dropped', 47]],
    });
    expect(summary.stages[3]?.up).toBe(false);
    expect([...summary.devicesByStatus]).toEqual([
      ['ACTIVE', 10],
      ['UNREGISTERED', 2],
    ]);
    expect([...summary.partnerCalls]).toEqual([
      ['infobip 2xx', 7],
      ['intilery 5xx', 1],
    ]);
    const screen = renderSummary(summary, ['head']);
    expect(screen[0]).toBe('head');
    expect(screen).toContain('normalizer         1,000         950       3        12  dedupe dropped 47');
    expect(screen).toContain('connector   (no metrics yet)');
    expect(screen).toContain('devices     ACTIVE 10  UNREGISTERED 2');
    expect(screen).toContain('partners    infobip 2xx 7  intilery 5xx 1');
  });
});

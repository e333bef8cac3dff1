import { describe, expect, it } from 'vitest';
import { parseConsumerPerformance, parseProducerPerformance } from '../../bench/core/perf-tool-output.ts';

// Verbatim output of kafka-tools 4.3.1 on this machine (stdout; logging goes to stderr).
const PRODUCER_WITH_WARMUP = `Reading payloads from: /tmp/pushstream-bench/rtds-payload.ndjson
Number of records read: 5000
Warmup first 10000 records. Steady state results will print after the complete test summary.
61234 records sent, 12244.4 records/sec (10.45 MB/sec), 120.12 ms avg latency, 594.00 ms max latency.
100000 records sent, 17217.630854 records/sec (14.70 MB/sec), 99.77 ms avg latency, 594.00 ms max latency, 70 ms 50th, 318 ms 95th, 351 ms 99th, 361 ms 99.9th.
90000 steady state records sent, 19510.080208 records/sec (16.67 MB/sec), 108.02 ms avg latency, 438.00 ms max latency, 89 ms 50th, 320 ms 95th, 353 ms 99th, 361 ms 99.9th.
`;

const PRODUCER_PLAIN =
  '100000 records sent, 30330.603579 records/sec (17.36 MB/sec), 37.47 ms avg latency, 428.00 ms max latency, 26 ms 50th, 94 ms 95th, 111 ms 99th, 130 ms 99.9th.\n';

const CONSUMER = `Warning: --messages is deprecated. Use --num-records instead.
start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, rebalance.time.ms, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec
2026-11-22 08:27:42:099, 2026-11-22 08:27:46:130, 85.3962, 21.1849, 100000, 24807.7400, 1170, 2861, 29.8484, 34952.8137
`;

describe('parseProducerPerformance', () => {
  it('takes the steady-state summary of a warm-up run, not the progress line or the overall summary', () => {
    expect(parseProducerPerformance(PRODUCER_WITH_WARMUP)).toEqual({
      records: 90000,
      steadyState: true,
      recordsPerSecond: 19510.080208,
      megabytesPerSecond: 16.67,
      avgLatencyMs: 108.02,
      maxLatencyMs: 438,
      latencyMs: { p50: 89, p95: 320, p99: 353 },
    });
  });

  it('reads the single summary of a run without warm-up', () => {
    const summary = parseProducerPerformance(PRODUCER_PLAIN);
    expect(summary.steadyState).toBe(false);
    expect(summary.recordsPerSecond).toBe(30330.603579);
    expect(summary.latencyMs).toEqual({ p50: 26, p95: 94, p99: 111 });
  });

  it('fails with the output tail when there is no summary', () => {
    expect(() => parseProducerPerformance('Exception in thread "main" boom')).toThrow(
      /no ProducerPerformance summary.*boom/s,
    );
  });
});

describe('parseConsumerPerformance', () => {
  it('reads the columns by name', () => {
    expect(parseConsumerPerformance(CONSUMER)).toEqual({
      records: 100000,
      megabytes: 85.3962,
      recordsPerSecond: 24807.74,
      rebalanceMs: 1170,
      fetchMs: 2861,
      fetchRecordsPerSecond: 34952.8137,
    });
  });

  it('still parses when the columns are reordered', () => {
    const reordered =
      'start.time, fetch.nMsg.sec, data.consumed.in.nMsg, end.time, data.consumed.in.MB, nMsg.sec, rebalance.time.ms, fetch.time.ms\n' +
      'a, 500.5, 1000, b, 1.5, 250, 10, 20\n';
    const summary = parseConsumerPerformance(reordered);
    expect(summary.fetchRecordsPerSecond).toBe(500.5);
    expect(summary.records).toBe(1000);
  });

  it('fails when the header or the values are missing', () => {
    expect(() => parseConsumerPerformance('nothing here')).toThrow(/no ConsumerPerformance result/);
    expect(() =>
      parseConsumerPerformance(
        'start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, rebalance.time.ms, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec\n',
      ),
    ).toThrow(/no ConsumerPerformance result/);
  });
});

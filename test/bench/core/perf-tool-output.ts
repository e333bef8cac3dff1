import type { LatencyPercentiles } from './stats.ts';

/** The final summary of Kafka's `ProducerPerformance`. */
export interface ProducerPerformanceSummary {
  /** Records the summary covers (after the warm-up for a steady-state summary). */
  readonly records: number;
  /** True for the steady-state summary printed after a `--warmup-records` run. */
  readonly steadyState: boolean;
  readonly recordsPerSecond: number;
  readonly megabytesPerSecond: number;
  readonly avgLatencyMs: number;
  readonly maxLatencyMs: number;
  readonly latencyMs: LatencyPercentiles;
}

// 100000 records sent, 30330.603579 records/sec (17.36 MB/sec), 37.47 ms avg latency, 428.00 ms max latency,
//   26 ms 50th, 94 ms 95th, 111 ms 99th, 130 ms 99.9th.
// With --warmup-records, a second line follows: `90000 steady state records sent, …` (same fields).
const PRODUCER_SUMMARY =
  /^(\d+) (?:steady state )?records sent, ([\d.]+) records\/sec \(([\d.]+) MB\/sec\), ([\d.]+) ms avg latency, ([\d.]+) ms max latency, (\d+) ms 50th, (\d+) ms 95th, (\d+) ms 99th, (\d+) ms 99\.9th\.?$/;

/**
 * Parses the summary line of `org.apache.kafka.tools.ProducerPerformance` (the one with percentiles; the
 * periodic progress lines have none). With `--warmup-records` the tool prints a second, steady-state
 * summary after the overall one; the last summary wins. Throws when the output has no summary line.
 */
export function parseProducerPerformance(output: string): ProducerPerformanceSummary {
  let summary: ProducerPerformanceSummary | undefined;
  for (const line of output.split('\n')) {
    const match = PRODUCER_SUMMARY.exec(line.trim());
    if (match === null) continue;
    const [, records, rate, mb, avg, max, p50, p95, p99] = match.map(Number);
    summary = {
      records: records ?? Number.NaN,
      steadyState: line.includes('steady state'),
      recordsPerSecond: rate ?? Number.NaN,
      megabytesPerSecond: mb ?? Number.NaN,
      avgLatencyMs: avg ?? Number.NaN,
      maxLatencyMs: max ?? Number.NaN,
      latencyMs: { p50: p50 ?? Number.NaN, p95: p95 ?? Number.NaN, p99: p99 ?? Number.NaN },
    };
  }
  if (summary === undefined)
    throw new Error(`no ProducerPerformance summary line in its output:\n${tail(output)}`);
  return summary;
}

/** The result line of Kafka's `ConsumerPerformance`. */
export interface ConsumerPerformanceSummary {
  readonly records: number;
  readonly megabytes: number;
  /** Over the whole run, group join included. */
  readonly recordsPerSecond: number;
  readonly rebalanceMs: number;
  readonly fetchMs: number;
  /** Over the fetch time only (group join excluded): comparable to a stage draining its input. */
  readonly fetchRecordsPerSecond: number;
}

type ConsumerField =
  | 'data.consumed.in.MB'
  | 'data.consumed.in.nMsg'
  | 'nMsg.sec'
  | 'rebalance.time.ms'
  | 'fetch.time.ms'
  | 'fetch.nMsg.sec';

/**
 * Parses the CSV-like output of `org.apache.kafka.tools.ConsumerPerformance` (without
 * `--show-detailed-stats`): a header line naming the columns, then one line of values. Columns are found
 * by name, so a reordered or extended header still parses. Throws when either line is missing.
 */
export function parseConsumerPerformance(output: string): ConsumerPerformanceSummary {
  const lines = output.split('\n').map((line) => line.trim());
  const headerIndex = lines.findIndex((line) => line.startsWith('start.time,'));
  const header = lines[headerIndex]?.split(',').map((cell) => cell.trim());
  const values = lines[headerIndex + 1]?.split(',').map((cell) => cell.trim());
  if (headerIndex < 0 || header === undefined || values === undefined || values.length !== header.length)
    throw new Error(`no ConsumerPerformance result in its output:\n${tail(output)}`);
  const field = (name: ConsumerField): number => {
    const index = header.indexOf(name);
    const value = index < 0 ? undefined : Number(values[index]);
    if (value === undefined || Number.isNaN(value))
      throw new Error(`ConsumerPerformance output lacks a numeric ${name}:\n${tail(output)}`);
    return value;
  };
  return {
    records: field('data.consumed.in.nMsg'),
    megabytes: field('data.consumed.in.MB'),
    recordsPerSecond: field('nMsg.sec'),
    rebalanceMs: field('rebalance.time.ms'),
    fetchMs: field('fetch.time.ms'),
    fetchRecordsPerSecond: field('fetch.nMsg.sec'),
  };
}

function tail(output: string): string {
  return output.trim().split('\n').slice(-10).join('\n');
}

/**
 * Median of a list of numbers (the mean of the two middle values for an even count); undefined when empty.
 * NaN values are ignored: a run that could not measure a figure does not drag the median.
 */
export function median(values: readonly number[]): number | undefined {
  const sorted = values.filter((value) => !Number.isNaN(value)).sort((a, b) => a - b);
  if (sorted.length === 0) return undefined;
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? Number.NaN;
  if (sorted.length % 2 === 1) return upper;
  const lower = sorted[middle - 1] ?? Number.NaN;
  return (lower + upper) / 2;
}

/**
 * The `p`-th percentile (0–100) by the nearest-rank method, as HdrHistogram and autocannon report it:
 * the smallest value such that at least p % of the values are ≤ it. Undefined when empty.
 */
export function percentile(values: readonly number[], p: number): number | undefined {
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile must be within 0–100, not ${p}`);
  const sorted = values.filter((value) => !Number.isNaN(value)).sort((a, b) => a - b);
  if (sorted.length === 0) return undefined;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}

/** p50 / p95 / p99 of a latency sample, in the sample's unit. */
export interface LatencyPercentiles {
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
}

/** p50/p95/p99 of `values`, or undefined when there are none. */
export function latencyPercentiles(values: readonly number[]): LatencyPercentiles | undefined {
  const p50 = percentile(values, 50);
  const p95 = percentile(values, 95);
  const p99 = percentile(values, 99);
  if (p50 === undefined || p95 === undefined || p99 === undefined) return undefined;
  return { p50, p95, p99 };
}

/** A (time, value) sample, time in any consistent unit. */
export interface TimedSample {
  readonly t: number;
  readonly value: number;
}

/** Least-squares slope of value over time (value units per time unit); 0 for fewer than two distinct times. */
export function linearSlope(samples: readonly TimedSample[]): number {
  const n = samples.length;
  if (n < 2) return 0;
  const meanT = samples.reduce((sum, s) => sum + s.t, 0) / n;
  const meanV = samples.reduce((sum, s) => sum + s.value, 0) / n;
  let num = 0;
  let den = 0;
  for (const s of samples) {
    num += (s.t - meanT) * (s.value - meanV);
    den += (s.t - meanT) ** 2;
  }
  return den === 0 ? 0 : num / den;
}

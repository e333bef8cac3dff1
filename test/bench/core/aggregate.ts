import type { RunFigures } from './bench-results.ts';
import { median } from './stats.ts';

/**
 * The median of every figure over several runs: throughput, each latency percentile on its own, RSS per
 * process and every extra figure. A figure absent from some runs is the median of the runs that have it.
 */
export function medianFigures(runs: readonly RunFigures[]): RunFigures {
  const throughput = median(numbers(runs.map((run) => run.throughput)));
  const latencies = runs.flatMap((run) => (run.latencyMs === undefined ? [] : [run.latencyMs]));
  const p50 = median(latencies.map((l) => l.p50));
  const p95 = median(latencies.map((l) => l.p95));
  const p99 = median(latencies.map((l) => l.p99));
  const rssBytes = medianByKey(runs.map((run) => run.rssBytes));
  const extra = medianByKey(runs.map((run) => run.extra));
  const notes = [...new Set(runs.flatMap((run) => run.notes ?? []))];
  return {
    ...(throughput === undefined ? {} : { throughput }),
    ...(p50 === undefined || p95 === undefined || p99 === undefined ? {} : { latencyMs: { p50, p95, p99 } }),
    ...(Object.keys(rssBytes).length === 0 ? {} : { rssBytes }),
    ...(Object.keys(extra).length === 0 ? {} : { extra }),
    ...(notes.length === 0 ? {} : { notes }),
  };
}

function numbers(values: readonly (number | undefined)[]): number[] {
  return values.filter((value): value is number => value !== undefined);
}

function medianByKey(
  records: readonly (Readonly<Record<string, number>> | undefined)[],
): Record<string, number> {
  const keys = [...new Set(records.flatMap((record) => Object.keys(record ?? {})))];
  const result: Record<string, number> = {};
  for (const key of keys) {
    const value = median(numbers(records.map((record) => record?.[key])));
    if (value !== undefined) result[key] = value;
  }
  return result;
}

import { parser } from '@prometheus-io/lezer-promql';

/** What parsing one PromQL expression found. */
export interface PromqlAnalysis {
  /** Character offsets of syntax errors; empty when the expression parses. */
  readonly errorsAt: readonly number[];
  /** Metric names of every vector selector, in order of appearance, without repeats. */
  readonly metrics: readonly string[];
}

/** Parses a PromQL expression (Prometheus' own lezer grammar) and lists the metrics it selects. */
export function analyzePromql(expr: string): PromqlAnalysis {
  const errorsAt: number[] = [];
  const metrics: string[] = [];
  const cursor = parser.parse(expr).cursor();
  do {
    if (cursor.type.isError) errorsAt.push(cursor.from);
    if (cursor.type.name === 'Identifier' && cursor.node.parent?.type.name === 'VectorSelector') {
      const name = expr.slice(cursor.from, cursor.to);
      if (!metrics.includes(name)) metrics.push(name);
    }
  } while (cursor.next());
  return { errorsAt, metrics };
}

/** The metric a series name belongs to: histogram `_bucket`/`_sum`/`_count` series map to the histogram. */
export function baseMetricName(series: string, known: ReadonlySet<string>): string {
  if (known.has(series)) return series;
  const match = /^(.*)_(bucket|sum|count)$/.exec(series);
  return match?.[1] !== undefined && known.has(match[1]) ? match[1] : series;
}

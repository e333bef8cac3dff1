import { medianFigures } from './aggregate.ts';
import type { BenchMeta, BenchReport, RowInfo, RowResult, RunFigures } from './bench-results.ts';
import { withRatios } from './ceilings.ts';
import { checkTargets } from './targets.ts';

/** What the runner collected for one row. */
export interface RowOutcome {
  readonly info: RowInfo;
  /** Set when the scenario could not run at all (its service is not built). */
  readonly notBuilt?: string;
  /** Set when the options leave the scenario out (a setting it needs is missing). */
  readonly skipped?: string;
  readonly runs: readonly RunFigures[];
  /** Errors of failed runs. */
  readonly errors: readonly string[];
}

/**
 * Turns the collected runs into the report: medians per row, ratios against this run's ceilings, the
 * target checks. A row with some failed runs keeps the medians of the others and notes the failures.
 */
export function buildReport(meta: BenchMeta, outcomes: readonly RowOutcome[]): BenchReport {
  const rows: RowResult[] = outcomes.map((outcome) => {
    if (outcome.notBuilt !== undefined)
      return { info: outcome.info, status: 'not-built', reason: outcome.notBuilt, runs: [] };
    if (outcome.skipped !== undefined)
      return { info: outcome.info, status: 'skipped', reason: outcome.skipped, runs: [] };
    if (outcome.runs.length === 0)
      return {
        info: outcome.info,
        status: 'failed',
        reason: outcome.errors[0] ?? 'no run completed',
        runs: [],
      };
    const median = medianFigures(outcome.runs);
    const failures =
      outcome.errors.length === 0
        ? []
        : [`${outcome.errors.length} run(s) failed, first: ${outcome.errors[0] ?? ''}`];
    return {
      info: outcome.info,
      status: 'measured',
      runs: outcome.runs,
      median: failures.length === 0 ? median : { ...median, notes: [...(median.notes ?? []), ...failures] },
    };
  });
  const ranked = withRatios(rows);
  return { meta, rows: ranked, targets: checkTargets(ranked) };
}

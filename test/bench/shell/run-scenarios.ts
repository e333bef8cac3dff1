import type { RowOutcome } from '../core/build-report.ts';
import type { RowFigures, RowInfo, RunFigures } from '../core/bench-results.ts';
import { formatNumber } from '../core/format.ts';
import type { BenchContext, Scenario } from '../scenario.ts';

interface MutableOutcome {
  info: RowInfo;
  notBuilt?: string;
  skipped?: string;
  runs: RunFigures[];
  errors: string[];
}

/**
 * Runs the scenarios run after run (every scenario once, then again), so load from other processes spreads
 * over all of them rather than skewing one; a failing run is recorded and the rest go on.
 */
export async function runScenarios(
  context: BenchContext,
  scenarios: readonly Scenario[],
): Promise<RowOutcome[]> {
  const outcomes = new Map<string, MutableOutcome>();
  for (const scenario of scenarios)
    for (const info of scenario.rows) outcomes.set(info.id, { info, runs: [], errors: [] });
  const active: Scenario[] = [];
  for (const scenario of scenarios) {
    const notBuilt = scenario.notBuilt?.(context);
    const skipped = notBuilt === undefined ? scenario.skipped?.(context) : undefined;
    if (notBuilt !== undefined || skipped !== undefined) {
      context.log(
        `bench: ${scenario.id}: ${notBuilt === undefined ? `skipped — ${skipped}` : `not built — ${notBuilt}`}`,
      );
      for (const info of scenario.rows) {
        const outcome = outcomes.get(info.id);
        if (outcome === undefined) continue;
        if (notBuilt !== undefined) outcome.notBuilt = notBuilt;
        else if (skipped !== undefined) outcome.skipped = skipped;
      }
      continue;
    }
    try {
      await scenario.setup?.(context);
      active.push(scenario);
    } catch (error) {
      const message = errorText(error);
      context.log(`bench: ${scenario.id}: setup failed — ${message}`);
      for (const info of scenario.rows) outcomes.get(info.id)?.errors.push(`setup: ${message}`);
    }
  }
  for (let runIndex = 0; runIndex < context.options.runs; runIndex += 1) {
    for (const scenario of active) {
      const started = performance.now();
      try {
        const figures = await scenario.run(context, runIndex);
        for (const figure of figures) addRun(outcomes, figure);
        context.log(
          `bench: run ${runIndex + 1}/${context.options.runs} ${scenario.id} (${((performance.now() - started) / 1000).toFixed(1)} s): ${summary(scenario, figures)}`,
        );
      } catch (error) {
        const message = errorText(error);
        context.log(`bench: run ${runIndex + 1}/${context.options.runs} ${scenario.id} failed: ${message}`);
        for (const info of scenario.rows) outcomes.get(info.id)?.errors.push(message);
      }
    }
  }
  return [...outcomes.values()];
}

function addRun(outcomes: Map<string, MutableOutcome>, figure: RowFigures): void {
  const { row, ...figures } = figure;
  const outcome = outcomes.get(row);
  if (outcome === undefined) throw new Error(`a scenario reported figures for an undeclared row '${row}'`);
  outcome.runs.push(figures);
}

function summary(scenario: Scenario, figures: readonly RowFigures[]): string {
  return figures
    .map((figure) => {
      const unit = scenario.rows.find((row) => row.id === figure.row)?.unit ?? '';
      const latency = figure.latencyMs === undefined ? '' : `, p99 ${formatNumber(figure.latencyMs.p99)} ms`;
      return `${figure.row} ${figure.throughput === undefined ? '—' : formatNumber(figure.throughput)} ${unit}${latency}`;
    })
    .join('; ');
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message.split('\n').slice(0, 6).join(' ⏎ ') : String(error);
}

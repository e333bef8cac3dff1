import type { RowResult, TargetCheck } from './bench-results.ts';

/** The targets: each stage ≥ 50 % of the client ceiling. */
export const STAGE_MIN_CLIENT_RATIO = 0.5;
/** End-to-end p99 below this at 1k events/s. */
export const E2E_P99_LIMIT_MS = 500;
/** The offered load of the p99 target. */
export const E2E_TARGET_LOAD = 1000;
/** Dedupe memory per remembered id. */
export const DEDUPE_MAX_BYTES_PER_ID = 100;

/** Row id of the end-to-end measurement at a fixed offered load. */
export function e2eRowId(eventsPerSecond: number): string {
  return `e2e-${eventsPerSecond}`;
}

/** Checks the measured medians against the targets; unmeasured targets are reported, not failed. */
export function checkTargets(rows: readonly RowResult[]): TargetCheck[] {
  const checks: TargetCheck[] = [];
  for (const row of rows) {
    if (row.info.kind !== 'stage') continue;
    const value = row.ratios?.client;
    checks.push({
      target: `${row.info.title} ≥ ${percent(STAGE_MIN_CLIENT_RATIO)} of the client ceiling`,
      measured: value === undefined ? statusText(row) : percent(value),
      met: value === undefined ? undefined : value >= STAGE_MIN_CLIENT_RATIO,
    });
  }
  const e2e = rows.find((row) => row.info.id === e2eRowId(E2E_TARGET_LOAD));
  const p99 = e2e?.median?.latencyMs?.p99;
  checks.push({
    target: `end-to-end p99 < ${E2E_P99_LIMIT_MS} ms at ${E2E_TARGET_LOAD} events/s`,
    measured: p99 === undefined ? statusText(e2e) : `${Math.round(p99)} ms`,
    met: p99 === undefined ? undefined : p99 < E2E_P99_LIMIT_MS,
  });
  const normalizer = rows.find((row) => row.info.id === 'normalizer');
  const bytesPerId = normalizer?.median?.extra?.['dedupeBytesPerId'];
  checks.push({
    target: `dedupe ≤ ${DEDUPE_MAX_BYTES_PER_ID} bytes per remembered id`,
    measured: bytesPerId === undefined ? statusText(normalizer) : `${Math.round(bytesPerId)} bytes`,
    met: bytesPerId === undefined ? undefined : bytesPerId <= DEDUPE_MAX_BYTES_PER_ID,
  });
  return checks;
}

function percent(value: number): string {
  return `${Math.round(value * 100)} %`;
}

function statusText(row: RowResult | undefined): string {
  if (row === undefined) return '— (not run)';
  if (row.status === 'not-built') return '— (not built)';
  if (row.status === 'skipped') return '— (skipped)';
  if (row.status === 'failed') return '— (failed)';
  return '—';
}

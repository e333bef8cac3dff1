import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import prettier from 'prettier';
import type { BenchReport } from '../core/bench-results.ts';
import { renderMarkdown } from '../core/markdown-report.ts';
import { renderChart } from '../core/svg-chart.ts';

/** Where a run's results went. */
export interface WrittenResults {
  readonly dir: string;
  readonly markdown: string;
  readonly latestUpdated: boolean;
}

/** `2026-11-22T08:30:12.345Z` → `2026-11-22T0830Z` (one folder per run, sortable, no colons). */
export function resultsFolderName(date: Date): string {
  const iso = date.toISOString();
  return `${iso.slice(0, 10)}T${iso.slice(11, 13)}${iso.slice(14, 16)}Z`;
}

/**
 * Writes `<resultsDir>/<date>/results.json`, `results.md` and `chart.svg`; a full run (every scenario)
 * also rewrites `<resultsDir>/latest.md`, the small page the README links. Text files go through the
 * repository's Prettier settings, so committing them keeps `npm run format:check` green.
 */
export async function writeResults(
  report: BenchReport,
  resultsDir: string,
  fullRun: boolean,
): Promise<WrittenResults> {
  const folder = resultsFolderName(new Date(report.meta.date));
  const dir = path.join(resultsDir, folder);
  mkdirSync(dir, { recursive: true });
  await writeFormatted(path.join(dir, 'results.json'), JSON.stringify(report, null, 2));
  const markdown = renderMarkdown(report, { chartPath: 'chart.svg' });
  await writeFormatted(path.join(dir, 'results.md'), markdown);
  writeFileSync(path.join(dir, 'chart.svg'), renderChart(report.rows, `pushstream benchmark ${folder}`));
  if (fullRun) {
    await writeFormatted(
      path.join(resultsDir, 'latest.md'),
      renderMarkdown(report, {
        chartPath: `${folder}/chart.svg`,
        preface: `Latest full run; every figure of it in [${folder}/results.json](${folder}/results.json). How to read this: [test/bench/README.md](../test/bench/README.md).`,
      }),
    );
  }
  return { dir, markdown, latestUpdated: fullRun };
}

async function writeFormatted(file: string, text: string): Promise<void> {
  const config = (await prettier.resolveConfig(file)) ?? {};
  writeFileSync(file, await prettier.format(text, { ...config, filepath: file }));
}

import type { BenchReport, RowResult } from './bench-results.ts';
import { figureLabel } from './figure-labels.ts';
import { formatBytes, formatDuration, formatLatency, formatNumber, formatPercent } from './format.ts';

/** Options of {@link renderMarkdown}. */
export interface MarkdownOptions {
  /** Path of the chart relative to the markdown file; no image when unset. */
  readonly chartPath?: string;
  /** A line placed under the title (e.g. a link to the full results folder). */
  readonly preface?: string;
}

/**
 * The results as markdown: context (machine, versions, workload), the throughput table with ratios against
 * the ceilings, the further figures (memory, state), the targets and notes. Pure.
 */
export function renderMarkdown(report: BenchReport, options: MarkdownOptions = {}): string {
  const { meta } = report;
  const lines: string[] = [
    `# pushstream benchmark — ${meta.date.replace('T', ' ').replace(/\.\d+Z$/, 'Z')}`,
    '',
  ];
  if (options.preface !== undefined) lines.push(options.preface, '');
  lines.push(...contextLines(report), '');
  if (options.chartPath !== undefined)
    lines.push(`![throughput and latency per stage](${options.chartPath})`, '');
  lines.push('## Throughput and latency', '', ...throughputTable(report.rows), '');
  const further = furtherFigures(report.rows);
  if (further.length > 0) lines.push('## Memory, state and further figures', '', ...further, '');
  lines.push('## Targets', '', '| target | measured | met |', '|---|---|---|');
  for (const check of report.targets) {
    const met = check.met === undefined ? '—' : check.met ? 'yes' : 'no';
    lines.push(`| ${escapeCell(check.target)} | ${escapeCell(check.measured)} | ${met} |`);
  }
  lines.push('');
  const notes = [
    ...meta.notes,
    ...report.rows.flatMap((row) => (row.median?.notes ?? []).map((note) => `${row.info.title}: ${note}`)),
  ];
  if (notes.length > 0) lines.push('## Notes', '', ...notes.map((note) => `- ${note}`), '');
  return `${lines.join('\n').trimEnd()}\n`;
}

function contextLines(report: BenchReport): string[] {
  const { meta } = report;
  const { machine } = meta;
  const versions = Object.entries(meta.versions)
    .map(([name, version]) => `${name} ${version}`)
    .join(', ');
  const workload = Object.entries(meta.workload)
    .map(([name, value]) => `${name} ${typeof value === 'number' ? formatNumber(value) : value}`)
    .join(', ');
  return [
    `- Machine: ${machine.cpuModel}, ${machine.cores} cores, ${formatBytes(machine.memoryBytes)} RAM, ${machine.os}; load average at start ${machine.loadAverage.map((load) => load.toFixed(2)).join(' / ')}`,
    `- Versions: ${versions}`,
    `- Kafka + registry: ${meta.infraMode}${meta.commit === undefined ? '' : `; commit ${meta.commit}`}`,
    `- Workload: ${workload}`,
    `- ${meta.runs} run(s) per scenario, medians shown; wall time ${formatDuration(meta.wallSeconds)}`,
  ];
}

function throughputTable(rows: readonly RowResult[]): string[] {
  const lines = [
    '| row | throughput (median) | vs client ceiling | vs broker ceiling | latency p50 / p95 / p99 | peak RSS | runs |',
    '|---|---:|---:|---:|---|---:|---:|',
  ];
  for (const row of rows) {
    const median = row.median;
    const cells =
      row.status === 'measured'
        ? [
            median?.throughput === undefined ? '—' : `${formatNumber(median.throughput)} ${row.info.unit}`,
            row.ratios?.client === undefined ? '' : formatPercent(row.ratios.client),
            row.ratios?.broker === undefined ? '' : formatPercent(row.ratios.broker),
            median?.latencyMs === undefined ? '' : formatLatency(median.latencyMs),
            rssText(median?.rssBytes),
            String(row.runs.length),
          ]
        : [
            row.status === 'not-built' ? 'not built' : row.status,
            '',
            '',
            escapeCell(row.reason ?? ''),
            '',
            '0',
          ];
    lines.push(`| ${escapeCell(row.info.title)} | ${cells.join(' | ')} |`);
  }
  return lines;
}

function rssText(rss: Readonly<Record<string, number>> | undefined): string {
  if (rss === undefined) return '';
  return Object.entries(rss)
    .map(([process, bytes]) => `${process} ${formatBytes(bytes)}`)
    .join(', ');
}

function furtherFigures(rows: readonly RowResult[]): string[] {
  const body: string[] = [];
  for (const row of rows) {
    for (const [name, value] of Object.entries(row.median?.extra ?? {})) {
      body.push(
        `| ${escapeCell(row.info.title)} | ${escapeCell(figureLabel(name))} | ${formatNumber(value)} |`,
      );
    }
  }
  return body.length === 0 ? [] : ['| row | figure | median |', '|---|---|---:|', ...body];
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

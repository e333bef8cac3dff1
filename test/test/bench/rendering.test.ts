import { describe, expect, it } from 'vitest';
import { buildReport } from '../../bench/core/build-report.ts';
import { formatBytes, formatDuration, formatNumber } from '../../bench/core/format.ts';
import { renderMarkdown } from '../../bench/core/markdown-report.ts';
import { escapeXml, renderChart } from '../../bench/core/svg-chart.ts';
import { resultsFolderName } from '../../bench/shell/results-writer.ts';
import { META, typicalOutcomes } from './report-fixtures.ts';

describe('formatting', () => {
  it('groups thousands and keeps one decimal for small fractions', () => {
    expect(formatNumber(18100.4)).toBe('18,100');
    expect(formatNumber(0.84)).toBe('0.8');
    expect(formatNumber(7)).toBe('7');
  });

  it('uses binary units and minutes', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(200 * 1024 ** 2)).toBe('200 MiB');
    expect(formatBytes(1.5 * 1024)).toBe('1.5 KiB');
    expect(formatDuration(553.2)).toBe('9 min 13 s');
    expect(formatDuration(42)).toBe('42 s');
  });

  it('names result folders by UTC minute without colons', () => {
    expect(resultsFolderName(new Date('2026-11-22T08:30:12.345Z'))).toBe('2026-11-22T0830Z');
  });
});

describe('renderMarkdown', () => {
  const report = buildReport(META, typicalOutcomes());
  const markdown = renderMarkdown(report, { chartPath: 'chart.svg' });
  const tableLine = (title: string) => markdown.split('\n').find((line) => line.startsWith(`| ${title} |`));

  it('shows each row with its median, ratios, latency, RSS and run count', () => {
    expect(tableLine('RTDS ingest')).toBe(
      '| RTDS ingest | 18,000 events/s | 90 % | 72 % |  | connector 200 MiB | 1 |',
    );
    expect(tableLine('Broker ceiling: ProducerPerformance')).toBe(
      '| Broker ceiling: ProducerPerformance | 25,000 records/s |  |  |  |  | 3 |',
    );
    expect(tableLine('End to end at 1,000 events/s')).toBe(
      '| End to end at 1,000 events/s | 1,000 events/s |  |  | 100 / 300 / 450 ms |  | 1 |',
    );
  });

  it('escapes pipes and says why a row is not built', () => {
    expect(tableLine('Sink \\| partners')).toBe(
      '| Sink \\| partners | not built |  |  | services/sink/dist/main.js missing |  | 0 |',
    );
  });

  it('carries the context, the chart, the further figures, the targets and the notes', () => {
    expect(markdown).toContain('# pushstream benchmark — 2026-11-22 08:30:12Z');
    expect(markdown).toContain('- Machine: AMD EPYC, 2 cores, 24.0 GiB RAM, Linux 6.1 x64');
    expect(markdown).toContain('commit abc1234');
    expect(markdown).toContain('wall time 9 min 13 s');
    expect(markdown).toContain('![throughput and latency per stage](chart.svg)');
    expect(markdown).toContain('| Normalizer | dedupe bytes per remembered id (service estimate) | 100 |');
    expect(markdown).toContain('| end-to-end p99 < 500 ms at 1000 events/s | 450 ms | yes |');
    expect(markdown).toContain('- shared machine');
  });
});

describe('renderChart', () => {
  const report = buildReport(META, typicalOutcomes());
  const svg = renderChart(report.rows, 'bench <run> & co');

  it('is one svg element with an escaped title', () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    expect(svg).toContain('bench &lt;run&gt; &amp; co');
    expect(escapeXml(`a"b'c`)).toBe('a&quot;b&apos;c');
  });

  it('draws throughput bars proportional to the medians and labels unbuilt rows', () => {
    const widths = [
      ...svg.matchAll(/<rect x="260" y="[\d.]+" width="([\d.]+)" height="16" fill="[^"]+"\/>/g),
    ].map((match) => Number(match[1]));
    // Seven measured rows with throughput; the largest (40,000 broker consume) spans the full 520 px.
    expect(widths).toHaveLength(7);
    expect(Math.max(...widths)).toBe(520);
    expect(widths[1]).toBe(520);
    expect(widths[4]).toBeCloseTo((18_000 / 40_000) * 520, 0);
    expect(svg).toContain('>not built</text>');
  });

  it('draws p50/p95/p99 bars for rows with latency', () => {
    expect(svg).toContain('>p99 450 ms</text>');
    expect(svg.match(/>p50 /g)).toHaveLength(1);
  });

  it('renders the same rows to the same bytes', () => {
    expect(renderChart(report.rows, 'x')).toBe(renderChart(report.rows, 'x'));
  });
});

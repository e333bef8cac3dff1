import type { RowResult } from './bench-results.ts';
import { formatNumber } from './format.ts';

const WIDTH = 900;
const LABEL_WIDTH = 260;
const BAR_HEIGHT = 16;
const ROW_GAP = 6;
const VALUE_ROOM = 120;
const COLORS = {
  'broker-ceiling': '#9e9e9e',
  'client-ceiling': '#607d8b',
  stage: '#1e88e5',
  state: '#8e24aa',
  'end-to-end': '#43a047',
  p50: '#90caf9',
  p95: '#1e88e5',
  p99: '#0d47a1',
} as const;

/**
 * A self-contained SVG of the medians: throughput per row (ceilings grey, stages blue, state restores purple, end to end green,
 * unmeasured rows labelled) and, below, p50/p95/p99 latency of the rows that measure latency. Pure: the
 * same rows give the same bytes.
 */
export function renderChart(rows: readonly RowResult[], title: string): string {
  const parts: string[] = [];
  let y = 30;
  parts.push(text(10, 20, title, { size: 15, weight: 'bold' }));

  y += 10;
  parts.push(text(10, y, 'Throughput (median per second)', { size: 13, weight: 'bold' }));
  y += 10;
  const withThroughput = rows.filter(
    (row) => row.status !== 'measured' || row.median?.throughput !== undefined,
  );
  const maxThroughput = Math.max(1, ...withThroughput.map((row) => row.median?.throughput ?? 0));
  const scale = (WIDTH - LABEL_WIDTH - VALUE_ROOM) / maxThroughput;
  for (const row of withThroughput) {
    parts.push(text(LABEL_WIDTH - 8, y + BAR_HEIGHT - 4, row.info.title, { anchor: 'end' }));
    const value = row.median?.throughput;
    if (row.status === 'measured' && value !== undefined) {
      const width = Math.max(1, value * scale);
      parts.push(rect(LABEL_WIDTH, y, width, BAR_HEIGHT, COLORS[row.info.kind]));
      parts.push(
        text(LABEL_WIDTH + width + 6, y + BAR_HEIGHT - 4, `${formatNumber(value)} ${row.info.unit}`),
      );
    } else {
      parts.push(
        text(LABEL_WIDTH + 6, y + BAR_HEIGHT - 4, row.status === 'not-built' ? 'not built' : row.status, {
          fill: '#c62828',
        }),
      );
    }
    y += BAR_HEIGHT + ROW_GAP;
  }

  const withLatency = rows.filter((row) => row.median?.latencyMs !== undefined);
  if (withLatency.length > 0) {
    y += 20;
    parts.push(text(10, y, 'Latency (median of runs, ms): p50 / p95 / p99', { size: 13, weight: 'bold' }));
    y += 10;
    const maxLatency = Math.max(1, ...withLatency.map((row) => row.median?.latencyMs?.p99 ?? 0));
    const latencyScale = (WIDTH - LABEL_WIDTH - VALUE_ROOM) / maxLatency;
    const barHeight = BAR_HEIGHT / 2 + 2;
    for (const row of withLatency) {
      const latency = row.median?.latencyMs;
      if (latency === undefined) continue;
      parts.push(text(LABEL_WIDTH - 8, y + 2 * barHeight, row.info.title, { anchor: 'end' }));
      for (const key of ['p50', 'p95', 'p99'] as const) {
        const width = Math.max(1, latency[key] * latencyScale);
        parts.push(rect(LABEL_WIDTH, y, width, barHeight - 1, COLORS[key]));
        parts.push(
          text(LABEL_WIDTH + width + 6, y + barHeight - 2, `${key} ${formatNumber(latency[key])} ms`, {
            size: 10,
          }),
        );
        y += barHeight;
      }
      y += ROW_GAP * 2;
    }
  }
  y += 10;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${y}" viewBox="0 0 ${WIDTH} ${y}" font-family="sans-serif">`,
    `<rect width="${WIDTH}" height="${y}" fill="#ffffff"/>`,
    ...parts,
    '</svg>',
    '',
  ].join('\n');
}

function rect(x: number, y: number, width: number, height: number, fill: string): string {
  return `<rect x="${round(x)}" y="${round(y)}" width="${round(width)}" height="${round(height)}" fill="${fill}"/>`;
}

function text(
  x: number,
  y: number,
  content: string,
  style: { size?: number; weight?: string; anchor?: 'start' | 'end'; fill?: string } = {},
): string {
  const attributes = [
    `x="${round(x)}"`,
    `y="${round(y)}"`,
    `font-size="${style.size ?? 11}"`,
    ...(style.weight === undefined ? [] : [`font-weight="${style.weight}"`]),
    ...(style.anchor === undefined ? [] : [`text-anchor="${style.anchor}"`]),
    `fill="${style.fill ?? '#212121'}"`,
  ];
  return `<text ${attributes.join(' ')}>${escapeXml(content)}</text>`;
}

/** Escapes the five XML special characters. */
export function escapeXml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function round(value: number): string {
  return (Math.round(value * 10) / 10).toString();
}

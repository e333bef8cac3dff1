import { sumBy, sumOf, type MetricSample } from './prometheus-text.js';

/** What one scrape of a service gave: its samples, or why there are none. */
export type ServiceScrape =
  | { readonly service: string; readonly samples: readonly MetricSample[] }
  | { readonly service: string; readonly error: string };

/** Figures of one stage, from its /metrics. */
export interface StageFigures {
  readonly service: string;
  readonly up: boolean;
  /** Records (or source events) taken in. */
  readonly inbound: number;
  /** Records Kafka acknowledged on the stage's data topics (state, changelogs, checkpoints and DLQs left out). */
  readonly produced: number;
  readonly deadLettered: number;
  readonly lag: number;
  /** Stage-specific figures, e.g. `dedupe dropped`. */
  readonly extra: ReadonlyArray<readonly [string, number]>;
}

/** The one-screen summary of the pipeline. */
export interface PipelineSummary {
  readonly stages: readonly StageFigures[];
  /** Devices held by the sessionizer, by lifecycle status. */
  readonly devicesByStatus: ReadonlyMap<string, number>;
  /** Partner requests by `target status_class`. */
  readonly partnerCalls: ReadonlyMap<string, number>;
}

/** Builds the summary from one scrape of every service. */
export function summarizePipeline(scrapes: readonly ServiceScrape[]): PipelineSummary {
  const stages: StageFigures[] = [];
  let devicesByStatus = new Map<string, number>();
  const partnerCalls = new Map<string, number>();
  for (const scrape of scrapes) {
    if ('error' in scrape) {
      stages.push({
        service: scrape.service,
        up: false,
        inbound: 0,
        produced: 0,
        deadLettered: 0,
        lag: 0,
        extra: [],
      });
      continue;
    }
    const samples = scrape.samples;
    const sourceEvents =
      sumOf(samples, 'pushstream_rtds_events_total') + sumOf(samples, 'pushstream_webhook_events_total');
    stages.push({
      service: scrape.service,
      up: true,
      inbound: sumOf(samples, 'pushstream_records_consumed_total') + sourceEvents,
      produced: producedData(samples),
      deadLettered: sumOf(samples, 'pushstream_dead_lettered_total'),
      lag: sumOf(samples, 'pushstream_consumer_lag'),
      extra: stageExtras(samples),
    });
    const devices = sumBy(samples, 'pushstream_devices', 'status');
    if (devices.size > 0) devicesByStatus = devices;
    for (const sample of samples) {
      if (sample.name !== 'pushstream_partner_requests_total') continue;
      const key = `${sample.labels.target ?? '?'} ${sample.labels.status_class ?? '?'}`;
      partnerCalls.set(key, (partnerCalls.get(key) ?? 0) + sample.value);
    }
  }
  return { stages, devicesByStatus, partnerCalls };
}

// Internal topics: changelogs, acknowledgements, checkpoints and dead letters are not the stage's output.
const INTERNAL_TOPIC = /(normalizer-dedupe\.|open-sessions\.|sink-acks\.|connector-checkpoints\.|dlq\.)/;

function producedData(samples: readonly MetricSample[]): number {
  let total = 0;
  for (const sample of samples) {
    if (sample.name !== 'pushstream_records_produced_total') continue;
    if (!INTERNAL_TOPIC.test(sample.labels.topic ?? '')) total += sample.value;
  }
  return total;
}

const EXTRAS: ReadonlyArray<readonly [string, string]> = [
  ['rtds reconnects', 'pushstream_rtds_reconnects_total'],
  ['dedupe dropped', 'pushstream_dedupe_dropped_total'],
  ['sessions closed', 'pushstream_sessions_closed_total'],
  ['sessions open', 'pushstream_sessions_open'],
  ['calls skipped (in sync)', 'pushstream_sink_calls_skipped_total'],
  ['out of sync', 'pushstream_sink_devices_out_of_sync'],
];

function stageExtras(samples: readonly MetricSample[]): Array<readonly [string, number]> {
  const present = new Set(samples.map((sample) => sample.name));
  return EXTRAS.filter(([, metric]) => present.has(metric)).map(
    ([label, metric]) => [label, sumOf(samples, metric)] as const,
  );
}

const count = (value: number) => Math.round(value).toLocaleString('en-US');

/** Renders the summary as fixed-width lines for a terminal. */
export function renderSummary(summary: PipelineSummary, header: readonly string[] = []): string[] {
  const lines = [...header];
  lines.push(
    `${'stage'.padEnd(12)}${'in'.padStart(12)}${'out'.padStart(12)}${'dlq'.padStart(8)}${'lag'.padStart(10)}  notes`,
  );
  for (const stage of summary.stages) {
    if (!stage.up) {
      lines.push(`${stage.service.padEnd(12)}${'(no metrics yet)'.padStart(12)}`);
      continue;
    }
    const notes = stage.extra.map(([label, value]) => `${label} ${count(value)}`).join(', ');
    lines.push(
      `${stage.service.padEnd(12)}${count(stage.inbound).padStart(12)}${count(stage.produced).padStart(12)}` +
        `${count(stage.deadLettered).padStart(8)}${count(stage.lag).padStart(10)}  ${notes}`,
    );
  }
  const devices = [...summary.devicesByStatus].map(([status, n]) => `${status} ${count(n)}`).join('  ');
  lines.push('', `devices     ${devices === '' ? '(none yet)' : devices}`);
  const calls = [...summary.partnerCalls]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, n]) => `${key} ${count(n)}`)
    .join('  ');
  lines.push(`partners    ${calls === '' ? '(no calls yet)' : calls}`);
  return lines;
}

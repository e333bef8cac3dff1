import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_APPS, DEFAULT_PARTITIONS, createTraffic } from '@pushstream/schemas';

/** The records every throughput scenario uses, so ceilings and stages move the same bytes. */
export interface Workload {
  /** RTDS event lines as the connector writes them to the raw topic (the record values). */
  readonly lines: readonly string[];
  /** The device key of each line (`airship:<appKey>:<channel>`), as the connector keys it. */
  readonly keys: readonly string[];
  readonly averageBytes: number;
  /** Partitions of every benchmark topic: the topology's default. */
  readonly partitions: number;
  /** The lines, newline-separated, for ProducerPerformance's `--payload-file`. */
  readonly payloadFile: string;
  /** The Airship app key of the generated traffic. */
  readonly appKey: string;
}

const SAMPLE_LINES = 5000;

/** Generates a sample of the RTDS traffic the stages see and writes it as a payload file into `dir`. */
export function createWorkload(dir: string, devices: number): Workload {
  const app = DEFAULT_APPS[0];
  if (app === undefined) throw new Error('no default app in @pushstream/schemas');
  const traffic = createTraffic({
    seed: 'bench-workload',
    devices,
    rtds: { events: SAMPLE_LINES, appKey: app.airshipAppKey, duplicateRate: 0 },
  });
  const lines: string[] = [];
  const keys: string[] = [];
  for (const line of traffic.rtds.lines()) {
    if (line.trim() === '') continue;
    lines.push(line);
    keys.push(`airship:${app.airshipAppKey}:${channelOf(line) ?? `line-${lines.length}`}`);
  }
  const payloadFile = path.join(dir, 'rtds-payload.ndjson');
  writeFileSync(payloadFile, `${lines.join('\n')}\n`);
  const averageBytes = lines.reduce((sum, line) => sum + Buffer.byteLength(line), 0) / lines.length;
  return {
    lines,
    keys,
    averageBytes,
    partitions: DEFAULT_PARTITIONS,
    payloadFile,
    appKey: app.airshipAppKey,
  };
}

function channelOf(line: string): string | undefined {
  const parsed: unknown = JSON.parse(line);
  if (typeof parsed !== 'object' || parsed === null || !('device' in parsed)) return undefined;
  const device = parsed.device;
  if (typeof device !== 'object' || device === null || !('channel' in device)) return undefined;
  return typeof device.channel === 'string' ? device.channel : undefined;
}

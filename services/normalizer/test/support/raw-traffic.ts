import { createTraffic, type TrafficOptions } from '@pushstream/schemas';
import type { RawSource } from '../../src/core/raw-input.js';

/** What the generator knows about one raw record, for comparing the normalizer's output against. */
export interface RawTruth {
  /** The unique event's id: RTDS `id`, Segment `messageId`; for CM the generator's event key. */
  readonly truthId: string;
  readonly duplicate: boolean;
  readonly effect: 'install' | 'open' | 'unregister' | 'none';
  readonly deviceKey: string | undefined;
  readonly platform: string | undefined;
  readonly type: string;
}

/** A raw record exactly as the connector writes it: key, original bytes, lineage headers, arrival time. */
export interface GeneratedRawRecord {
  readonly source: RawSource;
  readonly key: string;
  readonly value: Buffer;
  readonly headers: Record<string, string>;
  /** Arrival time (the generator's delivery time, shifted so the latest arrival is `endMs`). */
  readonly timestampMs: number;
  readonly truth: RawTruth;
}

/** How much of each source to generate. */
export interface RawTrafficOptions {
  readonly seed: string | number;
  readonly devices?: number;
  readonly rtdsEvents?: number;
  readonly cmEvents?: number;
  readonly trackMessages?: number;
  /** Share of duplicates in every source. @default 0.1 */
  readonly duplicateRate?: number;
  /** Latest arrival time after shifting. @default now - 60 s */
  readonly endMs?: number;
  readonly appKey: string;
}

/**
 * Generated traffic of every source rendered into connector-style raw records (RTDS lines keyed
 * `airship:<appKey>:<channel>` with the RTDS headers; CM bodies keyed `cm:<appKey>:<installation>`; track
 * messages one per record, batch items with the batch envelope header), in arrival order per source.
 */
export function generateRawRecords(options: RawTrafficOptions): GeneratedRawRecord[] {
  const duplicateRate = options.duplicateRate ?? 0.1;
  const traffic: TrafficOptions = {
    seed: options.seed,
    devices: options.devices ?? 500,
    rtds: { events: options.rtdsEvents ?? 0, appKey: options.appKey, duplicateRate, keepaliveRate: 0 },
    cm: { events: options.cmEvents ?? 0, redeliveryRate: duplicateRate },
    track: { messages: options.trackMessages ?? 0, duplicateRate },
  };
  const generated = createTraffic(traffic);
  const records: GeneratedRawRecord[] = [];
  const lineage = (source: string, at: number) => ({
    'pushstream-source': source,
    'pushstream-received-at': new Date(at).toISOString(),
    'pushstream-connector-instance': 'test-connector',
  });
  if ((options.rtdsEvents ?? 0) > 0) {
    for (const record of generated.rtds.records()) {
      if (record.kind !== 'event') continue;
      const key = record.device?.deviceKey ?? `airship:${options.appKey}:event:${record.id}`;
      records.push({
        source: 'airship-rtds',
        key,
        value: Buffer.from(record.line),
        headers: {
          ...lineage('airship-rtds', record.timeMs),
          'pushstream-rtds-stream': `${options.appKey}:events:all`,
          'pushstream-rtds-offset': record.offset,
        },
        timestampMs: record.timeMs,
        truth: {
          truthId: record.id,
          duplicate: record.duplicate,
          effect: record.effect,
          deviceKey: record.device?.deviceKey,
          platform: record.device?.platform,
          type: record.type,
        },
      });
    }
  }
  if ((options.cmEvents ?? 0) > 0) {
    for (const record of generated.cm.records()) {
      records.push({
        source: 'cm-push',
        key: record.device.deviceKey,
        value: Buffer.from(record.body),
        headers: {
          ...lineage('cm-push', record.deliveredMs),
          'pushstream-source-id': record.device.appKey,
          'pushstream-event-type': record.type,
        },
        timestampMs: record.deliveredMs,
        truth: {
          truthId: record.key,
          duplicate: record.delivery > 0,
          effect: record.effect,
          deviceKey: record.device.deviceKey,
          platform: record.device.platform,
          type: record.type,
        },
      });
    }
  }
  if ((options.trackMessages ?? 0) > 0) {
    for (const request of generated.track.records()) {
      const body = JSON.parse(request.body) as Record<string, unknown>;
      const items: unknown[] = request.batch ? (body.batch as unknown[]) : [body];
      const envelope = request.batch ? JSON.stringify({ ...body, batch: [] }) : undefined;
      request.messages.forEach((message, index) => {
        records.push({
          source: 'track',
          key: message.device.deviceKey,
          value: Buffer.from(JSON.stringify(items[index])),
          headers: {
            ...lineage('track', request.sentAtMs),
            'pushstream-source-id': request.writeKey,
            'pushstream-event-type': message.kind,
            ...(envelope === undefined
              ? {}
              : {
                  'pushstream-batch-index': String(index),
                  'pushstream-batch-size': String(items.length),
                  'pushstream-batch-envelope': envelope,
                }),
          },
          timestampMs: request.sentAtMs,
          truth: {
            truthId: message.messageId,
            duplicate: message.duplicate,
            effect: message.effect,
            deviceKey: message.device.deviceKey,
            platform: message.device.platform,
            type: message.name,
          },
        });
      });
    }
  }
  const latest = records.reduce((max, record) => Math.max(max, record.timestampMs), 0);
  const shift = (options.endMs ?? Date.now() - 60_000) - latest;
  return records.map((record) => ({
    ...record,
    timestampMs: record.timestampMs + shift,
    headers: {
      ...record.headers,
      'pushstream-received-at': new Date(record.timestampMs + shift).toISOString(),
    },
  }));
}

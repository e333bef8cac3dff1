import { randomUUID } from 'node:crypto';
import type { Consumer, Kafka } from 'kafkajs';
import { avroType } from '@pushstream/schemas';
import { eventIdOf, type Emission } from './rtds-feeder.ts';

/** One latency: an event's emission and when a record carrying its id reached a consumer of a topic. */
export interface LatencySample {
  readonly step: number;
  /** Emission, epoch ms. */
  readonly emittedAt: number;
  readonly latencyMs: number;
}

/** Finds the emitted event id a record value refers to. */
export type EventIdOf = (value: Buffer) => string | undefined;

/** Bytes before the Avro body in the Confluent wire format: magic byte 0 + 4-byte schema id. */
const WIRE_HEADER = 5;

/** A raw RTDS record: the line itself, whose `id` is the event id. */
export const rawEventId: EventIdOf = (value) => eventIdOf(value.toString('utf8'));

/** An Avro record of the given type whose `field` holds the event id (`eventId`, `lastEventId`). */
export function avroEventId(record: 'DeviceEvent' | 'DeviceState', field: string): EventIdOf {
  const type = avroType(record);
  return (value) => {
    if (value.length <= WIRE_HEADER) return undefined;
    const decoded: unknown = type.fromBuffer(value.subarray(WIRE_HEADER));
    if (typeof decoded !== 'object' || decoded === null) return undefined;
    const id: unknown = (decoded as Record<string, unknown>)[field];
    return typeof id === 'string' ? id : undefined;
  };
}

/**
 * Reads a topic as a downstream consumer would (read_committed, short fetch wait) and turns every record
 * that refers to an emitted event into a latency sample: arrival here minus emission. An event counts once
 * (its first record); events that yield no record here (e.g. no state change) give no sample, which the
 * coverage figure shows.
 */
export class ArrivalReader {
  readonly samples: LatencySample[] = [];
  undecodable = 0;
  private readonly seen = new Set<string>();
  private readonly consumer: Consumer;
  private readonly emissions: ReadonlyMap<string, Emission>;
  private readonly topic: string;
  private readonly idOf: EventIdOf;

  constructor(
    kafka: Kafka,
    options: {
      topic: string;
      emissions: ReadonlyMap<string, Emission>;
      idOf: EventIdOf;
      groupPrefix: string;
    },
  ) {
    this.consumer = kafka.consumer({
      groupId: `${options.groupPrefix}e2e-reader-${randomUUID().slice(0, 8)}`,
      maxWaitTimeInMs: 50,
      readUncommitted: false,
    });
    this.emissions = options.emissions;
    this.topic = options.topic;
    this.idOf = options.idOf;
  }

  async start(): Promise<void> {
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: [this.topic], fromBeginning: true });
    await this.consumer.run({
      eachBatch: async ({ batch }) => {
        const arrivedAt = Date.now();
        for (const message of batch.messages) {
          if (message.value === null) continue;
          let id: string | undefined;
          try {
            id = this.idOf(message.value);
          } catch {
            this.undecodable += 1;
            continue;
          }
          if (id === undefined || this.seen.has(id)) continue;
          const emission = this.emissions.get(id);
          if (emission === undefined) continue;
          this.seen.add(id);
          this.samples.push({
            step: emission.step,
            emittedAt: emission.at,
            latencyMs: arrivedAt - emission.at,
          });
        }
        await Promise.resolve();
      },
    });
  }

  /** The samples of one load step. */
  samplesOf(step: number): LatencySample[] {
    return this.samples.filter((sample) => sample.step === step);
  }

  async stop(): Promise<void> {
    await this.consumer.disconnect();
  }
}

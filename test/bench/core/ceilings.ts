import type { CeilingKind, RowResult } from './bench-results.ts';

/** Row ids of the ceilings every stage is compared to. */
export const CEILING_ROWS = {
  brokerProduce: 'broker-produce',
  brokerConsume: 'broker-consume',
  clientProduce: 'client-produce',
  clientPassthrough: 'client-passthrough',
} as const;

/** Median throughputs of the ceilings measured in this run (undefined where not measured). */
export interface Ceilings {
  readonly client: Readonly<Record<CeilingKind, number | undefined>>;
  readonly broker: Readonly<Record<CeilingKind, number | undefined>>;
}

/**
 * Reads the ceilings from the measured rows. A passthrough both consumes and produces, so its broker
 * ceiling is the slower of Kafka's own producer and consumer tools; an ingest stage only produces.
 */
export function ceilingsOf(rows: readonly RowResult[]): Ceilings {
  const throughput = (id: string) => {
    const row = rows.find((candidate) => candidate.info.id === id);
    return row?.status === 'measured' ? row.median?.throughput : undefined;
  };
  const brokerProduce = throughput(CEILING_ROWS.brokerProduce);
  const brokerConsume = throughput(CEILING_ROWS.brokerConsume);
  return {
    client: {
      produce: throughput(CEILING_ROWS.clientProduce),
      passthrough: throughput(CEILING_ROWS.clientPassthrough),
    },
    broker: {
      produce: brokerProduce,
      passthrough:
        brokerProduce === undefined || brokerConsume === undefined
          ? undefined
          : Math.min(brokerProduce, brokerConsume),
    },
  };
}

/** `value / ceiling`, or undefined when either is missing or the ceiling is not positive. */
export function ratio(value: number | undefined, ceiling: number | undefined): number | undefined {
  if (value === undefined || ceiling === undefined || !(ceiling > 0)) return undefined;
  return value / ceiling;
}

/** Adds to each stage row its ratios against the client and broker ceilings of its kind. */
export function withRatios(rows: readonly RowResult[]): RowResult[] {
  const ceilings = ceilingsOf(rows);
  return rows.map((row) => {
    const kind = row.info.ceiling;
    if (kind === undefined || row.status !== 'measured') return row;
    const value = row.median?.throughput;
    const client = ratio(value, ceilings.client[kind]);
    const broker = ratio(value, ceilings.broker[kind]);
    return {
      ...row,
      ratios: { ...(client === undefined ? {} : { client }), ...(broker === undefined ? {} : { broker }) },
    };
  });
}

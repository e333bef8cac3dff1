/** Header names of a dead letter that the replay reads or strips (the runtime's HEADERS values). */
export interface DeadLetterHeaderNames {
  readonly errorCode: string;
  readonly errorMessage: string;
  readonly errorStage: string;
  readonly errorAt: string;
  readonly sourceTopic: string;
  readonly sourcePartition: string;
  readonly sourceOffset: string;
}

/** A dead letter as the replay sees it. */
export interface DeadLetter {
  readonly partition: number;
  readonly offset: string;
  readonly key: Buffer | null;
  readonly value: Buffer | null;
  readonly headers: Readonly<Record<string, Buffer | string | undefined>>;
}

/** What to do with one dead letter. */
export type ReplayDecision =
  | {
      readonly action: 'replay';
      readonly topic: string;
      /** The original partition, used only when the record has no key to place it by. */
      readonly partition: number | undefined;
      readonly key: Buffer | null;
      readonly value: Buffer | null;
      /** Original headers, without the dead-letter ones. */
      readonly headers: Record<string, Buffer | string>;
      readonly errorCode: string;
    }
  | { readonly action: 'skip'; readonly reason: string; readonly errorCode: string };

function text(value: Buffer | string | undefined): string | undefined {
  if (value === undefined) return undefined;
  return typeof value === 'string' ? value : value.toString('utf8');
}

/**
 * Decides the replay of one dead letter: back to the topic named by its source-topic header, with its
 * original key, value and headers (the dead-letter headers removed). Records without a source topic (the
 * connector's lines that never were in Kafka) cannot be replayed and are skipped with the reason.
 */
export function decideReplay(record: DeadLetter, names: DeadLetterHeaderNames): ReplayDecision {
  const errorCode = text(record.headers[names.errorCode]) ?? 'UNKNOWN';
  const topic = text(record.headers[names.sourceTopic])?.trim();
  if (topic === undefined || topic === '')
    return { action: 'skip', reason: `no ${names.sourceTopic} header`, errorCode };
  const dlqNames = new Set(Object.values(names));
  const headers: Record<string, Buffer | string> = {};
  for (const [name, value] of Object.entries(record.headers)) {
    if (value !== undefined && !dlqNames.has(name)) headers[name] = value;
  }
  const partitionText = text(record.headers[names.sourcePartition]);
  const partition =
    record.key === null && partitionText !== undefined && /^\d+$/.test(partitionText)
      ? Number(partitionText)
      : undefined;
  return { action: 'replay', topic, partition, key: record.key, value: record.value, headers, errorCode };
}

/** One line of a replay summary: records per target topic and error code. */
export interface ReplaySummaryRow {
  readonly target: string;
  readonly errorCode: string;
  readonly records: number;
}

/** Counts decisions per (target topic or `(skipped: reason)`, error code), sorted for stable output. */
export function summarizeReplay(decisions: readonly ReplayDecision[]): ReplaySummaryRow[] {
  const counts = new Map<string, ReplaySummaryRow>();
  for (const decision of decisions) {
    const target = decision.action === 'replay' ? decision.topic : `(skipped: ${decision.reason})`;
    const id = `${target}\u0000${decision.errorCode}`;
    const row = counts.get(id);
    counts.set(id, { target, errorCode: decision.errorCode, records: (row?.records ?? 0) + 1 });
  }
  return [...counts.values()].sort(
    (a, b) => a.target.localeCompare(b.target) || a.errorCode.localeCompare(b.errorCode),
  );
}

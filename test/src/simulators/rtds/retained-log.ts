import { readEventFields, type EventFields } from './event-fields.js';
import { withTopLevelString } from './top-level-field.js';

/** One retained event: its offset, the exact line served, and what routing reads from it. */
export interface LogEntry {
  readonly offset: string;
  readonly line: string;
  readonly fields: EventFields;
}

/**
 * Orders offsets the stream did not hand out itself (aged out, or skipped by OFFSET_UPDATE): a number to
 * compare, or undefined when the offset means nothing to this log. Offsets are opaque to clients; only the
 * server may order them.
 */
export type OffsetRank = (offset: string) => bigint | undefined;

/** Decimal offsets such as `"1000001778910"` are ordered numerically; anything else is opaque. */
export const decimalOffsetRank: OffsetRank = (offset) =>
  /^-?\d+$/.test(offset) ? BigInt(offset) : undefined;

/** Where a stream starts in the log, as an absolute index (`'unknown'` if the offset cannot be placed). */
export type LogPosition = number | 'unknown';

/** Settings of a retained log. */
export interface RetainedLogOptions {
  /** Offset given to the first line that has none, unless a larger decimal offset is already retained. */
  readonly firstOffset?: bigint;
  readonly rank?: OffsetRank;
  /** Clock for the `processed` time of duplicates. */
  readonly now?: () => number;
}

/**
 * The server's retained event log for one app and endpoint, in stream order. Lines keep their own `offset`;
 * a line without one gets the next server offset written into it. Blank keepalives and OFFSET_UPDATE lines
 * of a recorded stream are not events and are skipped (the server writes its own).
 */
export class RetainedLog {
  private readonly entries: LogEntry[] = [];
  private base = 0;
  private readonly byOffset = new Map<string, number>();
  private readonly listeners = new Set<() => void>();
  private nextOffset: bigint;
  private readonly rank: OffsetRank;
  private readonly now: () => number;

  constructor(options: RetainedLogOptions = {}) {
    this.nextOffset = options.firstOffset ?? 1_000_000_000_000n;
    this.rank = options.rank ?? decimalOffsetRank;
    this.now = options.now ?? Date.now;
  }

  /** Absolute index of the oldest retained event (grows as events expire). */
  get start(): number {
    return this.base;
  }

  /** Absolute index just past the newest event. */
  get end(): number {
    return this.base + this.entries.length;
  }

  /** The event at an absolute index, if retained. */
  at(index: number): LogEntry | undefined {
    return index < this.base ? undefined : this.entries[index - this.base];
  }

  /** Offsets of the retained events, oldest first. */
  offsets(): string[] {
    return this.entries.map((entry) => entry.offset);
  }

  /** Appends event lines (blank and OFFSET_UPDATE lines are skipped) and returns their offsets. */
  append(lines: Iterable<string>): string[] {
    const offsets: string[] = [];
    for (const raw of lines) {
      const line = raw.replace(/\r?\n$/, '');
      if (line.trim() === '') continue;
      if (line.includes('\n')) throw new SyntaxError('an NDJSON event line cannot contain a newline');
      const fields = readEventFields(line);
      if (fields.type === 'OFFSET_UPDATE') continue;
      const offset = fields.offset ?? this.mintOffset();
      const stored = fields.offset === undefined ? withTopLevelString(line, 'offset', offset) : line;
      offsets.push(this.push({ offset, line: stored, fields: { ...fields, offset } }));
    }
    if (offsets.length > 0) for (const listener of this.listeners) listener();
    return offsets;
  }

  /**
   * Appends a duplicate of a retained event, as RTDS sends them: the same line but a new `offset` and
   * `processed`. Returns the new offset.
   */
  duplicate(offset: string): string {
    const index = this.byOffset.get(offset);
    const original = index === undefined ? undefined : this.at(index);
    if (original === undefined) throw new RangeError(`no retained event has offset ${offset}`);
    const copyOffset = this.mintOffset();
    const processed = new Date(this.now()).toISOString();
    const line = withTopLevelString(
      withTopLevelString(original.line, 'offset', copyOffset),
      'processed',
      processed,
    );
    this.push({ offset: copyOffset, line, fields: { ...original.fields, offset: copyOffset } });
    for (const listener of this.listeners) listener();
    return copyOffset;
  }

  /** Drops the `count` oldest events, as the 7-day / 100 GB retention does. Returns how many went. */
  expire(count: number): number {
    const removed = this.entries.splice(0, Math.max(0, Math.min(count, this.entries.length)));
    for (const entry of removed) this.byOffset.delete(entry.offset);
    this.base += removed.length;
    return removed.length;
  }

  /**
   * Where a stream resuming after `offset` starts. The spec: "The first event in the stream will be the next
   * element satisfying the filter and subset conditions with an offset field greater than this value" — so
   * the event with that offset itself is not sent again unless `inclusive` (a quirk to test clients with).
   * An offset no longer (or never) retained is placed by its rank; an unrankable one is `'unknown'`.
   */
  resumePosition(offset: string, inclusive: boolean): LogPosition {
    const exact = this.byOffset.get(offset);
    if (exact !== undefined) return inclusive ? exact : exact + 1;
    const wanted = this.rank(offset);
    if (wanted === undefined) return 'unknown';
    for (let index = this.start; index < this.end; index++) {
      const rank = this.rank(this.at(index)?.offset ?? '');
      if (rank !== undefined && rank > wanted) return index;
    }
    return this.end;
  }

  /** Calls `listener` after every append; returns the unsubscribe function. */
  onAppend(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private push(entry: LogEntry): string {
    if (this.byOffset.has(entry.offset)) throw new RangeError(`offset ${entry.offset} is already in the log`);
    this.byOffset.set(entry.offset, this.end);
    this.entries.push(entry);
    const rank = this.rank(entry.offset);
    if (rank !== undefined && rank >= this.nextOffset) this.nextOffset = rank + 1n;
    return entry.offset;
  }

  private mintOffset(): string {
    while (this.byOffset.has(String(this.nextOffset))) this.nextOffset += 1n;
    const offset = String(this.nextOffset);
    this.nextOffset += 1n;
    return offset;
  }
}

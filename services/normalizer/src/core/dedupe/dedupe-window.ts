import { compactId } from './compact-id.js';

/** Settings of a dedupe window. */
export interface DedupeWindowOptions {
  /** How long an id is remembered, in arrival stream time (ms). */
  readonly windowMs: number;
  /** Most ids held; beyond it the oldest are forgotten first (counted as evicted). */
  readonly maxIds: number;
}

/** What a commit did to the window. */
export interface CommitOutcome {
  readonly remembered: number;
  readonly expired: number;
  readonly evicted: number;
}

/**
 * Estimated V8 heap bytes of one Map entry beyond its key string (entry slots, hash buckets at the
 * average load factor). Calibrated on Node 24 with `bench/normalizer.bench.ts`: the heap grows by 70–82
 * bytes per remembered id in total (key included) between 0.2 M and 1.5 M ids, as the table fills and
 * doubles; the estimate sits at 78.
 */
export const MAP_ENTRY_BYTES = 38;
/** V8 header of a sequential one-byte string (map, hash, length), before its characters. */
export const STRING_HEADER_BYTES = 16;

/** Estimated heap bytes of a key string of `length` one-byte characters (V8 rounds objects up to 8 bytes). */
export function keyStringBytes(length: number): number {
  return Math.ceil((STRING_HEADER_BYTES + length) / 8) * 8;
}

/**
 * The event ids of one input partition seen within the window, Kafka Streams style: time is the
 * partition's stream time — the largest arrival time (raw record timestamp) processed so far — so expiry
 * is deterministic when a partition is replayed. Changes are staged per transaction: an id becomes
 * remembered only by `commit()` (once its output is durable) and `abort()` forgets the staged ones, so
 * the memory always equals what the changelog holds. Memory is bounded by `maxIds` and reported per id.
 */
export class DedupeWindow {
  /** compact id → stream time (whole seconds: small integers V8 stores unboxed) at which it was remembered. */
  private readonly ids = new Map<string, number>();
  private readonly staged = new Map<string, number>();
  private streamTimeMs = Number.NEGATIVE_INFINITY;
  private stagedStreamTimeMs = Number.NEGATIVE_INFINITY;
  private keyBytes = 0;

  constructor(private readonly options: DedupeWindowOptions) {}

  /** Number of remembered ids. */
  get size(): number {
    return this.ids.size;
  }

  /** The partition's stream time, ms (−Infinity before any record). */
  get streamTime(): number {
    return Math.max(this.streamTimeMs, this.stagedStreamTimeMs);
  }

  /** Advances the staged stream time with a record's arrival time. */
  observe(arrivalMs: number): void {
    if (arrivalMs > this.stagedStreamTimeMs) this.stagedStreamTimeMs = arrivalMs;
  }

  /** True when `id` is remembered or staged in the open transaction. */
  has(id: string): boolean {
    const key = compactId(id);
    return this.staged.has(key) || this.ids.has(key);
  }

  /** Stages `id` in the open transaction; returns the stream time (ms) recorded for it. */
  stage(id: string): number {
    const at = this.streamTime;
    this.staged.set(compactId(id), Math.floor(at / 1000));
    return at;
  }

  /** The open transaction committed: its ids are remembered; ids past the window or the cap are forgotten. */
  commit(): CommitOutcome {
    const remembered = this.staged.size;
    for (const [key, seconds] of this.staged) this.put(key, seconds);
    this.staged.clear();
    this.streamTimeMs = this.streamTime;
    return { remembered, ...this.trim() };
  }

  /** The open transaction aborted: its ids and stream time are forgotten. */
  abort(): void {
    this.staged.clear();
    this.stagedStreamTimeMs = this.streamTimeMs;
  }

  /** Loads one changelog entry (restore); later entries of the same id win. */
  restore(id: string, rememberedAtMs: number): void {
    this.put(compactId(id), Math.floor(rememberedAtMs / 1000));
    if (rememberedAtMs > this.streamTimeMs) {
      this.streamTimeMs = rememberedAtMs;
      this.stagedStreamTimeMs = rememberedAtMs;
    }
  }

  /** After a restore: forgets what the window or the cap no longer holds. */
  finishRestore(): { expired: number; evicted: number } {
    return this.trim();
  }

  /** Estimated heap bytes per remembered id (0 when empty). */
  bytesPerId(): number {
    return this.ids.size === 0 ? 0 : this.keyBytes / this.ids.size + MAP_ENTRY_BYTES;
  }

  /** Estimated heap bytes of all remembered ids. */
  bytes(): number {
    return this.keyBytes + this.ids.size * MAP_ENTRY_BYTES;
  }

  private put(key: string, seconds: number): void {
    // Delete first so the entry moves to the end: the Map stays in remembered-time order for expiry.
    if (this.ids.delete(key)) this.keyBytes -= keyStringBytes(key.length);
    this.ids.set(key, seconds);
    this.keyBytes += keyStringBytes(key.length);
  }

  private trim(): { expired: number; evicted: number } {
    const cutoff = Math.floor((this.streamTimeMs - this.options.windowMs) / 1000);
    let expired = 0;
    let evicted = 0;
    for (const [key, seconds] of this.ids) {
      const over = this.ids.size > this.options.maxIds;
      if (seconds >= cutoff && !over) break;
      this.ids.delete(key);
      this.keyBytes -= keyStringBytes(key.length);
      if (seconds < cutoff) expired += 1;
      else evicted += 1;
    }
    return { expired, evicted };
  }
}

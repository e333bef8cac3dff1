/** When and in which load step an event was handed to the RTDS simulator. */
export interface Emission {
  /** Epoch milliseconds. */
  readonly at: number;
  readonly step: number;
}

/** The part of the RTDS simulator the feeder uses. */
export interface AppendTarget {
  append(lines: Iterable<string>): unknown;
}

/** What one paced feed emitted. */
export interface FeedResult {
  readonly sent: number;
  readonly seconds: number;
}

const TICK_MS = 10;
/** After a stall (event loop busy), catch up at most this much load at once. */
const MAX_BURST_SECONDS = 0.5;

/**
 * Appends generated RTDS lines to the simulator at a steady offered load, in 10 ms ticks. Each line's
 * `occurred` and `processed` are set to its emission time (so event time follows the wall clock, as for a
 * live stream) and its id is remembered with that time: the end-to-end reader looks the id up when it
 * shows up as a device state's `lastEventId`.
 */
export class RtdsFeeder {
  private readonly target: AppendTarget;
  private readonly source: Iterator<string>;
  readonly emissions = new Map<string, Emission>();
  /** Lines appended over every step so far. */
  totalSent = 0;
  private running: Promise<FeedResult> | undefined;
  private stopRequested = false;

  constructor(target: AppendTarget, source: Iterator<string>) {
    this.target = target;
    this.source = source;
  }

  /** Starts feeding `eventsPerSecond`, tagging emissions with `step`. */
  start(eventsPerSecond: number, step: number): void {
    if (this.running !== undefined) throw new Error('the feeder is already running');
    this.stopRequested = false;
    this.running = this.feed(eventsPerSecond, step);
  }

  /** Stops feeding; resolves with what was sent. */
  async stop(): Promise<FeedResult> {
    this.stopRequested = true;
    const result = await (this.running ?? Promise.resolve({ sent: 0, seconds: 0 }));
    this.running = undefined;
    return result;
  }

  private async feed(eventsPerSecond: number, step: number): Promise<FeedResult> {
    const started = Date.now();
    const burst = Math.ceil(eventsPerSecond * MAX_BURST_SECONDS);
    let sent = 0;
    // Load the feeder could not emit in time (its event loop was busy) is dropped, not owed: the result
    // then shows an emitted rate below the offered one, which marks the step as not sustained.
    let dropped = 0;
    while (!this.stopRequested) {
      const now = Date.now();
      let due = Math.floor((eventsPerSecond * (now - started)) / 1000) - dropped - sent;
      if (due > burst) {
        dropped += due - burst;
        due = burst;
      }
      if (due > 0) {
        const stamp = new Date(now).toISOString();
        const lines: string[] = [];
        while (lines.length < due) {
          const next = this.source.next();
          if (next.done === true) throw new Error('the traffic generator ran dry');
          if (next.value.trim() === '') continue;
          const line = liveLine(next.value, stamp);
          const id = eventIdOf(line);
          if (id !== undefined) this.emissions.set(id, { at: now, step });
          lines.push(line);
        }
        this.target.append(lines);
        sent += lines.length;
        this.totalSent += lines.length;
      }
      await new Promise((resolve) => setTimeout(resolve, TICK_MS));
    }
    return { sent, seconds: (Date.now() - started) / 1000 };
  }
}

/** Sets the top-level `occurred` and `processed` of an RTDS line (the first occurrences) to `stamp`. */
export function liveLine(line: string, stamp: string): string {
  return line
    .replace(/"occurred":"[^"]*"/, `"occurred":"${stamp}"`)
    .replace(/"processed":"[^"]*"/, `"processed":"${stamp}"`);
}

/** The `id` of an RTDS line (the generator writes it first; other layouts are parsed). */
export function eventIdOf(line: string): string | undefined {
  const match = /^\{"id":"([^"]+)"/.exec(line);
  if (match?.[1] !== undefined) return match[1];
  try {
    const parsed: unknown = JSON.parse(line);
    return typeof parsed === 'object' && parsed !== null && 'id' in parsed && typeof parsed.id === 'string'
      ? parsed.id
      : undefined;
  } catch {
    return undefined;
  }
}

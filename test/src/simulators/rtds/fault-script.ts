/**
 * Answer one request with an error status instead of a stream (e.g. 429 with `Retry-After`, 500, 503,
 * or 402 / 404 on purpose). The body is the error envelope.
 */
export interface StatusFault {
  readonly kind: 'status';
  readonly status: number;
  /** `Retry-After` value (seconds or an HTTP date). */
  readonly retryAfter?: number | string;
  readonly headers?: Readonly<Record<string, string>>;
  /** The 1-based request number it applies to; unset = the next request. */
  readonly at?: number;
}

/**
 * Cut a stream: after `afterEvents` event lines (then optionally half of the next line, `midLine`), or
 * after `afterBytes` bytes on the wire (compressed bytes under gzip — so usually mid-line and mid-frame).
 * `how: 'destroy'` (default) drops the socket without ending the chunked body; `'end'` ends the response
 * cleanly, which a stream should never do but a proxy might.
 */
export interface DisconnectFault {
  readonly kind: 'disconnect';
  readonly afterEvents?: number;
  readonly afterBytes?: number;
  readonly midLine?: boolean;
  readonly how?: 'destroy' | 'end';
  readonly at?: number;
}

/** Go silent — no events, no keepalives — for `durationMs` (Infinity: a half-open socket) after `afterEvents`. */
export interface StallFault {
  readonly kind: 'stall';
  readonly afterEvents?: number;
  readonly durationMs: number;
  readonly at?: number;
}

/** A scripted fault. */
export type RtdsFault = StatusFault | DisconnectFault | StallFault;

/** Faults that act on a served stream. */
export type StreamFault = DisconnectFault | StallFault;

/**
 * Hands scripted faults to requests. A fault with `at` waits for that request number. Without `at`, a status
 * fault goes to the next request, and the stream faults of one `script(...)` call go together to the next
 * request that is served a stream.
 */
export class FaultScript {
  private readonly statusQueue: StatusFault[] = [];
  private readonly streamPlans: StreamFault[][] = [];
  private readonly pinned: RtdsFault[] = [];

  /** Queues the faults of one script call. */
  add(faults: readonly RtdsFault[]): void {
    const plan: StreamFault[] = [];
    for (const fault of faults) {
      if (fault.at !== undefined) this.pinned.push(fault);
      else if (fault.kind === 'status') this.statusQueue.push(fault);
      else plan.push(fault);
    }
    if (plan.length > 0) this.streamPlans.push(plan);
  }

  /** The status fault for request `index`, if any (pinned first). */
  takeStatus(index: number): StatusFault | undefined {
    const pinned = this.takePinned(index, 'status');
    if (pinned.length > 0) return pinned[0] as StatusFault;
    return this.statusQueue.shift();
  }

  /** The stream faults for request `index`, which is about to be served a stream. */
  takeStream(index: number): StreamFault[] {
    const pinned = this.takePinned(index, 'stream') as StreamFault[];
    return pinned.length > 0 ? pinned : (this.streamPlans.shift() ?? []);
  }

  /** Drops every fault not yet applied. */
  clear(): void {
    this.statusQueue.length = 0;
    this.streamPlans.length = 0;
    this.pinned.length = 0;
  }

  private takePinned(index: number, group: 'status' | 'stream'): RtdsFault[] {
    const taken: RtdsFault[] = [];
    for (let i = this.pinned.length - 1; i >= 0; i--) {
      const fault = this.pinned[i];
      if (fault?.at === index && (fault.kind === 'status') === (group === 'status')) {
        taken.unshift(fault);
        this.pinned.splice(i, 1);
      }
    }
    return taken;
  }
}

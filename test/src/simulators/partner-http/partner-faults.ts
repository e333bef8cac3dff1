/**
 * An injected fault: an error status (with an optional `Retry-After`), a timeout (no answer; with
 * `afterApply` the request takes effect first, as a partner that processed it but whose answer was
 * lost), or a connection reset before anything happens.
 */
export type PartnerFault =
  | { readonly kind: 'status'; readonly status: number; readonly retryAfter?: number }
  | { readonly kind: 'timeout'; readonly afterApply?: boolean }
  | { readonly kind: 'reset' };

/** Random faults on a share of requests, drawn from a seeded sequence so a run can be repeated. */
export interface RandomFaults {
  /** Share of requests that get a fault (0..1). */
  readonly rate: number;
  /** Faults to draw from, evenly. */
  readonly kinds: readonly PartnerFault[];
  /** Seed of the sequence. @default 1 */
  readonly seed?: number;
}

/** Scripted faults first (in order), then random ones. */
export class FaultPlan {
  private readonly scripted: PartnerFault[] = [];
  private random: RandomFaults | undefined;
  private state: number;

  constructor(random?: RandomFaults) {
    this.random = random;
    this.state = (random?.seed ?? 1) >>> 0 || 1;
  }

  /** Queues faults for the next requests. */
  script(faults: readonly PartnerFault[]): void {
    this.scripted.push(...faults);
  }

  /** Replaces (or with undefined, stops) the random faults. */
  setRandom(random: RandomFaults | undefined): void {
    this.random = random;
    if (random?.seed !== undefined) this.state = random.seed >>> 0 || 1;
  }

  /** The fault for the next request, if any. */
  next(): PartnerFault | undefined {
    const scripted = this.scripted.shift();
    if (scripted !== undefined) return scripted;
    const random = this.random;
    if (random === undefined || random.kinds.length === 0) return undefined;
    if (this.draw() >= random.rate) return undefined;
    return random.kinds[Math.floor(this.draw() * random.kinds.length)];
  }

  /** xorshift32 in [0, 1). */
  private draw(): number {
    let x = this.state;
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    this.state = x;
    return x / 0x1_0000_0000;
  }
}

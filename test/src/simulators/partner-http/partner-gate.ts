import type { ServerResponse } from 'node:http';
import { hang } from './http-io.js';
import { FaultPlan, type PartnerFault, type RandomFaults } from './partner-faults.js';
import { SimTokenBucket } from './sim-token-bucket.js';

/** How a partner simulator's gate stopped a request, for its request log. */
export type GateStop =
  | { readonly status: number; readonly refusedBy: 'rate-limit' | 'fault' }
  | { readonly status: 'reset' | 'timeout'; readonly refusedBy: 'fault' };

/** What the gate needs from the simulator for one request. */
export interface GateRequest {
  readonly res: ServerResponse;
  /** Answers with the partner's status, body and extra headers (and logs the request). */
  answer(status: number, payload: unknown, stop: GateStop, headers: Record<string, string>): void;
  /** Logs a request the gate left without an answer (reset, or hanging until the client times out). */
  dropped(stop: GateStop): void;
}

/** Settings of a partner's gate. */
export interface PartnerGateOptions {
  /** Token bucket of the partner's documented rate limit. */
  readonly rateLimit: { readonly perSecond: number; readonly burst: number };
  /** `Retry-After` seconds on rate-limit 429s; none when undefined. */
  readonly retryAfterSeconds: number | undefined;
  readonly faults: RandomFaults | undefined;
  /** How long a timed-out request hangs before the connection is dropped. */
  readonly hangMs: number;
  readonly now: () => number;
  /** The partner's body of its rate limiter's 429. */
  readonly rateLimitBody: () => unknown;
  /** The partner's body of an injected error status. */
  readonly faultBody: (status: number) => unknown;
}

/**
 * What every partner simulator does to a request before its own routes see it: the partner's rate limit
 * (429 beyond it, counted; nothing queued), then the injected faults (an error status, a reset, or a
 * timeout — before or after the request takes effect). Bodies and headers stay the partner's own.
 */
export class PartnerGate {
  /** 429s of the rate limiter (a client within the limit causes none). */
  rateLimited = 0;
  faultsInjected = 0;
  private readonly bucket: SimTokenBucket;
  private readonly faults: FaultPlan;

  constructor(private readonly options: PartnerGateOptions) {
    this.bucket = new SimTokenBucket(options.rateLimit.perSecond, options.rateLimit.burst, options.now());
    this.faults = new FaultPlan(options.faults);
  }

  /** Queues faults for the next requests. */
  script(faults: readonly PartnerFault[]): void {
    this.faults.script(faults);
  }

  /** Replaces (or with undefined, stops) the random faults. */
  setFaults(faults: RandomFaults | undefined): void {
    this.faults.setRandom(faults);
  }

  /**
   * Lets a request through, or stops it (answered or dropped through `request`). Returns undefined when
   * stopped; else whether the request must time out after it took effect.
   */
  admit(request: GateRequest): { readonly timeoutAfterApply: boolean } | undefined {
    const { options } = this;
    if (!this.bucket.tryTake(options.now())) {
      this.rateLimited += 1;
      request.answer(
        429,
        options.rateLimitBody(),
        { status: 429, refusedBy: 'rate-limit' },
        retryAfter(options.retryAfterSeconds),
      );
      return undefined;
    }
    const fault = this.faults.next();
    if (fault === undefined) return { timeoutAfterApply: false };
    this.faultsInjected += 1;
    if (fault.kind === 'status') {
      request.answer(
        fault.status,
        options.faultBody(fault.status),
        { status: fault.status, refusedBy: 'fault' },
        retryAfter(fault.retryAfter),
      );
      return undefined;
    }
    if (fault.kind === 'reset') {
      request.dropped({ status: 'reset', refusedBy: 'fault' });
      request.res.destroy();
      return undefined;
    }
    if (fault.afterApply === true) return { timeoutAfterApply: true };
    request.dropped({ status: 'timeout', refusedBy: 'fault' });
    hang(request.res, options.hangMs);
    return undefined;
  }
}

function retryAfter(seconds: number | undefined): Record<string, string> {
  return seconds === undefined ? {} : { 'retry-after': String(seconds) };
}

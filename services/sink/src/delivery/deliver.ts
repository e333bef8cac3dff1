import { mayRetry, retryDelayMs, type RetryPolicy } from '../core/backoff.js';
import type { PartnerVerdict } from '../core/partner-verdict.js';
import { abortableSleep } from './abortable-sleep.js';
import type { AuthGate } from './auth-gate.js';

/** Verdicts the caller of `deliver` decides about itself. */
export type FinalVerdict = Exclude<PartnerVerdict, { kind: 'ok' | 'retry' | 'halt' }>;

/** How one delivery ended. */
export type DeliveryOutcome =
  | { readonly kind: 'ok' }
  | { readonly kind: 'final'; readonly verdict: FinalVerdict }
  | {
      readonly kind: 'exhausted';
      readonly reason: 'rate-limited' | 'unavailable';
      readonly detail: string;
      readonly attempts: number;
    };

/** What `deliver` needs besides the attempt. */
export interface DeliveryContext {
  readonly policy: RetryPolicy;
  readonly gate: AuthGate;
  readonly signal: AbortSignal;
  /** Wait between probes while the credentials are rejected, ms. */
  readonly authRetryMs: number;
  /** Re-reads credentials before a probe (config reload). */
  readonly reloadCredentials: () => void;
  readonly onRetry: (verdict: PartnerVerdict, attempt: number, delayMs: number) => void;
  readonly random?: () => number;
  readonly now?: () => number;
}

/**
 * Runs `attempt` until the partner gives a final answer, in place (the device's later updates wait, so
 * order holds): 429/5xx/timeouts back off with full jitter or `Retry-After` until the policy's attempts or
 * time run out; a credentials rejection halts the gate and this call waits — probing every
 * `authRetryMs` with reloaded credentials if it is the prober — without using up attempts.
 */
export async function deliver(
  attempt: () => Promise<PartnerVerdict>,
  context: DeliveryContext,
): Promise<DeliveryOutcome> {
  const now = context.now ?? Date.now;
  const random = context.random ?? Math.random;
  const { gate, signal } = context;
  const firstAt = now();
  let attempts = 0;
  let probing = false;
  const probe = async () => {
    await abortableSleep(context.authRetryMs, signal);
    context.reloadCredentials();
  };
  try {
    for (;;) {
      if (gate.isHalted && !probing) {
        if (!gate.claimProbe()) {
          await gate.waitUntilOpen(signal);
          continue;
        }
        probing = true;
        await probe();
      }
      const verdict = await attempt();
      if (verdict.kind === 'halt') {
        gate.halt(verdict.detail);
        if (probing) await probe();
        continue;
      }
      if (verdict.kind !== 'retry') {
        // Any answer other than a credentials rejection proves the credentials work.
        gate.open();
        probing = false;
        if (verdict.kind === 'ok') return { kind: 'ok' };
        return { kind: 'final', verdict };
      }
      attempts += 1;
      if (!mayRetry(context.policy, attempts, firstAt, now())) {
        return { kind: 'exhausted', reason: verdict.reason, detail: verdict.detail, attempts };
      }
      const delayMs = retryDelayMs(context.policy, attempts, random(), verdict.retryAfterMs);
      context.onRetry(verdict, attempts, delayMs);
      await abortableSleep(delayMs, signal);
    }
  } finally {
    if (probing) gate.releaseProbe();
  }
}

import type { Prng } from '../prng.js';
import type { ResolvedTrafficOptions } from '../resolve-options.js';
import { ResendMerger } from '../resend-merger.js';
import type { ItemSource } from '../timeline-queue.js';
import type { CmDraft, CmRequestRecord } from './cm-records.js';

/** A body waiting for one of its deliveries (0 is the first). */
export interface QueuedCmDelivery {
  readonly draft: CmDraft;
  readonly delivery: number;
}

/**
 * Delivers bodies the way CM.com does: one event per POST; a share of bodies is delivered again, the same
 * bytes, one to `maxRedeliveries` times at growing delays (CM retries when it saw no 2xx, and a timeout may
 * count as delivered). After the unique-event budget only the pending redeliveries are sent.
 */
export function* writeCmRequests(
  firsts: ItemSource<QueuedCmDelivery>,
  options: ResolvedTrafficOptions['cm'],
  rng: Prng,
): Generator<CmRequestRecord, void> {
  const queue = new ResendMerger(firsts, options.events);
  let index = 0;
  for (;;) {
    const next = queue.next();
    if (next === undefined) return;
    const { time, item } = next;
    yield { ...item.draft, index: index++, delivery: item.delivery, deliveredMs: time };
    if (item.delivery === 0 && options.maxRedeliveries > 0 && rng.chance(options.redeliveryRate)) {
      const count = rng.int(1, options.maxRedeliveries);
      let at = time;
      for (let delivery = 1; delivery <= count; delivery++) {
        at += Math.max(1, rng.int(options.redeliveryDelayMs.min, options.redeliveryDelayMs.max));
        queue.resend(at, { draft: item.draft, delivery });
      }
    }
  }
}

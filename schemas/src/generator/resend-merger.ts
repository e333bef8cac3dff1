import { MinHeap } from './min-heap.js';
import type { ItemSource, Scheduled } from './timeline-queue.js';

/**
 * Merges first-time items, cut off after `budget` of them, with copies sent again later (duplicates,
 * redeliveries, retries), in time order. Copies still pending when the budget is reached are drained
 * after it, so the configured duplicate rate holds however short the run.
 */
export class ResendMerger<Item> {
  private readonly resends = new MinHeap<Item>();
  private taken = 0;

  constructor(
    private readonly firsts: ItemSource<Item>,
    private readonly budget: number,
  ) {}

  /** Queues a copy to be sent at `time` (after the item it copies). */
  resend(time: number, item: Item): void {
    this.resends.push(time, item);
  }

  /** The next item, first-time or copy; `undefined` when both are exhausted. */
  next(): (Scheduled<Item> & { readonly resent: boolean }) | undefined {
    const firstTime = this.taken < this.budget ? this.firsts.peekTime() : undefined;
    const resendTime = this.resends.peek()?.time;
    if (resendTime !== undefined && (firstTime === undefined || resendTime < firstTime)) {
      const copy = this.resends.pop();
      return copy === undefined ? undefined : { time: copy.time, item: copy.value, resent: true };
    }
    if (firstTime === undefined) return undefined;
    const first = this.firsts.next();
    if (first === undefined) return undefined;
    this.taken += 1;
    return { ...first, resent: false };
  }
}

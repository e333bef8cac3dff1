import { MinHeap } from './min-heap.js';

/** Something that happens at `at` (epoch ms): a step of a device's script, a campaign send. */
export interface Timed {
  readonly at: number;
}

/** One independent timeline (a device, an app's campaigns): its steps in time order, and its context. */
export interface Lane<Context, Step extends Timed> {
  readonly context: Context;
  readonly steps: Iterator<Step, unknown>;
}

/** An output item and the time it leaves the queue (delivery or processing time). */
export interface Scheduled<Item> {
  readonly time: number;
  readonly item: Item;
}

/** A time-ordered source of items. */
export interface ItemSource<Item> {
  /** The time of the next item, or `undefined` when there is none. */
  peekTime(): number | undefined;
  /** Takes the next item. */
  next(): Scheduled<Item> | undefined;
}

type Entry<Context, Step extends Timed, Item> =
  | { readonly kind: 'lane'; readonly lane: Lane<Context, Step>; readonly step: Step }
  | { readonly kind: 'item'; readonly item: Item };

/**
 * Merges many lazily generated timelines into one time-ordered stream of items. Each lane's next step is
 * expanded (by `render`) only when the merged clock reaches it, so memory holds one pending step per lane
 * plus the items not yet due — late items (a CLOSE processed days after it occurred) wait in the heap
 * and come out in their turn. Items are never due before the step that made them.
 */
export class TimelineQueue<Context, Step extends Timed, Item> implements ItemSource<Item> {
  private readonly heap = new MinHeap<Entry<Context, Step, Item>>();

  constructor(
    lanes: Iterable<Lane<Context, Step>>,
    private readonly render: (
      step: Step,
      context: Context,
      schedule: (time: number, item: Item) => void,
    ) => void,
  ) {
    for (const lane of lanes) this.advance(lane, Number.NEGATIVE_INFINITY);
  }

  peekTime(): number | undefined {
    for (;;) {
      const top = this.heap.peek();
      if (top === undefined) return undefined;
      if (top.value.kind === 'item') return top.time;
      this.heap.pop();
      this.expand(top.time, top.value.lane, top.value.step);
    }
  }

  next(): Scheduled<Item> | undefined {
    for (;;) {
      const entry = this.heap.pop();
      if (entry === undefined) return undefined;
      const value = entry.value;
      if (value.kind === 'item') return { time: entry.time, item: value.item };
      this.expand(entry.time, value.lane, value.step);
    }
  }

  private expand(stepTime: number, lane: Lane<Context, Step>, step: Step): void {
    this.render(step, lane.context, (time, item) => {
      this.heap.push(Math.max(time, stepTime), { kind: 'item', item });
    });
    this.advance(lane, stepTime);
  }

  private advance(lane: Lane<Context, Step>, notBefore: number): void {
    const next = lane.steps.next();
    if (next.done === true) return;
    this.heap.push(Math.max(next.value.at, notBefore), { kind: 'lane', lane, step: next.value });
  }
}

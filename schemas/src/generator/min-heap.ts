interface HeapEntry<T> {
  readonly time: number;
  readonly order: number;
  readonly value: T;
}

/**
 * A binary min-heap on (time, insertion order). Equal times come out in insertion order, which keeps the
 * generated traffic deterministic where a plain heap would order ties arbitrarily.
 */
export class MinHeap<T> {
  private readonly entries: HeapEntry<T>[] = [];
  private inserted = 0;

  /** How many values are queued. */
  get size(): number {
    return this.entries.length;
  }

  /** The earliest value with its time, left in place; `undefined` when empty. */
  peek(): { readonly time: number; readonly value: T } | undefined {
    return this.entries[0];
  }

  /** Queues `value` at `time`. */
  push(time: number, value: T): void {
    const entries = this.entries;
    let index = entries.length;
    const entry: HeapEntry<T> = { time, order: this.inserted++, value };
    entries.push(entry);
    while (index > 0) {
      const parentIndex = (index - 1) >> 1;
      const parent = entries[parentIndex];
      if (parent === undefined || !before(entry, parent)) break;
      entries[index] = parent;
      index = parentIndex;
    }
    entries[index] = entry;
  }

  /** Removes and returns the earliest value with its time, or `undefined` when empty. */
  pop(): { readonly time: number; readonly value: T } | undefined {
    const entries = this.entries;
    const top = entries[0];
    const last = entries.pop();
    if (top === undefined || last === undefined) return undefined;
    if (entries.length === 0) return top;
    let index = 0;
    const length = entries.length;
    for (;;) {
      const left = 2 * index + 1;
      if (left >= length) break;
      const right = left + 1;
      const leftEntry = entries[left];
      const rightEntry = entries[right];
      if (leftEntry === undefined) break;
      const child = rightEntry !== undefined && before(rightEntry, leftEntry) ? right : left;
      const childEntry = child === right ? rightEntry : leftEntry;
      if (childEntry === undefined || !before(childEntry, last)) break;
      entries[index] = childEntry;
      index = child;
    }
    entries[index] = last;
    return top;
  }
}

function before<T>(a: HeapEntry<T>, b: HeapEntry<T>): boolean {
  return a.time < b.time || (a.time === b.time && a.order < b.order);
}

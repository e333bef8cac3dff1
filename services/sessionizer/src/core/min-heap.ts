/** A binary min-heap of items ordered by a numeric priority. */
export class MinHeap<T> {
  private readonly items: { priority: number; item: T }[] = [];

  /** Number of entries. */
  get size(): number {
    return this.items.length;
  }

  /** Adds an item. */
  push(priority: number, item: T): void {
    const items = this.items;
    items.push({ priority, item });
    let index = items.length - 1;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      const up = items[parent];
      const here = items[index];
      if (up === undefined || here === undefined || up.priority <= here.priority) break;
      items[parent] = here;
      items[index] = up;
      index = parent;
    }
  }

  /** The smallest priority, or undefined when empty. */
  peekPriority(): number | undefined {
    return this.items[0]?.priority;
  }

  /** Removes and returns the entry of the smallest priority. */
  pop(): { priority: number; item: T } | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (top === undefined || last === undefined || items.length === 0) return top;
    items[0] = last;
    let index = 0;
    for (;;) {
      const left = 2 * index + 1;
      const right = left + 1;
      let smallest = index;
      if ((items[left]?.priority ?? Infinity) < (items[smallest]?.priority ?? Infinity)) smallest = left;
      if ((items[right]?.priority ?? Infinity) < (items[smallest]?.priority ?? Infinity)) smallest = right;
      if (smallest === index) break;
      const a = items[index];
      const b = items[smallest];
      if (a === undefined || b === undefined) break;
      items[index] = b;
      items[smallest] = a;
      index = smallest;
    }
    return top;
  }
}

/**
 * Counts simultaneous streams against the limit behind RTDS's `402` ("Real-Time Data Streaming supports a
 * limited number of simultaneous connections"). A slot can stay taken for a while after its stream ends,
 * like a server that notices a client's close late — the trap of a client that reconnects at once.
 */
export class ConnectionSlots {
  private taken = 0;
  private readonly lingering = new Set<NodeJS.Timeout>();

  constructor(private readonly limit: number) {}

  /** Slots taken now, lingering ones included. */
  get active(): number {
    return this.taken;
  }

  /** Takes a slot, or returns false when all are taken. */
  tryAcquire(): boolean {
    if (this.taken >= this.limit) return false;
    this.taken++;
    return true;
  }

  /** Gives a slot back after `lingerMs`. */
  release(lingerMs: number): void {
    if (lingerMs <= 0) {
      this.taken--;
      return;
    }
    const timer = setTimeout(() => {
      this.lingering.delete(timer);
      this.taken--;
    }, lingerMs);
    timer.unref();
    this.lingering.add(timer);
  }

  /** Forgets lingering slots (shutdown). */
  clear(): void {
    for (const timer of this.lingering) clearTimeout(timer);
    this.lingering.clear();
  }
}

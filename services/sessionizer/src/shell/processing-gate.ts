/**
 * Serializes the wall-clock sweeps with record processing. The consumer loop builds a chunk (handler
 * calls that change partition state), then produces its outputs and commits; a sweep that ran in between
 * would write records derived from state whose input is not yet durable, and could reorder writes of one
 * device. The handler opens a chunk, the producer's successful send closes it, and a sweep runs only while
 * no chunk is open (and holds chunks back while it runs).
 */
export class ProcessingGate {
  private chunkOpen = false;
  private sweeping = false;
  private waiters: (() => void)[] = [];

  /** Called by the handler before it changes state; waits for a running sweep to finish. */
  async enterChunk(): Promise<void> {
    while (this.sweeping) await this.wait();
    this.chunkOpen = true;
  }

  /** Called once a chunk's outputs are acknowledged (or the chunk was abandoned by a rebalance). */
  closeChunk(): void {
    this.chunkOpen = false;
    this.release();
  }

  /** Runs `task` between chunks, holding the next chunk back until it is done. */
  async exclusive<T>(task: () => Promise<T>): Promise<T> {
    while (this.chunkOpen || this.sweeping) await this.wait();
    this.sweeping = true;
    try {
      return await task();
    } finally {
      this.sweeping = false;
      this.release();
    }
  }

  private wait(): Promise<void> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private release(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve();
  }
}

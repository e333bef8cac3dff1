import { stoppingError } from './abortable-sleep.js';

/**
 * Open while the partner accepts our credentials. A 401/403 (or an Infobip app-code error) halts it:
 * every other call waits instead of failing, one caller probes slowly until an answer proves the
 * credentials again, and the hooks pause/resume consumption and raise/clear the alert.
 */
export class AuthGate {
  private halted = false;
  private probing = false;
  private waiters: (() => void)[] = [];

  constructor(
    private readonly hooks: { onHalt(detail: string): void; onOpen(): void } = {
      onHalt: () => undefined,
      onOpen: () => undefined,
    },
  ) {}

  /** True while halted. */
  get isHalted(): boolean {
    return this.halted;
  }

  /** Halts (once; later calls while halted do nothing). */
  halt(detail: string): void {
    if (this.halted) return;
    this.halted = true;
    this.hooks.onHalt(detail);
  }

  /** Makes the caller the one prober; false when another caller already probes. */
  claimProbe(): boolean {
    if (this.probing) return false;
    this.probing = true;
    return true;
  }

  /** The prober gives up its role (it stopped or gave up): waiters wake and one of them takes over. */
  releaseProbe(): void {
    if (!this.probing) return;
    this.probing = false;
    this.wakeAll();
  }

  /** Opens the gate and wakes every waiter. */
  open(): void {
    this.probing = false;
    if (!this.halted) return;
    this.halted = false;
    this.wakeAll();
    this.hooks.onOpen();
  }

  /**
   * Resolves at once when open, else when the gate opens or its prober gives up (check again); rejects
   * when `signal` aborts.
   */
  waitUntilOpen(signal: AbortSignal): Promise<void> {
    if (!this.halted) return Promise.resolve();
    if (signal.aborted) return Promise.reject(stoppingError());
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        this.waiters = this.waiters.filter((waiter) => waiter !== wake);
        reject(stoppingError());
      };
      const wake = () => {
        signal.removeEventListener('abort', onAbort);
        resolve();
      };
      this.waiters.push(wake);
      signal.addEventListener('abort', onAbort, { once: true });
    });
  }

  private wakeAll(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }
}

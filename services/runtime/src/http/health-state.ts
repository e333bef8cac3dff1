/**
 * What /healthz and /readyz report. Liveness fails only when the service cannot recover by itself (its
 * consumer crashed for good, its loop stopped ticking); readiness also fails while starting, while no
 * partitions are assigned yet, and from the moment shutdown begins.
 */
export class HealthState {
  private alive = true;
  private deadReason = '';
  private readonly notReadyReasons = new Map<string, string>();

  constructor(initialNotReady: Record<string, string> = { starting: 'service is starting' }) {
    for (const [key, reason] of Object.entries(initialNotReady)) this.notReadyReasons.set(key, reason);
  }

  /** Marks the process dead: Kubernetes should restart it. */
  markDead(reason: string): void {
    this.alive = false;
    this.deadReason = reason;
  }

  /** Adds (or replaces) a named reason why the service is not ready. */
  setNotReady(key: string, reason: string): void {
    this.notReadyReasons.set(key, reason);
  }

  /** Removes a named not-ready reason. */
  setReady(key: string): void {
    this.notReadyReasons.delete(key);
  }

  /** Liveness. */
  liveness(): { ok: boolean; reason?: string } {
    return this.alive ? { ok: true } : { ok: false, reason: this.deadReason };
  }

  /** Readiness: alive and no outstanding not-ready reason. */
  readiness(): { ok: boolean; reasons: string[] } {
    const reasons = [...this.notReadyReasons.values()];
    if (!this.alive) reasons.unshift(this.deadReason);
    return { ok: reasons.length === 0, reasons };
  }
}

import type { LifecycleEffect } from '../device-truth.js';

/** One COMPLIANCE event of a channel: its `body` and what it does to the channel's lifecycle. */
export interface ComplianceStep {
  readonly at: number;
  readonly body: Readonly<Record<string, unknown>>;
  readonly effect: LifecycleEffect;
}

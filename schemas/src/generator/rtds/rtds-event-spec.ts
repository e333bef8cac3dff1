import type { LifecycleEffect } from '../device-truth.js';

/** One RTDS event a step produces, before its id, its timing and the stream's quirks. */
export interface RtdsEventSpec {
  readonly type: string;
  /** `occurred`. */
  readonly at: number;
  /** Which form of the device object it carries: with attributes, ids only, or none. */
  readonly device: 'full' | 'bare' | 'none';
  readonly body?: Record<string, unknown> | undefined;
  /** Top-level fields next to `body`. */
  readonly extras?: Record<string, unknown> | undefined;
  readonly effect?: LifecycleEffect;
  /** A CLOSE that reaches Airship late. */
  readonly latent?: boolean;
  /** Digits of an oversized CUSTOM `value`, which `body` holds as a placeholder. */
  readonly bigValue?: string | undefined;
}

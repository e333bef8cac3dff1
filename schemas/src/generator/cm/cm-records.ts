import type { DeviceRef, LifecycleEffect } from '../device-truth.js';

/** A CM.com event before delivery: its body text is final, redeliveries send it byte for byte. */
export interface CmDraft {
  /** Identifies the unique event: `<installation id>|<timeUtc>` (unique per device by construction). */
  readonly key: string;
  readonly type: string;
  readonly body: string;
  readonly device: DeviceRef;
  /** `timeUtc` as epoch ms (whole seconds). */
  readonly occurredMs: number;
  readonly effect: LifecycleEffect;
  readonly unknownType: boolean;
  /** Whether the body has the newer top-level `reference` event id. */
  readonly hasReference: boolean;
}

/** One webhook request CM.com makes. */
export interface CmRequestRecord extends CmDraft {
  /** Position in the request sequence, 0-based. */
  readonly index: number;
  /** 0 for the first delivery, 1… for redeliveries of the same body. */
  readonly delivery: number;
  readonly deliveredMs: number;
}

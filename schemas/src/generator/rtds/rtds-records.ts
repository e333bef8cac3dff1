import type { DeviceRef, LifecycleEffect } from '../device-truth.js';

interface LineBase {
  /** Position in the stream, 0-based, counting every line (keepalives too). */
  readonly index: number;
  /** The line as sent, without its `\n`. */
  readonly line: string;
  /** When the server writes it (epoch ms). */
  readonly timeMs: number;
}

/** A blank keepalive line. */
export interface RtdsKeepaliveRecord extends LineBase {
  readonly kind: 'keepalive';
}

/** An OFFSET_UPDATE written instead of a blank keepalive (`enable_offset_updates`). */
export interface RtdsOffsetUpdateRecord extends LineBase {
  readonly kind: 'offset-update';
  readonly offset: string;
}

/** An event line: an original, or a duplicate (same `id`, new `offset` and `processed`). */
export interface RtdsEventRecord extends LineBase {
  readonly kind: 'event';
  readonly id: string;
  readonly type: string;
  readonly offset: string;
  /** The offset's position in the stream's offset sequence (offsets themselves are opaque). */
  readonly offsetSequence: number;
  readonly occurredMs: number;
  readonly processedMs: number;
  readonly duplicate: boolean;
  readonly device: DeviceRef | undefined;
  readonly effect: LifecycleEffect;
  readonly unknownType: boolean;
  readonly unknownFields: readonly string[];
  readonly latent: boolean;
  /** The exact digits of an oversized CUSTOM `value` (JSON.parse would round them). */
  readonly bigValue: string | undefined;
}

/** One line of an RTDS response stream, with what the generator knows about it. */
export type RtdsLineRecord = RtdsKeepaliveRecord | RtdsOffsetUpdateRecord | RtdsEventRecord;

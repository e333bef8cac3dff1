import type { DeviceRef, LifecycleEffect } from '../device-truth.js';

/** One Segment-spec message, serialised once; a re-send repeats the same text. */
export interface TrackMessageDraft {
  readonly messageId: string;
  readonly kind: 'track' | 'identify' | 'screen';
  /** The track `event`, the screen `name`, or `identify`. */
  readonly name: string;
  /** The message's JSON text, without `writeKey` and `sentAt` (the request adds those). */
  readonly json: string;
  readonly writeKey: string;
  readonly device: DeviceRef;
  readonly occurredMs: number;
  readonly effect: LifecycleEffect;
}

/** A message inside a request, and whether it was sent before. */
export interface TrackMessageRecord extends Omit<TrackMessageDraft, 'json'> {
  readonly duplicate: boolean;
}

/** One request to the track endpoint: a single message, or a `batch` of several of one app. */
export interface TrackRequestRecord {
  /** Position in the request sequence, 0-based. */
  readonly index: number;
  readonly body: string;
  readonly batch: boolean;
  readonly writeKey: string;
  readonly sentAtMs: number;
  readonly messages: readonly TrackMessageRecord[];
}

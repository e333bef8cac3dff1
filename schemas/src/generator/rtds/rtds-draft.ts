import type { DeviceRef, LifecycleEffect } from '../device-truth.js';
import { isoTime } from '../iso-time.js';

/**
 * An RTDS event before it is put on the wire: everything but its `offset` (given when it is sent) and,
 * for a duplicate, its `processed`. `tail` is the event's JSON without the envelope fields.
 */
export interface RtdsDraft {
  readonly id: string;
  readonly type: string;
  readonly occurredMs: number;
  readonly processedMs: number;
  /** JSON object text starting with `{"type":`, without `id`, `offset`, `occurred`, `processed`. */
  readonly tail: string;
  /** The device, or `undefined` for PUSH_BODY. */
  readonly device: DeviceRef | undefined;
  readonly effect: LifecycleEffect;
  readonly unknownType: boolean;
  /** Paths of the undocumented fields added to a documented event (`body.delivery_surface`). */
  readonly unknownFields: readonly string[];
  /** A CLOSE that reached Airship late. */
  readonly latent: boolean;
  /** The exact digits of a CUSTOM `value` too big for a JS number, as written on the wire. */
  readonly bigValue: string | undefined;
}

/** The wire form of a draft: an NDJSON line without its newline. */
export function rtdsLineOf(draft: RtdsDraft, offset: string, processedMs: number): string {
  return `{"id":"${draft.id}","offset":"${offset}","occurred":"${isoTime(draft.occurredMs)}","processed":"${isoTime(processedMs)}",${draft.tail.slice(1)}`;
}

/** Parts of an event's JSON besides the envelope. */
export interface TailParts {
  readonly type: string;
  /** `device` as JSON text. */
  readonly device?: string | undefined;
  /** `user` as JSON text. */
  readonly user?: string | undefined;
  readonly body?: Readonly<Record<string, unknown>> | undefined;
  /** Extra top-level fields (the spec's CUSTOM example has `source` there; undocumented fields). */
  readonly extras?: Readonly<Record<string, unknown>> | undefined;
}

/** Joins the parts into the tail JSON text. */
export function assembleTail(parts: TailParts): string {
  let text = `{"type":${JSON.stringify(parts.type)}`;
  if (parts.device !== undefined) text += `,"device":${parts.device}`;
  if (parts.user !== undefined) text += `,"user":${parts.user}`;
  if (parts.body !== undefined) text += `,"body":${JSON.stringify(parts.body)}`;
  if (parts.extras !== undefined) {
    for (const [key, value] of Object.entries(parts.extras))
      text += `,${JSON.stringify(key)}:${JSON.stringify(value)}`;
  }
  return `${text}}`;
}

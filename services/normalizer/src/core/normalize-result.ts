import type { DeviceEvent, ErrorCode } from '@pushstream/schemas';

/** What the normalizer makes of one raw record. */
export type NormalizeResult =
  /** A device event to write (if its id is not a duplicate). */
  | { readonly kind: 'event'; readonly event: DeviceEvent }
  /** Nothing to write and nothing wrong (an RTDS OFFSET_UPDATE that reached a raw topic). */
  | { readonly kind: 'skip'; readonly reason: string }
  /** A poison record: dead-lettered with this code. */
  | { readonly kind: 'reject'; readonly code: ErrorCode; readonly message: string };

/** A rejection result. */
export function reject(code: ErrorCode, message: string): NormalizeResult {
  return { kind: 'reject', code, message };
}

import { fieldOf } from '../dispatch-schema.js';
import { schemaViolation } from '../format-issues.js';
import { parseJsonText, type TextLimits } from '../json-text.js';
import type { ParseResult } from '../parse-result.js';
import { parseSegmentBatch, type SegmentBatchResult } from './segment-batch.js';
import { SegmentMessageSchema, type SegmentMessage } from './segment-message.js';

/** Segment's documented limits: 32 KB per call, 500 KB per batch request (pass them as `maxBytes`). */
export const SEGMENT_LIMITS = { messageBytes: 32 * 1024, batchBytes: 500 * 1024 } as const;

/** Validates one decoded Segment-spec message (track, identify, register push, …). Never throws. */
export function parseSegmentMessage(body: unknown): ParseResult<SegmentMessage> {
  const result = SegmentMessageSchema.safeParse(body);
  return result.success ? { ok: true, event: result.data } : schemaViolation(result.error.issues, body);
}

/**
 * Parses a Segment-spec request body: a batch when it has a `batch` member or `type: "batch"` (the result then has `items`),
 * otherwise one message. Never throws.
 */
export function parseSegmentRequest(
  text: string,
  limits: TextLimits = {},
): ParseResult<SegmentMessage> | SegmentBatchResult {
  const json = parseJsonText(text, limits);
  if (!json.ok) return json;
  return fieldOf(json.event, 'batch') === undefined
    ? parseSegmentMessage(json.event)
    : parseSegmentBatch(json.event);
}

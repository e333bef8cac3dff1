import { schemaViolation } from '../format-issues.js';
import { parseJsonText, type TextLimits } from '../json-text.js';
import type { ParseResult } from '../parse-result.js';
import { RtdsEventSchema, type RtdsEvent } from './rtds-event.js';

/** Validates an already-decoded RTDS event value. Never throws. */
export function parseRtdsEvent(value: unknown): ParseResult<RtdsEvent> {
  const result = RtdsEventSchema.safeParse(value);
  return result.success ? { ok: true, event: result.data } : schemaViolation(result.error.issues, value);
}

/**
 * Parses one NDJSON line of an RTDS stream (event or compliance stream). Blank keepalive lines carry no event
 * and come back as RECORD_INVALID_JSON: skip them before calling. Never throws. The result is for routing
 * and validation; the connector publishes the original bytes, so precision lost by JSON.parse (a huge custom
 * event `value`) never reaches a topic.
 */
export function parseRtdsLine(line: string, limits: TextLimits = {}): ParseResult<RtdsEvent> {
  const json = parseJsonText(line, limits);
  return json.ok ? parseRtdsEvent(json.event) : json;
}

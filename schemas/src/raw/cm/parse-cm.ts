import { schemaViolation } from '../format-issues.js';
import { parseJsonText, type TextLimits } from '../json-text.js';
import type { ParseResult } from '../parse-result.js';
import { CmEventSchema, type CmEvent } from './cm-event.js';

/** Validates a decoded CM.com webhook body (one event object). Never throws. */
export function parseCmEvent(body: unknown): ParseResult<CmEvent> {
  const result = CmEventSchema.safeParse(body);
  return result.success ? { ok: true, event: result.data } : schemaViolation(result.error.issues, body);
}

/**
 * Parses the text of a CM.com webhook request. CM sends one event per POST, so a JSON array is a schema
 * violation, not a batch. Never throws.
 */
export function parseCmRequest(text: string, limits: TextLimits = {}): ParseResult<CmEvent> {
  const json = parseJsonText(text, limits);
  return json.ok ? parseCmEvent(json.event) : json;
}

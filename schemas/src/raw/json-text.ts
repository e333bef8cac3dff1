import { parseFailure, type ParseResult } from './parse-result.js';

/** Size limit applied to a raw text before it is parsed. */
export interface TextLimits {
  /** Largest accepted UTF-8 byte length; unset means no limit. */
  readonly maxBytes?: number;
}

/** Parses JSON text into an unvalidated value, reporting oversize, blank and malformed input as failures. */
export function parseJsonText(text: string, limits: TextLimits = {}): ParseResult<unknown> {
  if (limits.maxBytes !== undefined) {
    const bytes = Buffer.byteLength(text, 'utf8');
    if (bytes > limits.maxBytes) {
      return parseFailure('RECORD_TOO_LARGE', `input is ${bytes} bytes, the limit is ${limits.maxBytes}`);
    }
  }
  if (text.trim() === '') return parseFailure('RECORD_INVALID_JSON', 'invalid JSON: input is empty');
  try {
    return { ok: true, event: JSON.parse(text) as unknown };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return parseFailure('RECORD_INVALID_JSON', `invalid JSON: ${reason}`);
  }
}

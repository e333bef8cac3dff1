import type { ErrorCode } from '../errors/error-codes.js';

/** The error codes a raw-input parse can yield: a subset of the project's closed list. */
export const RAW_ERROR_CODES = [
  'RECORD_INVALID_JSON',
  'RECORD_SCHEMA_VIOLATION',
  'RECORD_TOO_LARGE',
] as const satisfies readonly ErrorCode[];

/** One of {@link RAW_ERROR_CODES}. */
export type RawErrorCode = (typeof RAW_ERROR_CODES)[number];

/** Why a raw input was rejected; `message` starts with `path` for schema violations. */
export interface RawInputError {
  readonly code: RawErrorCode;
  /** Human-readable, names the failing field, never echoes field values (they may be personal data). */
  readonly message: string;
  /** Path of the first failing field, e.g. `body.push_id` or `batch[3].event`; `''` for the whole input. */
  readonly path: string;
}

/** A raw input that passed its schema; `event` is the schema's output. */
export interface ParseSuccess<T> {
  readonly ok: true;
  readonly event: T;
}

/** A raw input that did not pass. */
export interface ParseFailure {
  readonly ok: false;
  readonly error: RawInputError;
}

/** Outcome of every raw-input parser: parsers never throw. */
export type ParseResult<T> = ParseSuccess<T> | ParseFailure;

/** Builds a failure result. */
export function parseFailure(code: RawErrorCode, message: string, path = ''): ParseFailure {
  return { ok: false, error: { code, message, path } };
}

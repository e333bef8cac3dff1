import { UsageError } from './usage-error.js';

/** One `--where` condition: a dotted path into the decoded value, compared as text. */
export interface FieldCondition {
  readonly path: readonly string[];
  readonly op: '=' | '!=';
  readonly expected: string;
}

/** The filters of `tail`: all given ones must hold. */
export interface RecordFilter {
  readonly key?: string;
  readonly where: readonly FieldCondition[];
  /** Only records whose Kafka timestamp is at or after this (ms since the epoch). */
  readonly sinceMs?: number;
}

/** What a filter looks at: the key as text, the decoded value, the record timestamp. */
export interface FilterableRecord {
  readonly key: string | null;
  readonly value: unknown;
  readonly timestampMs: number;
}

/** Parses `field=value`, `a.b.c=value` or `field!=value`. */
export function parseCondition(text: string): FieldCondition {
  const match = /^([^=!]+?)\s*(!=|=)(.*)$/.exec(text);
  const field = match?.[1]?.trim();
  if (match === null || field === undefined || field === '' || field.split('.').some((part) => part === ''))
    throw new UsageError(
      `--where expects <field>=<value> or <field>!=<value> (dotted paths allowed), got "${text}"`,
    );
  return { path: field.split('.'), op: match[2] === '!=' ? '!=' : '=', expected: match[3] ?? '' };
}

/** The value at a dotted path of a decoded record, or undefined when a step is missing. */
export function valueAtPath(value: unknown, path: readonly string[]): unknown {
  let current: unknown = value;
  for (const step of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[step];
  }
  return current;
}

/** How a field's value reads in a comparison: strings as is, null as `null`, the rest as JSON. */
export function comparableText(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value);
  return JSON.stringify(value);
}

/** True when the record passes every filter. */
export function matchesFilter(record: FilterableRecord, filter: RecordFilter): boolean {
  if (filter.key !== undefined && record.key !== filter.key) return false;
  if (filter.sinceMs !== undefined && record.timestampMs < filter.sinceMs) return false;
  return filter.where.every((condition) => {
    const actual = comparableText(valueAtPath(record.value, condition.path));
    const equal = actual !== undefined && actual === condition.expected;
    return condition.op === '=' ? equal : !equal;
  });
}

import type { z } from 'zod';
import { parseFailure, type ParseFailure } from './parse-result.js';

type PathSegment = PropertyKey;

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const MAX_LISTED_ISSUES = 3;

/** Renders a path as `body.push_id`, `batch[3].event` or `device.identifiers["com.urbanairship.idfa"]`. */
export function formatPath(path: readonly PathSegment[]): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else if (typeof segment === 'string' && IDENTIFIER.test(segment))
      text += text === '' ? segment : `.${segment}`;
    else text += `[${JSON.stringify(String(segment))}]`;
  }
  return text;
}

/**
 * Turns zod issues into one RECORD_SCHEMA_VIOLATION. `input` is the value that was parsed (it names what
 * was received); `prefix` places it inside a larger document (a batch item).
 */
export function schemaViolation(
  issues: readonly z.core.$ZodIssue[],
  input: unknown,
  prefix: readonly PathSegment[] = [],
): ParseFailure {
  const described = issues.map((issue) => {
    const path = formatPath([...prefix, ...issue.path]);
    return { path, text: `${path === '' ? '(root)' : path}: ${describeIssue(issue, input)}` };
  });
  const first = described[0];
  const listed = described.slice(0, MAX_LISTED_ISSUES).map((entry) => entry.text);
  const more = described.length > MAX_LISTED_ISSUES ? ` (+${described.length - MAX_LISTED_ISSUES} more)` : '';
  return parseFailure(
    'RECORD_SCHEMA_VIOLATION',
    `${listed.join('; ')}${more}`,
    first?.path ?? formatPath(prefix),
  );
}

function describeIssue(issue: z.core.$ZodIssue, input: unknown): string {
  switch (issue.code) {
    case 'invalid_type': {
      const expected = issue.expected === 'nonoptional' ? 'a JSON value' : issue.expected;
      const found = lookup(input, issue.path);
      if (!found.present) return `required field missing (expected ${expected})`;
      return `expected ${expected}, received ${jsonType(found.value)}`;
    }
    case 'invalid_value':
      return `expected ${issue.values.map((value) => JSON.stringify(value)).join(' or ')}`;
    case 'too_small':
      if (issue.origin === 'array') return `expected at least ${String(issue.minimum)} item(s)`;
      if (issue.origin === 'string') return 'expected a non-empty string';
      return `expected a value >= ${String(issue.minimum)}`;
    case 'invalid_format':
      return issue.format === 'datetime' ? 'expected an ISO-8601 date-time string' : issue.message;
    default:
      return issue.message;
  }
}

function lookup(root: unknown, path: readonly PathSegment[]): { present: boolean; value?: unknown } {
  let current = root;
  for (const segment of path) {
    if (typeof current !== 'object' || current === null || typeof segment === 'symbol')
      return { present: false };
    if (!Object.hasOwn(current, segment)) return { present: false };
    current = (current as Record<string | number, unknown>)[segment];
  }
  return { present: true, value: current };
}

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number' && !Number.isFinite(value)) return 'non-finite number';
  return typeof value;
}

import { asRecord } from './event-fields.js';

/**
 * A JSON predicate as RTDS filters take them: `and` / `or` / `not`, or a leaf that matches the value
 * at `key` (inside `scope`, a path from the event's top level) with one matcher.
 */
export type JsonPredicate =
  | { readonly and: readonly JsonPredicate[] }
  | { readonly or: readonly JsonPredicate[] }
  | { readonly not: JsonPredicate }
  | { readonly key: string; readonly scope?: string | readonly string[]; readonly value: Matcher };

/** The matchers of the spec's JSON predicate schema. */
export type Matcher =
  | { readonly equals: unknown }
  | { readonly at_least?: number; readonly at_most?: number }
  | { readonly is_present: boolean }
  | { readonly version_matches: string }
  | { readonly array_contains: { readonly value: Matcher; readonly index?: number } };

/** Why `value` is not a valid predicate (a `400`), or undefined if it is one. */
export function predicateProblem(value: unknown, path: string): string | undefined {
  const node = asRecord(value);
  if (node === undefined) return `${path} must be an object`;
  const keys = Object.keys(node);
  if ('and' in node || 'or' in node) {
    const op = 'and' in node ? 'and' : 'or';
    if (keys.length !== 1) return `${path} has unexpected attributes next to "${op}"`;
    const list = node[op];
    if (!Array.isArray(list) || list.length === 0) return `${path}.${op} must be a non-empty array`;
    return firstProblem(list.map((item, i) => predicateProblem(item, `${path}.${op}[${i}]`)));
  }
  if ('not' in node) {
    return keys.length === 1
      ? predicateProblem(node.not, `${path}.not`)
      : `${path} has unexpected attributes`;
  }
  const unexpected = keys.find((key) => key !== 'key' && key !== 'scope' && key !== 'value');
  if (unexpected !== undefined) return `${path} has unexpected attribute "${unexpected}"`;
  if (typeof node.key !== 'string') return `${path}.key must be a string`;
  const scope = node.scope;
  if (scope !== undefined && typeof scope !== 'string') {
    if (!Array.isArray(scope) || scope.length === 0 || !scope.every((part) => typeof part === 'string'))
      return `${path}.scope must be a string or a non-empty array of strings`;
  }
  return matcherProblem(node.value, `${path}.value`);
}

function matcherProblem(value: unknown, path: string): string | undefined {
  const matcher = asRecord(value);
  if (matcher === undefined) return `${path} must be an object`;
  const keys = Object.keys(matcher);
  const only = (...allowed: string[]): string | undefined => {
    const extra = keys.find((key) => !allowed.includes(key));
    return extra === undefined ? undefined : `${path} has unexpected attribute "${extra}"`;
  };
  if ('equals' in matcher) return only('equals');
  if ('is_present' in matcher)
    return typeof matcher.is_present === 'boolean'
      ? only('is_present')
      : `${path}.is_present must be a boolean`;
  if ('version_matches' in matcher)
    return typeof matcher.version_matches === 'string'
      ? only('version_matches')
      : `${path}.version_matches must be a string`;
  if ('array_contains' in matcher) {
    const contains = asRecord(matcher.array_contains);
    if (contains === undefined) return `${path}.array_contains must be an object`;
    const index = contains.index;
    if (index !== undefined && !(Number.isInteger(index) && (index as number) >= 0))
      return `${path}.array_contains.index must be a non-negative integer`;
    const extra = Object.keys(contains).find((key) => key !== 'value' && key !== 'index');
    if (extra !== undefined) return `${path}.array_contains has unexpected attribute "${extra}"`;
    return only('array_contains') ?? matcherProblem(contains.value, `${path}.array_contains.value`);
  }
  if ('at_least' in matcher || 'at_most' in matcher) {
    for (const bound of ['at_least', 'at_most'] as const) {
      if (bound in matcher && typeof matcher[bound] !== 'number') return `${path}.${bound} must be a number`;
    }
    return only('at_least', 'at_most');
  }
  return `${path} has no known matcher`;
}

/** Whether `event` passes `predicate` (already validated). */
export function matchesPredicate(predicate: JsonPredicate, event: unknown): boolean {
  if ('and' in predicate) return predicate.and.every((inner) => matchesPredicate(inner, event));
  if ('or' in predicate) return predicate.or.some((inner) => matchesPredicate(inner, event));
  if ('not' in predicate) return !matchesPredicate(predicate.not, event);
  const scope =
    predicate.scope === undefined
      ? []
      : typeof predicate.scope === 'string'
        ? [predicate.scope]
        : predicate.scope;
  let target: unknown = event;
  for (const part of scope) target = asRecord(target)?.[part];
  return matches(predicate.value, asRecord(target)?.[predicate.key]);
}

function matches(matcher: Matcher, value: unknown): boolean {
  if ('equals' in matcher) return deepEqual(matcher.equals, value);
  if ('is_present' in matcher) return (value !== undefined) === matcher.is_present;
  if ('version_matches' in matcher)
    return typeof value === 'string' && versionMatches(matcher.version_matches, value);
  if ('array_contains' in matcher) {
    if (!Array.isArray(value)) return false;
    const { index, value: inner } = matcher.array_contains;
    return index === undefined ? value.some((item) => matches(inner, item)) : matches(inner, value[index]);
  }
  const number = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : Number.NaN;
  if (Number.isNaN(number)) return false;
  return (
    (matcher.at_least === undefined || number >= matcher.at_least) &&
    (matcher.at_most === undefined || number <= matcher.at_most)
  );
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((item, i) => deepEqual(item, b[i]));
  const left = asRecord(a);
  const right = asRecord(b);
  if (left === undefined || right === undefined) return false;
  const keys = Object.keys(left);
  return keys.length === Object.keys(right).length && keys.every((key) => deepEqual(left[key], right[key]));
}

/** Ivy-style version matching: `1.2.3`, `1.2.+`, `[1.0,2.0]`, `(1.0,2.0)`, `[1.0,)`, `(,2.0]`. */
function versionMatches(range: string, version: string): boolean {
  const trimmed = range.trim();
  if (trimmed.endsWith('+')) return version.startsWith(trimmed.slice(0, -1));
  const bounds = /^([[(\]])\s*([^,]*)\s*,\s*([^,]*)\s*([\])[])$/.exec(trimmed);
  if (bounds === null) return compareVersions(version, trimmed) === 0;
  const [, open = '[', low = '', high = '', close = ']'] = bounds;
  if (low !== '') {
    const cmp = compareVersions(version, low);
    if (open === '[' ? cmp < 0 : cmp <= 0) return false;
  }
  if (high !== '') {
    const cmp = compareVersions(version, high);
    if (close === ']' ? cmp > 0 : cmp >= 0) return false;
  }
  return true;
}

function compareVersions(a: string, b: string): number {
  const left = a.split(/[.-]/);
  const right = b.split(/[.-]/);
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const x = left[i] ?? '0';
    const y = right[i] ?? '0';
    const nx = Number(x);
    const ny = Number(y);
    const cmp = Number.isNaN(nx) || Number.isNaN(ny) ? x.localeCompare(y) : nx - ny;
    if (cmp !== 0) return Math.sign(cmp);
  }
  return 0;
}

function firstProblem(problems: readonly (string | undefined)[]): string | undefined {
  return problems.find((problem) => problem !== undefined);
}
